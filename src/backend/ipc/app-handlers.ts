/** Handlers of the `app` area (src/shared/ipc/channels/app.ts): what the register runs as, and a ping. */
import { ipcOk } from '@till/shared/ipc/contract';
import type { AreaHandlers } from './handler-types';

/** What the `app` handlers need from the process that hosts them. */
export interface AppContext {
  /** The app's version (package.json). */
  version: string;
  mode: 'electron' | 'browser';
  /** Node's `process.platform`. */
  platform: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/** Builds the `app` handlers. */
export function createAppHandlers(context: AppContext): AreaHandlers<'app'> {
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
