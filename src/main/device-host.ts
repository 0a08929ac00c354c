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

/** What a launcher reports back about its child. */
interface ChildListeners {
  onMessage(message: unknown): void;
  onExit(detail: string): void;
}

/**
 * Starts `entry` in a utility process named `serviceName`, with `TILL_DEVICE_DATA_DIR` set to `dataDir` when
 * one is given, and wires its messages and end to `listeners`. `hardKill` ends it with SIGKILL by pid, for a
 * child that may be stuck in a native call where SIGTERM is never acted on.
 */
function forkUtilityChild<M>(
  entry: string,
  options: { serviceName: string; dataDir: string | undefined; hardKill: boolean },
  listeners: ChildListeners,
): { send(message: M): void; kill(): void } {
  const env = options.dataDir ? { ...process.env, TILL_DEVICE_DATA_DIR: options.dataDir } : process.env;
  const child = utilityProcess.fork(entry, [], { serviceName: options.serviceName, stdio: 'inherit', env });
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
      if (!options.hardKill) return void child.kill();
      // `child.kill()` sends SIGTERM, which a service stuck in a native call never acts on: kill by pid.
      try {
        if (child.pid === undefined) child.kill();
        else process.kill(child.pid, 'SIGKILL');
      } catch {
        child.kill();
      }
    },
  };
}

/** Builds a device host running `servicePath` in a utility process. Nothing runs until `start()`. */
export function createUtilityDeviceHost(
  servicePath: string,
  options: SupervisorOptions & { dataDir?: string } = {},
): DeviceHost {
  // Its data folder (devices.json, the print spool) comes from main, which knows the app's user data.
  return createSupervisedDeviceHost(
    (listeners) =>
      forkUtilityChild(
        servicePath,
        { serviceName: 'Till devices', dataDir: options.dataDir, hardKill: true },
        listeners,
      ),
    options,
  );
}

/**
 * Starts the virtual hardware rig (the build's `virtual-rig.js`) in a utility process of its own, beside
 * the device service, and resolves once its twins listen.
 */
export function startUtilityVirtualRig(rigPath: string, dataDir: string): Promise<VirtualRigClient> {
  return startVirtualRig((listeners) =>
    forkUtilityChild(rigPath, { serviceName: 'Till virtual hardware', dataDir, hardKill: false }, listeners),
  );
}
