/**
 * `GET /api/v1/storefront/loyalty?email=` (storefront key): a customer's loyalty balance and tier for the
 * web store's account page and checkout. Behind the key because a balance is personal.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tierOf } from '@till/shared/domain/loyalty';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { errorResponses } from '../http/schemas';
import type { Hub } from '../hub';

const balanceSchema = z.object({
  customerId: z.string(),
  points: z.number(),
  lifetime: z.number(),
  tier: z.enum(['bronze', 'silver', 'gold']),
});

/** The storefront's loyalty balance route. */
export const storefrontLoyaltyRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.addHook('onRequest', requireKey(hub.config.storefrontKey, 'storefront'));

  app.get(
    '/api/v1/storefront/loyalty',
    {
      schema: {
        querystring: z.object({ email: z.string().min(3).max(254) }),
        response: { 200: balanceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const found = await hub.repos.loyalty.balanceByEmail(request.query.email);
      if (!found) throw notFound('unknown_customer', 'no customer has that e-mail address');
      const lifetime = await hub.repos.loyalty.lifetimeEarned(found.customerId);
      return { ...found, lifetime, tier: tierOf(lifetime) };
    },
  );
};
