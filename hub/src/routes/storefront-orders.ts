/** `POST /api/v1/storefront/orders` (storefront key) and `GET /api/v1/storefront/orders/:id`. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { orderRequestSchema, placeOrder } from '../domain/orders';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';

const idempotencySchema = z.string().min(8).max(128).optional();

/** Registers the order routes. */
export function storefrontOrderRoutes(app: FastifyInstance, hub: Hub): void {
  app.post('/api/v1/storefront/orders', async (request, reply) => {
    requireKey(request, hub.config.storefrontKey, 'storefront');
    const body = parseOr400(orderRequestSchema, request.body, 'order');
    const key = parseOr400(idempotencySchema, request.headers['idempotency-key'], 'Idempotency-Key header');
    const order = await placeOrder(hub, body, key);
    return reply.status(201).send({
      orderId: order.id,
      number: order.number,
      status: order.status,
      totals: order.totals,
      currency: order.currency,
      order,
    });
  });

  app.get('/api/v1/storefront/orders/:id', async (request) => {
    requireKey(request, hub.config.storefrontKey, 'storefront');
    const { id } = parseOr400(z.object({ id: z.string().max(64) }), request.params, 'path');
    const rows = await hub.db.query<{ doc: unknown }>(
      'SELECT doc FROM web_orders WHERE id = $1 OR number = $1',
      [id],
    );
    if (!rows[0]) throw notFound('unknown_order', `no order ${id}`);
    return { order: rows[0].doc };
  });
}
