/**
 * Storefront reads (no auth): the catalogue, a SKU's stock per store and in total with the web's
 * available-to-promise, and the live stock stream.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { notFound } from '../http/errors';
import { openSse } from '../http/sse';
import { parseOr400 } from '../http/validate';

const productsQuerySchema = z.object({
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const stockQuerySchema = z.object({ sku: z.string().min(1).max(64) });
const streamQuerySchema = z.object({ sku: z.string().max(4000).optional() });

/** Registers the storefront read routes. */
export function storefrontCatalogRoutes(app: FastifyInstance, hub: Hub): void {
  app.get('/api/v1/storefront/products', async (request) => {
    const { q, limit } = parseOr400(productsQuerySchema, request.query, 'query');
    const term = q?.trim() ?? '';
    const rows = await hub.db.query<{
      sku: string;
      name: string;
      price: number;
      currency: string;
      barcodes: string[];
    }>(
      `SELECT p.sku, p.name, p.price, p.currency,
              ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.sku = p.sku ORDER BY b.barcode) AS barcodes
       FROM products p
       WHERE p.active AND ($1 = '' OR lower(p.name) LIKE '%' || lower($1) || '%' OR p.sku = $1
             OR p.sku IN (SELECT b.sku FROM product_barcodes b WHERE b.barcode = $1))
       ORDER BY p.name, p.sku LIMIT $2`,
      [term.replace(/[%_\\]/g, (c) => `\\${c}`), limit],
    );
    return { products: rows };
  });

  app.get('/api/v1/storefront/stock', async (request) => {
    const { sku } = parseOr400(stockQuerySchema, request.query, 'query');
    const product = await hub.db.query('SELECT 1 FROM products WHERE sku = $1', [sku]);
    if (product.length === 0) throw notFound('unknown_sku', `no product ${sku}`);
    await hub.atp.fresh();
    const rows = await hub.db.query<{ store_id: string; on_hand: number; reserved: number }>(
      `SELECT s.id AS store_id, coalesce(l.on_hand, 0) AS on_hand, coalesce(l.reserved, 0) AS reserved
       FROM stores s LEFT JOIN stock_levels l ON l.store_id = s.id AND l.sku = $1 ORDER BY s.id`,
      [sku],
    );
    const stores = rows.map((r) => {
      const { available } = hub.atp.atp(r.store_id, sku, r.on_hand, r.reserved);
      return { storeId: r.store_id, onHand: r.on_hand, reserved: r.reserved, available };
    });
    const total = stores.reduce(
      (t, s) => ({
        onHand: t.onHand + s.onHand,
        reserved: t.reserved + s.reserved,
        available: t.available + s.available,
      }),
      { onHand: 0, reserved: 0, available: 0 },
    );
    return { sku, total, stores };
  });

  app.get('/api/v1/storefront/stock/stream', async (request, reply) => {
    const { sku } = parseOr400(streamQuerySchema, request.query, 'query');
    const skus = sku ? new Set(sku.split(',').filter(Boolean)) : null;
    hub.stockStream.add(openSse(request, reply), skus);
  });
}
