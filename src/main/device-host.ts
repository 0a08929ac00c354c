/**
 * Electron main's device host: runs the built device service (out/main/device-service.js, the second entry
 * of the main build in electron.vite.config.ts) in an Electron utility process, over the supervisor the
 * browser-mode host uses too (src/backend/devices). A crashing native driver takes down only that process,
 * which is restarted while the sale screen keeps running.
 */
import { utilityProcess } from 'electron';
import type { DeviceHost } from '../backend/devices/device-host';
import { createSupervisedDeviceHost } from '../backend/devices/supervised-device-host';
import type { SupervisorOptions } from '../backend/devices/supervised-device-host';
import { type VirtualRigClient, startVirtualRig } from '../backend/hardware/virtual-rig';

/** Builds a device host running `servicePath` in a utility process. Nothing runs until `start()`. */
export function createUtilityDeviceHost(
  servicePath: string,
  options: SupervisorOptions & { dataDir?: string } = {},
): DeviceHost {
  return createSupervisedDeviceHost((listeners) => {
    // Its data folder (devices.json, the print spool) comes from main, which knows the app's user data.
    const env = options.dataDir ? { ...process.env, TILL_DEVICE_DATA_DIR: options.dataDir } : process.env;
    const child = utilityProcess.fork(servicePath, [], {
      serviceName: 'Till devices',
      stdio: 'inherit',
      env,
    });
    let exited = false;
    child.on('message', (message: unknown) => listeners.onMessage(message));
    child.on('exit', (code: number) => {
      exited = true;
      listeners.onExit(`exit code ${code}`);
    });
    return {
      send(message) {
        if (!exited) child.postMessage(message);
      },
      kill() {
        if (exited) return;
        // `child.kill()` sends SIGTERM, which a service stuck in a native call never acts on: kill by pid.
        try {
          if (child.pid === undefined) child.kill();
          else process.kill(child.pid, 'SIGKILL');
        } catch {
          child.kill();
        }
      },
    };
  }, options);
}

/**
 * Starts the virtual hardware rig (the build's `virtual-rig.js`) in a utility process of its own, beside
 * the device service, and resolves once its twins listen.
 */
export function startUtilityVirtualRig(rigPath: string, dataDir: string): Promise<VirtualRigClient> {
  return startVirtualRig((listeners) => {
    const child = utilityProcess.fork(rigPath, [], {
      serviceName: 'Till virtual hardware',
      stdio: 'inherit',
      env: { ...process.env, TILL_DEVICE_DATA_DIR: dataDir },
    });
    let exited = false;
    child.on('message', (message: unknown) => listeners.onMessage(message));
    child.on('exit', (code: number) => {
      exited = true;
      listeners.onExit(`exit code ${code}`);
    });
    return {
      send(message) {
        if (!exited) child.postMessage(message);
      },
      kill() {
        if (!exited) child.kill();
      },
    };
  });
}
