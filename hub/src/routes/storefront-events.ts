/**
 * `POST /api/v1/storefront/events` (storefront key): product views, cart adds and removes, checkouts —
 * the data behind personalization (domain/storefront.ts keeps the carts; events naming a customer without
 * personalization consent are ignored). The plugin also runs the abandoned-cart sweeper while the app is
 * up (domain/abandoned-carts.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ident, isoTime, sku } from '@till/shared/schemas/common';
import { type CartSweeper, startCartSweeper } from '../domain/abandoned-carts';
import { recordBrowsing } from '../domain/storefront';
import { requireKey } from '../http/auth';
import { errorResponses } from '../http/schemas';
import type { Hub } from '../hub';

const eventSchema = z.object({
  type: z.enum(['product_view', 'cart_add', 'cart_remove', 'checkout']),
  sessionId: ident(),
  customerEmail: z.email().max(254).nullable().optional(),
  sku: sku().optional(),
  qty: z.int().min(1).max(999).optional(),
  at: isoTime().optional(),
});
/** A batch of events, or one event on its own. */
const bodySchema = z.union([z.object({ events: z.array(eventSchema).min(1).max(500) }), eventSchema]);

/** The events route. */
export const storefrontEventRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  // Before the body is read, as for registers.
  app.addHook('onRequest', requireKey(hub.config.storefrontKey, 'storefront'));

  let sweeper: CartSweeper | null = null;
  app.addHook('onReady', async () => {
    sweeper = startCartSweeper(hub, hub.config, (err) =>
      app.log.warn({ err }, 'abandoned-cart sweep failed'),
    );
  });
  app.addHook('onClose', async () => {
    await sweeper?.stop();
  });

  app.post(
    '/api/v1/storefront/events',
    {
      schema: {
        body: bodySchema,
        response: { 202: z.object({ accepted: z.number(), ignored: z.number() }), ...errorResponses },
      },
      config: { requestNames: { body: 'events' } },
    },
    async (request, reply) => {
      const body = request.body;
      const events = ('events' in body ? body.events : [body]).map((e) => ({
        type: e.type,
        sessionId: e.sessionId,
        customerEmail: e.customerEmail ?? null,
        sku: e.sku ?? null,
        qty: e.qty ?? null,
        at: e.at ?? null,
      }));
      return reply.status(202).send(await recordBrowsing(hub, events));
    },
  );
};
