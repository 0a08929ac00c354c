/**
 * The preload: exposes `window.till` (the `TillApi` of src/shared/ipc/contract.ts) to the sandboxed,
 * context-isolated page, and nothing else. Only contract channels and events pass; the page never gets
 * `ipcRenderer` itself, and listeners never see the Electron event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { ipcErr, isIpcChannel, isIpcEvent } from '@till/shared/ipc/contract';
import type { TillApi } from '@till/shared/ipc/contract';

const till = {
  async invoke(channel, ...[payload]) {
    if (!isIpcChannel(channel)) return ipcErr('unknown_channel', `Unknown IPC channel ${String(channel)}.`);
    try {
      return await ipcRenderer.invoke(channel, payload);
    } catch (error) {
      // invoke rejects only when main has no handler or the channel broke; results stay values.
      return ipcErr(
        'unavailable',
        error instanceof Error ? error.message : 'The register process did not answer.',
      );
    }
  },
  on(event, listener) {
    if (!isIpcEvent(event)) throw new Error(`Unknown IPC event ${String(event)}.`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
} satisfies TillApi;

contextBridge.exposeInMainWorld('till', till);
