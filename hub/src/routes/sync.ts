/**
 * The replication endpoints of DESIGN.md §3: pull by checkpoint, push (one transaction per request) and
 * the event stream, for every register collection. Each call is authenticated by the register's token
 * and sees only its own store's private data.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { knownCollections, pullDefinitions } from '../domain/collections';
import { pushAudit, pushCustomers, pushShifts } from '../domain/simple-push';
import { pushOrders } from '../domain/order-push';
import { parseCheckpoint, pullPage } from '../domain/pull';
import { type PushHandler, parsePushBody } from '../domain/push-rows';
import { pushSales } from '../domain/sales-push';
import { HttpError, notFound } from '../http/errors';
import { openSse } from '../http/sse';
import { parseOr400 } from '../http/validate';

const pushHandlers: Readonly<Record<string, PushHandler>> = {
  sales: pushSales,
  orders: pushOrders,
  customers: pushCustomers,
  shifts: pushShifts,
  audit: pushAudit,
};

const paramsSchema = z.object({ collection: z.string().max(64) });
const pullQuerySchema = z.object({
  checkpoint: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

function collectionOf(params: unknown): string {
  const { collection } = parseOr400(paramsSchema, params, 'path');
  if (!knownCollections.has(collection))
    throw notFound('unknown_collection', `no collection "${collection}"`);
  return collection;
}

/** Registers pull, push and stream. */
export function syncRoutes(app: FastifyInstance, hub: Hub): void {
  app.get('/api/v1/sync/:collection/pull', async (request) => {
    const identity = await hub.auth.authenticate(request);
    const collection = collectionOf(request.params);
    const def = pullDefinitions[collection];
    if (!def) throw new HttpError(405, 'not_pullable', `${collection} is push-only`);
    const query = parseOr400(pullQuerySchema, request.query, 'query');
    const checkpoint = parseCheckpoint(query.checkpoint);
    return pullPage(hub.db, def, identity.storeId, checkpoint, query.limit, identity.registerId);
  });

  app.post('/api/v1/sync/:collection/push', async (request) => {
    const identity = await hub.auth.authenticate(request);
    const collection = collectionOf(request.params);
    const handler = pushHandlers[collection];
    if (!handler) throw new HttpError(405, 'not_pushable', `${collection} is written only by the hub`);
    const rows = parsePushBody(request.body);
    return handler({ db: hub.db, identity, gateway: hub.gateway, salesWriter: hub.salesWriter }, rows);
  });

  app.get('/api/v1/sync/stream', async (request, reply) => {
    const identity = await hub.auth.authenticate(request);
    const conn = openSse(request, reply);
    // An open stream is contact: the store's registers are online even when nothing sells.
    conn.onKeepalive(() => hub.auth.touch(identity.registerId));
    hub.syncStreams.add(identity.storeId, conn);
  });
}
