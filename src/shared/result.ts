/**
 * Errors are values across boundaries: domain functions that can refuse their input return
 * a `Result` instead of throwing, so a caller on the sale screen cannot forget to handle the refusal.
 */

/** A coded, human-readable reason something was refused. `code` is stable; `message` is for people. */
export interface CodedError {
  code: string;
  message: string;
}

/** Success with a value, or a coded error. */
export type Result<T, E extends CodedError = CodedError> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps a coded error as a failure. */
export function err<E extends CodedError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

/** Shorthand for `err({ code, message })`. */
export function fail(code: string, message: string): { ok: false; error: CodedError } {
  return { ok: false, error: { code, message } };
}
