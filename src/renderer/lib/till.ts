/**
 * `window.till`: the renderer's only way to the outside (docs/architecture.md, Processes). In Electron the
 * preload exposes it; in browser mode `installTill` builds it over the register host's WebSocket from the
 * token in the page URL. Either way it is the same `TillApi` from src/shared/ipc/contract.ts.
 */
import { ipcErr } from '@till/shared/ipc/contract';
import type { TillApi } from '@till/shared/ipc/contract';
import { pageTokenKey, wsPath, wsTokenParam } from '@till/shared/ipc/ws-protocol';
import { createWebSocketTill } from './till-browser-transport';

declare global {
  interface Window {
    /** The register API (see src/shared/ipc/contract.ts). */
    till: TillApi;
  }
}

/** Installs the browser-mode `window.till` when no preload provided one. Idempotent. */
export function installTill(): void {
  // Electron: the preload has exposed it already.
  if ((window as Partial<Window>).till) return;
  const token = new URLSearchParams(window.location.hash.slice(1)).get(pageTokenKey);
  window.till = token
    ? createWebSocketTill(webSocketUrl(window.location, token))
    : unavailableTill('This page has no register token: start the register with npm start.');
}

/** The host's WebSocket URL for a page served from `location`. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${wsPath}?${wsTokenParam}=${encodeURIComponent(token)}`;
}

// A register page opened by hand has no host to talk to; it still renders, and says why nothing works.
function unavailableTill(message: string): TillApi {
  return {
    invoke: async () => ipcErr('unavailable', message),
    on: () => () => {},
  };
}
