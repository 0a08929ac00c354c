/**
 * Runs one IPC request against the handler map: checks the channel, validates the payload with the channel's
 * zod schema, calls the handler and turns anything thrown into a coded `internal` error. Shared by Electron
 * main and the browser-mode host; who may call at all (sender checks, token, origin) is decided before this.
 */
import { z } from 'zod';
import { ipcChannels, ipcErr, isIpcChannel } from '@till/shared/ipc/contract';
import type { IpcResult } from '@till/shared/ipc/contract';
import type { IpcHandlers } from './handler-types';

/** Receives a handler's unexpected failure; the caller gets only a generic message (no internals). */
export type IpcFailureLogger = (channel: string, error: unknown) => void;

const defaultLogger: IpcFailureLogger = (channel, error) => console.error(`[ipc] ${channel} failed:`, error);

/** Validates and runs one request. Never throws. */
export async function dispatchIpc(
  handlers: IpcHandlers,
  channel: unknown,
  payload: unknown,
  logFailure: IpcFailureLogger = defaultLogger,
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) {
    return ipcErr('unknown_channel', `Unknown IPC channel ${JSON.stringify(String(channel).slice(0, 128))}.`);
  }
  const parsed = ipcChannels[channel].request.safeParse(payload);
  if (!parsed.success) {
    return ipcErr('invalid_request', `Invalid payload for ${channel}: ${z.prettifyError(parsed.error)}`);
  }
  // The map is indexed by a union here, so TypeScript cannot correlate handler and payload; the schema
  // above has just produced exactly this channel's parsed request.
  const handler = handlers[channel] as (request: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    logFailure(channel, error);
    return ipcErr('internal', `${channel} failed unexpectedly.`);
  }
}
