/**
 * Handlers of the `display` area (src/shared/ipc/channels/display.ts): the customer display. The register
 * page publishes what the customer sees; the handlers keep the latest state (so a display opened late shows
 * it at once) and hand it to the process host, which sends it to its displays as `display:update` — a
 * WebSocket broadcast in browser mode, the display window in Electron. A pole display configured in the
 * device service shows the same state in two lines.
 */
import { ipcOk } from '@till/shared/ipc/contract';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import type { DeviceHost } from '../devices/device-host';
import type { AreaHandlers } from '../ipc/handler-types';

/** What the `display` handlers need from the process that hosts them. */
export interface DisplayContext {
  /** Sends a new state to every customer display of this process. */
  onDisplayUpdate?: (state: DisplayState) => void;
  /** Opens (or shows) the customer display window; absent where the page opens the display itself. */
  openDisplay?: () => void;
  /** The device service, whose pole display (when one is configured) shows each published state. */
  devices?: DeviceHost | null;
}

/** What a display shows before anything is published. */
export const welcomeState: DisplayState = { kind: 'idle', storeName: null };

/** Builds the `display` handlers, with the latest state kept for this process's lifetime. */
export function createDisplayHandlers(context: DisplayContext): AreaHandlers<'display'> {
  let latest: DisplayState = welcomeState;
  return {
    'display:publish': (state) => {
      latest = state;
      context.onDisplayUpdate?.(state);
      // Not awaited: the sale screen never waits for a pole display, and a missing one is not an error.
      void context.devices?.request({ method: 'display:show', params: { state } });
      return ipcOk({ published: true as const });
    },
    'display:current': () => ipcOk(latest),
    'display:open': () => {
      if (!context.openDisplay) return ipcOk({ openedBy: 'page' as const });
      context.openDisplay();
      return ipcOk({ openedBy: 'host' as const });
    },
  };
}
