/**
 * The browser-mode device host: runs the device service (src/devices/service.ts) as a Node child process
 * under tsx, over the supervisor that Electron main uses too (src/backend/devices), so a crash of the
 * service is restarted and reported the same way in both modes.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DeviceHost } from '../backend/devices/device-host';
import { createSupervisedDeviceHost } from '../backend/devices/supervised-device-host';
import type { SupervisorOptions } from '../backend/devices/supervised-device-host';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The service's entry, run from source (browser mode has no build of it). */
export const deviceServiceEntry = fileURLToPath(new URL('../devices/service.ts', import.meta.url));

/** Options: the supervisor's, and the entry to run (tests may run another). */
export interface ChildDeviceHostOptions extends SupervisorOptions {
  entry?: string;
  /** The service's data folder (its `devices.json` and print spool), passed as `TILL_DEVICE_DATA_DIR`. */
  dataDir?: string;
}

/** Builds a device host whose service is a child process of this one. Nothing runs until `start()`. */
export function createChildProcessDeviceHost(options: ChildDeviceHostOptions = {}): DeviceHost {
  const entry = options.entry ?? deviceServiceEntry;
  return createSupervisedDeviceHost((listeners) => {
    // From the repository root, so that `--import tsx` and the tsconfig paths (`@till/shared/*`) resolve.
    const child = fork(entry, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
      env: options.dataDir ? { ...process.env, TILL_DEVICE_DATA_DIR: options.dataDir } : process.env,
    });
    let exited = false;
    const exit = (detail: string): void => {
      if (exited) return;
      exited = true;
      listeners.onExit(detail);
    };
    child.on('message', (message) => listeners.onMessage(message));
    child.on('exit', (code, signal) => exit(signal ? `signal ${signal}` : `exit code ${code}`));
    // 'error' without 'exit' means it never started (or could not be signalled: then 'exit' still follows).
    child.on('error', (error) => {
      if (child.pid === undefined) exit(`could not start: ${error.message}`);
    });
    return {
      send(message) {
        if (child.connected) child.send(message);
      },
      kill() {
        child.kill('SIGKILL');
      },
    };
  }, options);
}
