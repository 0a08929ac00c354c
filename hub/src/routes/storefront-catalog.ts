/**
 * Storefront reads (no auth): the catalogue (paged) and one product, the stores, a SKU's stock per store
 * and in total with the web's available-to-promise (one SKU, or a page's SKUs in one request), and the
 * live stock stream.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { skuStock, skuStocks } from '../domain/storefront';
import { notFound } from '../http/errors';
import { errorResponses, eventStreamSchema, text } from '../http/schemas';
import type { Hub } from '../hub';
import { openSse } from '../streams/sse';

const productsQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
/** Up to a page of SKUs, comma-separated. */
const MAX_BATCH = 100;
const batchQuerySchema = z.object({
  skus: text(MAX_BATCH * 65, 1).refine((v) => v.split(',').filter(Boolean).length <= MAX_BATCH, {
    message: `at most ${MAX_BATCH} SKUs`,
  }),
});
const productSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: z.number(),
  currency: z.string(),
  barcodes: z.array(z.string()),
  category: z.string(),
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
        response: {
          200: z.object({ products: z.array(productSchema), total: z.number(), offset: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const page = await hub.repos.storefront.page(q?.trim() ?? '', limit, offset);
      return { ...page, offset };
    },
  );

  app.get(
    '/api/v1/storefront/products/:sku',
    {
      schema: {
        params: z.object({ sku: text(64, 1) }),
        response: { 200: z.object({ product: productSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const product = await hub.repos.storefront.product(request.params.sku);
      if (!product) throw notFound('unknown_sku', `no product ${request.params.sku}`);
      return { product };
    },
  );

  app.get(
    '/api/v1/storefront/stores',
    {
      schema: {
        response: {
          200: z.object({ stores: z.array(z.object({ id: z.string(), name: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ stores: await hub.repos.storefront.stores() }),
  );

  // The visible page's stock in one request: unknown SKUs are named, not an error.
  app.get(
    '/api/v1/storefront/stock/batch',
    {
      schema: {
        querystring: batchQuerySchema,
        response: {
          200: z.object({ stocks: z.array(stockSchema), unknown: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => skuStocks(hub, request.query.skus.split(',').filter(Boolean)),
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
