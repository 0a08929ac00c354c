/**
 * The IPC handlers, one per contract channel, as plain functions of a context.
 *
 * Electron main and the browser-mode register host both serve the renderer with exactly these handlers (each
 * builds a context for its own process), so behaviour cannot drift between the two modes. Nothing here may
 * import Electron: the host runs under plain Node.
 */
import { ipcOk } from '../../shared/ipc/contract';
import type { IpcChannel, IpcParsedRequest, IpcResponse, IpcResult } from '../../shared/ipc/contract';

/** What the handlers need from the process that hosts them. */
export interface HandlerContext {
  /** The app's version (package.json). */
  version: string;
  mode: 'electron' | 'browser';
  /** Node's `process.platform`. */
  platform: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/** A handler receives a payload already validated against its channel's schema. */
export type IpcHandler<C extends IpcChannel> = (
  request: IpcParsedRequest<C>,
) => IpcResult<IpcResponse<C>> | Promise<IpcResult<IpcResponse<C>>>;

/** One handler per channel; the type checker flags a channel without one. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** Builds the handler map for one process. */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  const now = context.now ?? (() => new Date());
  return {
    'app:info': () => ipcOk({ version: context.version, mode: context.mode, platform: context.platform }),
    'app:ping': (request) =>
      ipcOk({
        ...(request?.nonce !== undefined && { nonce: request.nonce }),
        receivedAt: now().toISOString(),
      }),
  };
}
