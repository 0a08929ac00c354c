/** `POST /api/v1/storefront/orders` and `GET /api/v1/storefront/orders/:id` (storefront key). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webOrderSchema } from '@till/shared/schemas/web-order';
import { orderRequestSchema, placeOrder } from '../domain/orders';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { errorResponses, text } from '../http/schemas';
import type { Hub } from '../hub';

/** Other headers stay as they are: only the idempotency key is checked. */
const headersSchema = z.looseObject({ 'idempotency-key': text(128, 8).optional() });
const placedSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  status: webOrderSchema.shape.status,
  totals: webOrderSchema.shape.totals,
  currency: z.string(),
  order: webOrderSchema,
});

/** The order routes. */
export const storefrontOrderRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  // Before the body is read: a caller without the key waits for nothing.
  app.addHook('onRequest', requireKey(hub.config.storefrontKey, 'storefront'));

  app.post(
    '/api/v1/storefront/orders',
    {
      schema: {
        body: orderRequestSchema,
        headers: headersSchema,
        response: { 201: placedSchema, ...errorResponses },
      },
      config: { requestNames: { body: 'order' } },
    },
    async (request, reply) => {
      const order = await placeOrder(hub, request.body, request.headers['idempotency-key']);
      return reply.status(201).send({
        orderId: order.id,
        number: order.number,
        status: order.status,
        totals: order.totals,
        currency: order.currency,
        order,
      });
    },
  );

  app.get(
    '/api/v1/storefront/orders/:id',
    {
      schema: {
        params: z.object({ id: text(64) }),
        response: { 200: z.object({ order: webOrderSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const order = await hub.repos.webOrders.byIdOrNumber(id);
      if (!order) throw notFound('unknown_order', `no order ${id}`);
      return { order };
    },
  );
};
