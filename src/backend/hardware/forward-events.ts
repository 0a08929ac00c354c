/**
 * Forwards the device service's events to the register's pages, in the IPC contract's words: scans as
 * `scanner:scan`, a drawer left open as `drawer:open-too-long`, and any change the Hardware screen shows
 * as `hardware:changed` (the page then asks `hardware:overview` again). Electron main and the browser-mode
 * host both use it, each with its own way of sending.
 */
import type { IpcEvent, IpcEventPayload } from '@till/shared/ipc/contract';
import type { DeviceHost } from '../devices/device-host';

/** Sends one event to the register's pages. */
export type SendEvent = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

/** Subscribes; returns what unsubscribes. */
export function forwardDeviceEvents(devices: DeviceHost, send: SendEvent): () => void {
  let wasTooLong = false;
  const stops = [
    devices.on('scanner:scan', (scan) => send('scanner:scan', scan)),
    devices.on('device:status', () => send('hardware:changed', { what: 'devices' })),
    devices.on('printer:jobs', () => send('hardware:changed', { what: 'jobs' })),
    devices.on('host:status', () => send('hardware:changed', { what: 'service' })),
    devices.on('drawer:state', (state) => {
      send('hardware:changed', { what: 'drawer' });
      // Once per opening: the warning is not repeated on every poll while the drawer stays open.
      if (state.tooLong && !wasTooLong) send('drawer:open-too-long', state);
      wasTooLong = state.tooLong;
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
