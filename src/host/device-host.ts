/**
 * The browser-mode device host: runs the device service (src/devices/service.ts) as a Node child process
 * under tsx, over the supervisor that Electron main uses too (src/backend/devices), so a crash of the
 * service is restarted and reported the same way in both modes.
 */
import { fileURLToPath } from 'node:url';
import type { DeviceHost } from '../backend/devices/device-host';
import { createSupervisedDeviceHost } from '../backend/devices/supervised-device-host';
import type { SupervisorOptions } from '../backend/devices/supervised-device-host';
import { forkTsxChild } from './tsx-child';

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
  return createSupervisedDeviceHost((listeners) => forkTsxChild(entry, options.dataDir, listeners), options);
}
