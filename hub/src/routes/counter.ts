/**
 * Counter look-ups for registers (token): a web order by number, e-mail, phone or receipt QR (BORIS and
 * BOPIS), customers by e-mail or phone, and a customer's unified history (domain/counter.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerHistory, findCustomers, findOrders } from '../domain/counter';
import { requireRegister } from '../http/auth';
import { notFound } from '../http/errors';
import { documentsSchema, errorResponses } from '../http/schemas';
import type { Hub } from '../hub';

const orderQuerySchema = z.object({
  number: z.string().max(40).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(24).optional(),
  /** A receipt QR: `till:order:<id or number>` or the bare number. */
  qr: z.string().max(200).optional(),
});
const customerQuerySchema = z.object({
  /** A loyalty card's code: `till:customer:<id>` or the bare id. */
  card: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(24).optional(),
});
/** Consent as stored (its shape is the customer schema's; shown as it is). */
const consentSchema = z.record(z.string(), z.unknown());
const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  loyaltyPoints: z.number(),
  consent: consentSchema,
});
const historySchema = z.object({
  customer: customerSchema.pick({ id: true, name: true, email: true, consent: true }),
  loyalty: z.object({
    points: z.number(),
    lifetime: z.number(),
    tier: z.enum(['bronze', 'silver', 'gold']),
  }),
  orders: documentsSchema,
  sales: documentsSchema,
  abandonedCarts: z.array(
    z.object({
      sessionId: z.string(),
      lines: z.record(z.string(), z.number()),
      items: z.array(z.object({ sku: z.string(), name: z.string(), qty: z.number(), price: z.number() })),
      updatedAt: z.string(),
      abandonedAt: z.string(),
    }),
  ),
  recentlyViewed: z.array(z.object({ sku: z.string(), name: z.string(), views: z.number() })),
  offers: z.array(
    z.object({ sku: z.string(), name: z.string(), discountBp: z.number(), reason: z.string() }),
  ),
  personalization: z.boolean(),
});

/** The counter look-up routes. */
export const counterRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  // Before the body is read: a request without a live token is a 401 at once, however slowly it comes.
  app.addHook('onRequest', requireRegister(hub.auth));

  app.get(
    '/api/v1/counter/orders',
    {
      schema: {
        querystring: orderQuerySchema,
        response: { 200: z.object({ orders: documentsSchema }), ...errorResponses },
      },
    },
    async (request) => ({ orders: await findOrders(hub.repos, request.query) }),
  );

  app.get(
    '/api/v1/counter/customers',
    {
      schema: {
        querystring: customerQuerySchema,
        response: { 200: z.object({ customers: z.array(customerSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ customers: await findCustomers(hub.repos, request.query) }),
  );

  app.get(
    '/api/v1/counter/customers/:id/history',
    {
      schema: {
        params: z.object({ id: z.string().max(64) }),
        response: { 200: historySchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const history = await customerHistory(hub.repos, id, hub.config);
      if (!history) throw notFound('unknown_customer', `no customer ${id}`);
      return history;
    },
  );
};
