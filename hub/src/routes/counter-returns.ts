/**
 * Counter routes for web orders returned at a counter (register token): the returns already made
 * against an order (every store's, so the return limits hold across visits), and where one of this
 * store's returns' refund stands (`pending` until the hub has settled the card refund).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderReturnSchema } from '@till/shared/schemas/web-order-return';
import { requireRegister } from '../http/auth';
import { notFound } from '../http/errors';
import { documentsSchema, errorResponses, text } from '../http/schemas';
import { summaryOf } from '../domain/web-returns';
import type { Hub } from '../hub';

const refundAnswerSchema = z.object({
  refund: orderReturnSchema.extend({ orderId: z.string(), currency: z.string() }),
});

/** The web-return counter routes. */
export const counterReturnRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.addHook('onRequest', requireRegister(hub.auth));

  app.get(
    '/api/v1/counter/orders/:id/returns',
    {
      schema: {
        params: z.object({ id: text(64, 1) }),
        response: { 200: z.object({ returns: documentsSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const order = await hub.repos.webOrders.byIdOrNumber(request.params.id);
      if (!order) throw notFound('unknown_order', `no web order ${request.params.id}`);
      return { returns: await hub.repos.webReturns.returnDocuments(order.id) };
    },
  );

  app.get(
    '/api/v1/counter/returns/:id',
    {
      schema: {
        params: z.object({ id: z.uuid() }),
        response: { 200: refundAnswerSchema, ...errorResponses },
      },
    },
    async (request) => {
      const [row] = await hub.repos.webReturns.byIds([request.params.id]);
      // Another store's return is none of this register's business: the same answer as no return at all.
      if (!row || row.storeId !== request.identity?.storeId) {
        throw notFound('unknown_return', `no web-order return ${request.params.id} at this store`);
      }
      return { refund: { ...summaryOf(row), orderId: row.orderId, currency: row.currency } };
    },
  );
};
