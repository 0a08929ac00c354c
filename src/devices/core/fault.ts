/**
 * Builds and recognises the coded errors drivers reject with (`DeviceFault` of contracts.ts), so a caller
 * can tell the clerk what is wrong ("paper out", "offline") instead of showing a stack trace.
 */
import type { DeviceFault, DeviceFaultCode } from './contracts';

/** Every fault code, for checks at boundaries. */
export const deviceFaultCodes: readonly DeviceFaultCode[] = [
  'offline',
  'cover_open',
  'paper_out',
  'printer_error',
  'port_busy',
  'misconfigured',
];

/** A `DeviceFault` with `code` and a message for the log; `cause` keeps the OS error when there is one. */
export function deviceFault(code: DeviceFaultCode, message: string, cause?: unknown): DeviceFault {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as DeviceFault;
  error.name = 'DeviceFault';
  error.code = code;
  return error;
}

/** Whether `error` is a `DeviceFault` (an Error whose `code` is one of the fault codes). */
export function isDeviceFault(error: unknown): error is DeviceFault {
  const code: unknown = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (deviceFaultCodes as readonly string[]).includes(code);
}

/** The fault code of `error`, or `fallback` when it is something else (a bug, an OS error). */
export function faultCodeOf(error: unknown, fallback: DeviceFaultCode = 'offline'): DeviceFaultCode {
  return isDeviceFault(error) ? error.code : fallback;
}
