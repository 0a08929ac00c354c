/**
 * Schemas every route shares: the error body, declared for each route's 4xx and 5xx answers, and how a
 * route names its request parts in validation messages (`invalid <what>: <field>: <problem>`).
 */
import { z } from 'zod';

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
