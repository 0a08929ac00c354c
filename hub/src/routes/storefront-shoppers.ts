/**
 * The web store's shoppers (storefront key): `POST /api/v1/storefront/customers/sign-in` finds or makes
 * the customer for an e-mail and stores their personalization choice; `GET
 * /api/v1/storefront/customers/:id` reads a shopper back with their loyalty balance.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn } from '../domain/storefront-shoppers';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { errorResponses, text } from '../http/schemas';
import type { Hub } from '../hub';

const signInSchema = z.object({
  email: z.email().max(254),
  name: text(120).optional(),
  personalization: z.boolean(),
});
const shopperSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  loyaltyPoints: z.number(),
  personalization: z.boolean(),
});

/** A shopper as the web store gets it: consent flattened to the one choice it asks for. */
const shopperOf = (s: {
  id: string;
  email: string;
  name: string;
  loyaltyPoints: number;
  consent: { personalization?: unknown };
}) => ({
  id: s.id,
  email: s.email,
  name: s.name,
  loyaltyPoints: s.loyaltyPoints,
  personalization: s.consent.personalization === true,
});

/** The shopper routes. */
export const storefrontShopperRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  // Before the body is read, as for orders.
  app.addHook('onRequest', requireKey(hub.config.storefrontKey, 'storefront'));

  app.post(
    '/api/v1/storefront/customers/sign-in',
    {
      schema: {
        body: signInSchema,
        response: {
          200: z.object({ customer: shopperSchema, created: z.boolean() }),
          ...errorResponses,
        },
      },
      config: { requestNames: { body: 'sign-in' } },
    },
    async (request) => {
      const { shopper, created } = await signIn(hub, request.body);
      return { customer: shopperOf(shopper), created };
    },
  );

  app.get(
    '/api/v1/storefront/customers/:id',
    {
      schema: {
        params: z.object({ id: text(64, 1) }),
        response: { 200: z.object({ customer: shopperSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const shopper = await hub.repos.storefront.shopperById(request.params.id);
      if (!shopper) throw notFound('unknown_customer', `no customer ${request.params.id}`);
      return { customer: shopperOf(shopper) };
    },
  );
};
