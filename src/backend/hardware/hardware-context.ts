/** What the `printer` and `hardware` handlers need from the process that hosts them. */
import type { DeviceHost } from '../devices/device-host';
import type { VirtualRigClient } from './virtual-rig';

/** The device service and, on a register with virtual hardware, the rig. */
export interface HardwareContext {
  /** The device service; absent on a host that runs none (then no printer is set up). */
  devices?: DeviceHost | null;
  /** The virtual hardware; absent unless the host was asked to run it. */
  virtualRig?: () => VirtualRigClient | null;
  /** For the diagnostics report. */
  version: string;
  mode: 'electron' | 'browser';
  platform: string;
}
