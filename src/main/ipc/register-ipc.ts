/**
 * Wires the contract to Electron: one `ipcMain.handle` per channel, each checking the sender and then
 * dispatching (payload validation included), plus a typed `send` for host → renderer events.
 * The only place in main that touches raw `ipcMain` / `webContents.send`.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcChannels, ipcErr } from '@till/shared/ipc/contract';
import type { IpcEvent, IpcEventPayload } from '@till/shared/ipc/contract';
import { dispatchIpc } from '../../backend/ipc/dispatch';
import type { IpcHandlers } from '../../backend/ipc/handler-types';
import { isTrustedSender } from './trusted-sender';
import type { TrustedOrigin } from './trusted-sender';

/** The typed main → renderer side. */
export interface IpcEmitter {
  /** Sends an event to one window's page. */
  send<E extends IpcEvent>(target: WebContents, event: E, payload: IpcEventPayload<E>): void;
}

/** Registers every contract channel on `ipcMain`. Call once, after `app` is ready. */
export function registerIpc(handlers: IpcHandlers, trusted: TrustedOrigin): IpcEmitter {
  for (const channel of Object.keys(ipcChannels)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const facts = {
        webContentsId: event.sender.id,
        frameUrl: frame?.url,
        isMainFrame: frame != null && frame.parent === null,
      };
      if (!isTrustedSender(facts, trusted)) {
        console.warn(`[ipc] refused ${channel} from ${facts.frameUrl ?? 'a detached frame'}`);
        return ipcErr('forbidden', 'This page may not use the register API.');
      }
      return dispatchIpc(handlers, channel, payload);
    });
  }
  return {
    send(target, event, payload) {
      if (!target.isDestroyed()) target.send(event, payload);
    },
  };
}
