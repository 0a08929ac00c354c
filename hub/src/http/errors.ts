/**
 * Refusals that are purely HTTP: missing or unknown credentials (401) and a path naming nothing (404).
 * Every other refusal is a DomainError from domain/errors.ts; the one error handler
 * (http/error-handler.ts) turns both into `{"error":{"code","message",…}}` responses.
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

/** 401: no or unknown credentials. */
export const unauthorized = (message = 'a valid bearer token is required') =>
  new HttpError(401, 'unauthorized', message);

/** 404: the path names nothing (an unknown order, customer, SKU, …). */
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
