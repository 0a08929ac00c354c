/**
 * Bridges IPC results (values) to react-query (which wants a throw for its error state).
 */
import type { IpcErrorCode, IpcResult } from '@till/shared/ipc/contract';

/** A failed IPC result, thrown so that react-query can show it. */
export class IpcRequestError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcRequestError';
    this.code = code;
  }
}

/** The value of a successful result; throws `IpcRequestError` for a failed one. */
export function unwrapIpc<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new IpcRequestError(result.error.code, result.error.message);
}
