/**
 * The replication endpoints (docs/architecture.md, Sync protocol): pull by checkpoint, push (one
 * transaction per request) and the event stream, for every collection of the sync protocol. Each call is
 * authenticated by the register's token and sees only its own store's private data. Requests and answers
 * are the protocol's schemas; documents go out unparsed, as a page may hold thousands.
 */
import type { preValidationAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { collectionNameSchema, pullQuerySchema, pushRequestSchema } from '@till/shared/sync/protocol';
import { collectionNamed, pullFeedOf, pushHandlerOf } from '../domain/collections';
import { pullPage } from '../domain/pull';
import { identityOf, requireRegister } from '../http/auth';
import { documentsSchema, errorResponses, eventStreamSchema } from '../http/schemas';
import type { Hub } from '../hub';
import { openSse } from '../streams/sse';

const MAX_NAME = 64;
const paramsSchema = z.object({ collection: z.string().max(MAX_NAME).pipe(collectionNameSchema) });
/**
 * A pull answers `{"documents":[…],"checkpoint":{"xid","seq"}}` (the protocol's pull response) as JSON
 * text written by the database: a string here, so it is sent as it is rather than serialised again.
 */
const pullResponseSchema = z.string().describe('application/json: the pull response');

/**
 * Answers an unknown collection (404) or one that does not go this way (405) before the query or body is
 * validated, so a register learns first that the path itself is wrong.
 */
function collectionGoes(direction: 'pull' | 'push'): preValidationAsyncHookHandler {
  return async (request) => {
    const { collection } = request.params as { collection: string };
    // Over-long names are the params schema's to refuse (400 invalid_request).
    if (collection.length > MAX_NAME) return;
    const name = collectionNamed(collection);
    if (direction === 'pull') pullFeedOf(name);
    else pushHandlerOf(name);
  };
}

/** Pull, push and the register stream. */
export const syncRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  // Before the body is read: a request without a live token is a 401 at once, however slowly it comes.
  app.addHook('onRequest', requireRegister(hub.auth));

  app.get(
    '/api/v1/sync/:collection/pull',
    {
      schema: {
        params: paramsSchema,
        querystring: pullQuerySchema,
        response: { 200: pullResponseSchema, ...errorResponses },
      },
      preValidation: collectionGoes('pull'),
    },
    // The answer is JSON text the database wrote: sent as it is, never parsed and serialised again.
    async (request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .send(await pullPage(hub, pullFeedOf(request.params.collection), identityOf(request), request.query)),
  );

  app.post(
    '/api/v1/sync/:collection/push',
    {
      schema: {
        params: paramsSchema,
        body: pushRequestSchema,
        response: { 200: documentsSchema, ...errorResponses },
      },
      config: { requestNames: { body: 'push body' } },
      preValidation: collectionGoes('push'),
    },
    async (request) => {
      const push = pushHandlerOf(request.params.collection);
      const context = {
        db: hub.db,
        repos: hub.repos,
        identity: identityOf(request),
        gateway: hub.gateway,
        salesWriter: hub.salesWriter,
        pickupExpiryDays: hub.config.pickupExpiryDays,
      };
      return push(context, request.body);
    },
  );

  app.get(
    '/api/v1/sync/stream',
    { schema: { response: { 200: eventStreamSchema, ...errorResponses } } },
    async (request, reply) => {
      const identity = identityOf(request);
      const conn = openSse(request, reply);
      // An open stream is contact: the store's registers are online even when nothing sells.
      conn.onKeepalive(() => hub.auth.touch(identity.registerId));
      hub.syncStreams.add(identity.storeId, conn);
    },
  );
};
