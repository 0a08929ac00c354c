/**
 * Turns a device service failure into the IPC contract's words: the renderer never sees the device
 * protocol's codes, only what it can act on (`devices_unavailable` while the service restarts,
 * `device_fault` with the reason, `printer_not_configured`…).
 */
import type { DeviceError } from '@till/shared/devices/protocol';
import { ipcErr } from '@till/shared/ipc/contract';
import type { IpcErrorCode, IpcResult } from '@till/shared/ipc/contract';

/** The IPC result for a failed device request; `notConfigured` is the code for a missing device. */
export function fromDeviceError<T = never>(
  error: DeviceError,
  notConfigured: IpcErrorCode = 'device_not_configured',
): IpcResult<T> {
  switch (error.code) {
    case 'unavailable':
    case 'timeout':
      return ipcErr('devices_unavailable', `${error.message} Try again in a moment.`);
    case 'not_configured':
      return ipcErr(notConfigured, error.message);
    case 'device_fault':
      return ipcErr('device_fault', error.message);
    case 'unknown_job':
      return ipcErr('unknown_job', error.message);
    case 'unsupported':
      return ipcErr('test_unsupported', error.message);
    case 'invalid_request':
      return ipcErr('invalid_request', error.message);
    default:
      return ipcErr('internal', 'The device service failed; the diagnostics report has the details.');
  }
}
