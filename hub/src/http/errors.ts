/**
 * Coded HTTP errors. Every refusal the hub makes is `{"error":{"code","message",…}}` with a 4xx; the one
 * error handler in app.ts turns these into responses and anything unexpected into a bare 500.
 */

/** An error that becomes a response with `status` and body `{error:{code,message,...details}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400: the request is malformed or breaks a rule. */
export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new HttpError(400, code, message, details);

/** 401: no or unknown credentials. */
export const unauthorized = (message = 'a valid bearer token is required') =>
  new HttpError(401, 'unauthorized', message);

/** 403: known credentials, but not for this. */
export const forbidden = (code: string, message: string, details?: Record<string, unknown>) =>
  new HttpError(403, code, message, details);

/** 404: no such thing. */
export const notFound = (code: string, message: string) => new HttpError(404, code, message);

/** 409: the request conflicts with the current state. */
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new HttpError(409, code, message, details);
