/**
 * Order fulfilment for operators (admin key): the warehouse picks and ships web orders, an operator
 * cancels one or runs the expiry of uncollected pickup orders now. Pickup orders move at the counter
 * through the registers' push instead (domain/push/orders.ts). The expiry job also runs every minute
 * while the hub is up (domain/fulfilment-expiry.ts).
 *
 * - `GET /api/v1/admin/orders?status=&storeId=&type=pickup|ship&limit=` → `{orders: [order]}`
 * - `POST /api/v1/admin/orders/:id/pick` → `{order}` (ship: placed → picked)
 * - `POST /api/v1/admin/orders/:id/ship {trackingNumber, carrier?}` → `{order}` (picked → shipped)
 * - `POST /api/v1/admin/orders/:id/cancel` → `{order}` (released and refunded)
 * - `POST /api/v1/admin/orders/expire` → `{expired: [number]}`
 *
 * 404 `unknown_order`; 409 `invalid_transition` when the order's state does not allow the move.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderShipmentSchema, orderStatusSchema, webOrderSchema } from '@till/shared/schemas/web-order';
import { expireOrders, startExpiryJob } from '../domain/fulfilment-expiry';
import { type OrderMove, moveOrder } from '../domain/fulfilment-moves';
import { requireKey } from '../http/auth';
import { errorResponses, text } from '../http/schemas';
import type { Hub } from '../hub';

/** How often the expiry job looks for orders whose time is up. */
const EXPIRY_EVERY_MS = 60_000;

const orderAnswer = { 200: z.object({ order: webOrderSchema }), ...errorResponses };
const idParams = z.object({ id: text(64, 1) });

/** The fulfilment routes, and the expiry job for as long as the app runs. */
export const fulfilmentRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.addHook('onRequest', requireKey(hub.config.adminKey, 'admin'));
  let stop: (() => void) | null = null;
  app.addHook('onReady', async () => {
    stop = startExpiryJob(hub, EXPIRY_EVERY_MS, (err) => app.log.error({ err }, 'order expiry failed'));
  });
  app.addHook('onClose', async () => stop?.());

  app.get(
    '/api/v1/admin/orders',
    {
      schema: {
        querystring: z.object({
          status: orderStatusSchema.optional(),
          storeId: text(64).optional(),
          type: z.enum(['pickup', 'ship']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ orders: z.array(webOrderSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ orders: await hub.repos.webOrders.list(request.query) }),
  );

  const move = (path: string, toMove: (body: unknown) => OrderMove, body?: z.ZodType) =>
    app.post(
      `/api/v1/admin/orders/:id/${path}`,
      {
        schema: { params: idParams, ...(body ? { body } : {}), response: orderAnswer },
        config: { requestNames: { body: `${path} request` } },
      },
      async (request) => ({ order: await moveOrder(hub, request.params.id, toMove(request.body)) }),
    );

  // The order document's own rules for the tracking, so a stored shipment always replicates.
  const shipBody = z.object({
    trackingNumber: orderShipmentSchema.shape.trackingNumber,
    carrier: orderShipmentSchema.shape.carrier.optional(),
  });
  move('pick', () => ({ kind: 'pick' }));
  move(
    'ship',
    (body) => {
      const { trackingNumber, carrier } = shipBody.parse(body);
      return { kind: 'ship', trackingNumber, carrier: carrier ?? null };
    },
    shipBody,
  );
  move('cancel', () => ({ kind: 'cancel' }));

  app.post(
    '/api/v1/admin/orders/expire',
    { schema: { response: { 200: z.object({ expired: z.array(z.string()) }), ...errorResponses } } },
    async () => ({ expired: (await expireOrders(hub)).map((o) => o.number) }),
  );
};
