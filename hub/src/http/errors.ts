/**
 * Refusals that are purely HTTP: missing or unknown credentials (401), a path naming nothing (404), too
 * many attempts (429) and a database out of reach (503). Every other refusal is a DomainError from
 * domain/errors.ts; the one error handler (http/error-handler.ts) turns both into
 * `{"error":{"code","message",…}}` responses.
 */

/** An error that becomes a response with `status` and body `{error:{code,message,...details}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Response headers that go with it (`Retry-After`). */
    readonly headers: Record<string, string> = {},
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

/** 429: too many attempts; `retryAfterSeconds` says when the next one may be made. */
export const rateLimited = (retryAfterSeconds: number, message = 'too many attempts') =>
  new HttpError(
    429,
    'rate_limited',
    `${message}; try again in ${retryAfterSeconds} s`,
    { retryAfter: retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

/** How long a client should wait before retrying while the database is out of reach. */
export const DB_RETRY_AFTER_SECONDS = 5;

/** 503: the database does not answer; the same request may be sent again after `Retry-After`. */
export const dbUnavailable = () =>
  new HttpError(
    503,
    'db_unavailable',
    'the database does not answer; try again shortly',
    { retryAfter: DB_RETRY_AFTER_SECONDS },
    { 'retry-after': String(DB_RETRY_AFTER_SECONDS) },
  );
