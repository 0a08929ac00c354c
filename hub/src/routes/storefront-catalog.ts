/**
 * Storefront reads (no auth): the catalogue, a SKU's stock per store and in total with the web's
 * available-to-promise, and the live stock stream.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { skuStock } from '../domain/storefront';
import { notFound } from '../http/errors';
import { errorResponses, eventStreamSchema } from '../http/schemas';
import type { Hub } from '../hub';
import { openSse } from '../streams/sse';

const productsQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: z.number(),
  currency: z.string(),
  barcodes: z.array(z.string()),
});
const levelSchema = z.object({ onHand: z.number(), reserved: z.number(), available: z.number() });
const stockSchema = z.object({
  sku: z.string(),
  total: levelSchema,
  stores: z.array(z.object({ storeId: z.string(), ...levelSchema.shape })),
});

/** The storefront read routes. */
export const storefrontCatalogRoutes: FastifyPluginAsyncZod<{ hub: Hub }> = async (app, { hub }) => {
  app.get(
    '/api/v1/storefront/products',
    {
      schema: {
        querystring: productsQuerySchema,
        response: { 200: z.object({ products: z.array(productSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      products: await hub.repos.products.search(request.query.q?.trim() ?? '', request.query.limit),
    }),
  );

  app.get(
    '/api/v1/storefront/stock',
    {
      schema: {
        querystring: z.object({ sku: z.string().min(1).max(64) }),
        response: { 200: stockSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { sku } = request.query;
      const stock = await skuStock(hub, sku);
      if (!stock) throw notFound('unknown_sku', `no product ${sku}`);
      return stock;
    },
  );

  app.get(
    '/api/v1/storefront/stock/stream',
    {
      schema: {
        querystring: z.object({ sku: z.string().max(4000).optional() }),
        response: { 200: eventStreamSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { sku } = request.query;
      const skus = sku ? new Set(sku.split(',').filter(Boolean)) : null;
      hub.stockStream.add(openSse(request, reply), skus);
    },
  );
};
