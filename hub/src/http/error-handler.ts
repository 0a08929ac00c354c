/**
 * The one error handler: a coded 4xx for anything the client did wrong — a domain refusal (its status
 * from the table below), failed validation, credentials, body too large, malformed JSON, wrong media type,
 * a value PostgreSQL refuses — a 503 `db_unavailable` with `Retry-After` when the database is out of
 * reach, and a bare 500 for the rest, logged but never leaked. Registered before the routes, for all of
 * them; the router's own refusals (an over-long parameter) get the same shape through `frameworkErrors`.
 */
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDataException, isDbUnavailable } from '../db/errors';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import { HttpError, dbUnavailable } from './errors';
import { type RequestNames, requestPartName } from './schemas';

/** The status of each domain refusal. */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  unknown_collection: 404,
  not_pullable: 405,
  not_pushable: 405,
  invalid_documents: 400,
  invalid_checkpoint: 400,
  missing_key: 400,
  unknown_sku: 400,
  unknown_store: 400,
  qty_invalid: 400,
  price_invalid: 400,
  amount_too_large: 400,
  invalid_order: 400,
  forbidden_store: 403,
  id_conflict: 409,
  invalid_code: 403,
  payment_declined: 402,
  insufficient_stock: 409,
  idempotency_mismatch: 422,
  unknown_order: 404,
  invalid_transition: 409,
};

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'body_too_large',
    message: 'the request body is too large',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'malformed_json',
    message: 'the body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    message: 'the content length does not match the body',
  },
};

/** The 400 of a failed schema: `invalid <what>: <field>: <problem>; …` with every issue listed. */
function invalidRequest(
  validation: readonly { instancePath: string; message?: string | undefined }[],
  part: keyof RequestNames,
  request: FastifyRequest,
): HttpError {
  const what = requestPartName(request, part);
  const issues = validation.map((v) => ({
    // `/lines/0/qty` → `lines.0.qty`, the path as zod names it.
    path: v.instancePath.split('/').filter(Boolean).join('.'),
    message: v.message ?? 'invalid',
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  return new HttpError(400, 'invalid_request', `invalid ${what}: ${summary}`, { issues });
}

/** Turns anything a route throws into the response it deserves. */
function toHttpError(error: FastifyError | Error, request: FastifyRequest): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) {
    return new HttpError(DOMAIN_STATUS[error.code], error.code, error.message, error.details);
  }
  // (A client whose socket is gone gets no answer. Not `request.raw.destroyed`: Node sets that once the
  // body has been read, so every push would fall through to a 500.)
  if (isDbUnavailable(error) && !request.raw.socket?.destroyed) return dbUnavailable();
  if (isDataException(error)) {
    // A value the schemas let through but PostgreSQL refuses (SQLSTATE class 22): the request's fault,
    // and its transaction rolled back, so nothing changed.
    return new HttpError(400, 'invalid_request', 'the request holds a value the database cannot store');
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: keyof RequestNames }).validationContext ?? 'body';
    return invalidRequest(error.validation, part, request);
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return new HttpError(known.status, known.code, known.message);
  if (error instanceof SyntaxError || fastifyError.statusCode === 400) {
    // The JSON parser's SyntaxError, or any other parse failure the framework flags as a client error.
    return new HttpError(400, 'malformed_json', 'the body is not valid JSON');
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return new HttpError(status, 'bad_request', error.message.slice(0, 200));
  }
  return null;
}

/** Sends `error` in the one error shape, with its headers. */
function sendHttpError(request: FastifyRequest, reply: FastifyReply, error: HttpError): FastifyReply {
  // A refusal before the body was read (401, 415, 429): do not wait for a body nobody will read.
  if (request.raw.complete === false) reply.header('connection', 'close');
  return reply
    .status(error.status)
    .headers(error.headers)
    .send({ error: { code: error.code, message: error.message, ...error.details } });
}

/**
 * Fastify's `frameworkErrors` option: the router's refusals, which never reach the error handler, in the
 * one error shape — and without echoing the URL back.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendHttpError(
      request,
      reply,
      new HttpError(414, 'uri_too_long', 'a path parameter of the URL is too long'),
    );
  } else if (error.code === 'FST_ERR_BAD_URL') {
    void sendHttpError(request, reply, new HttpError(400, 'bad_url', 'the URL is not valid'));
  } else {
    request.log.error({ err: error }, 'request failed in the router');
    void reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  }
}

/** Installs the error and not-found handlers on the root, so every route plugin has them. */
export const errorHandler: FastifyPluginAsync = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | Error, request, reply) => {
      const known = toHttpError(error, request);
      if (known) {
        if (known.status === 503) request.log.warn({ err: error }, 'database unavailable');
        return sendHttpError(request, reply, known);
      }
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
    });
    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } }),
    );
  },
  { name: 'till-error-handler' },
);
