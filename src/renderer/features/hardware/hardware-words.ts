/**
 * The Hardware screen's words for what the device service reports in codes: roles, lifecycle states, the
 * service's own state and the spool's job states.
 */
import type { DeviceRole } from '@till/shared/devices/config';
import type { DeviceHostStatus } from '@till/shared/devices/protocol';
import type { PrintJob } from '@till/shared/devices/records';

/** What each role is called. */
export const roleWords: Record<DeviceRole, string> = {
  scanner: 'Barcode scanner',
  printer: 'Receipt printer',
  drawer: 'Cash drawer',
  display: 'Customer pole display',
};

/** A device's lifecycle state, for people. */
export const deviceStateWords: Record<'closed' | 'opened' | 'claimed' | 'enabled', string> = {
  closed: 'Not connected',
  opened: 'Connected, not in use yet',
  claimed: 'Connected and reserved for this register',
  enabled: 'Working',
};

/** The device service's state, for people. */
export const serviceStateWords: Record<DeviceHostStatus['state'], string> = {
  starting: 'Starting',
  running: 'Running',
  restarting: 'Reconnecting the devices',
  stopped: 'Stopped',
};

/** A print job's state, for people. */
export const jobStateWords: Record<PrintJob['state'], string> = {
  queued: 'Waiting',
  sending: 'Printing',
  done: 'Printed',
  held: 'Held',
};
