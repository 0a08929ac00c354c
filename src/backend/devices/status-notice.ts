/**
 * What the person at the register is told when the device service goes down and comes back: an
 * `app:notice` (shown in the notice strip), sent by Electron main and by the browser-mode host alike.
 */
import type { IpcEventPayload } from '@till/shared/ipc/contract';
import type { DeviceHostStatus } from '@till/shared/devices/protocol';

/**
 * The notice for a status change, or null when there is nothing to say. `previous` is the status before
 * it: coming back after a restart is worth saying, the first start is not.
 */
export function deviceStatusNotice(
  previous: DeviceHostStatus['state'],
  next: DeviceHostStatus,
): IpcEventPayload<'app:notice'> | null {
  if (next.state === 'restarting' && previous !== 'restarting') {
    return {
      level: 'warning',
      code: 'devices_reconnecting',
      message: 'Devices are reconnecting: the scanner, printer and drawer are back in a moment.',
    };
  }
  if (next.state === 'running' && previous === 'restarting') {
    return { level: 'info', code: 'devices_reconnected', message: 'Devices are connected again.' };
  }
  return null;
}

/** Calls `notify` with a notice each time the host's status is worth one; returns the unsubscribe. */
export function noticeDeviceStatus(
  devices: { on(event: 'host:status', listener: (status: DeviceHostStatus) => void): () => void },
  notify: (notice: IpcEventPayload<'app:notice'>) => void,
): () => void {
  let previous: DeviceHostStatus['state'] = 'stopped';
  return devices.on('host:status', (status) => {
    const notice = deviceStatusNotice(previous, status);
    previous = status.state;
    if (notice) notify(notice);
  });
}
