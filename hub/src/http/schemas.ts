/**
 * Schemas every route shares: the error body, declared for each route's 4xx and 5xx answers, how a route
 * names its request parts in validation messages (`invalid <what>: <field>: <problem>`), and plain text
 * for request strings.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isStorableText } from '@till/shared/schemas/common';

/**
 * Whether `value` is text PostgreSQL can store: no NUL, no lone surrogate (the shared rule every document
 * schema uses too). Such a string would fail deep in a statement; it is refused at the edge instead.
 */
export const isPlainText = isStorableText;

/** The message of a string that is not plain text. */
export const NOT_PLAIN_TEXT = 'contains a NUL character or an unpaired surrogate';

/**
 * A request string of at most `max` characters (and at least `min`) that is plain text: what every
 * string of a hub request schema is. (The request guard refuses the same for routes that do not use it
 * yet: http/request-guards.ts.)
 */
export const text = (max: number, min = 0) =>
  z.string().min(min).max(max).refine(isPlainText, NOT_PLAIN_TEXT);

/** How a route names its request parts in a 400 `invalid_request` (default: body, query, path, headers). */
export interface RequestNames {
  body?: string;
  querystring?: string;
  params?: string;
  headers?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Names of the request parts in validation messages. */
    requestNames?: RequestNames;
  }
}

const DEFAULT_NAMES: Required<RequestNames> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/** What a route calls one part of its requests (`config.requestNames`, else body, query, path, headers). */
export function requestPartName(request: FastifyRequest, part: keyof RequestNames): string {
  return request.routeOptions.config.requestNames?.[part] ?? DEFAULT_NAMES[part];
}

/** Every error body: `{"error":{"code","message",…}}` (details such as `issues` or `documents` ride along). */
export const errorBodySchema = z.object({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

/** The error answers every route declares beside its own. */
export const errorResponses = { '4xx': errorBodySchema, '5xx': errorBodySchema } as const;

/**
 * Documents as they go out in bulk (pulls, push conflicts, look-ups): declared as unknown so serialising
 * a page of thousands neither walks nor copies them (they are checked where they are written).
 */
export const documentsSchema = z.array(z.unknown());

/** A server-sent event stream: the route takes over the reply, so nothing is serialised. */
export const eventStreamSchema = z.string().describe('text/event-stream');
