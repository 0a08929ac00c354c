/**
 * `GET /api/v1/exceptions` (admin key): what a person must resolve — sales of unknown SKUs, oversells
 * found on reconciliation, orders that can no longer be fulfilled. `POST …/:id/resolve` closes one.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { requireKey } from '../http/auth';
import { notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';

const listSchema = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  kind: z.enum(['unknown_sku', 'oversold', 'order_unfulfillable']).optional(),
  storeId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const resolveSchema = z.object({ resolution: z.string().min(1).max(500) });

/** Registers the exception routes. */
export function exceptionRoutes(app: FastifyInstance, hub: Hub): void {
  app.get('/api/v1/exceptions', async (request) => {
    requireKey(request, hub.config.adminKey, 'admin');
    const q = parseOr400(listSchema, request.query, 'query');
    const rows = await hub.db.query<Record<string, unknown>>(
      `SELECT id, kind, store_id AS "storeId", sku, sale_id AS "saleId", order_id AS "orderId", message, details,
              status, created_at AS "createdAt", resolved_at AS "resolvedAt", resolution
       FROM exceptions
       WHERE ($1 = 'all' OR status = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR store_id = $3)
       ORDER BY id DESC LIMIT $4`,
      [q.status, q.kind ?? null, q.storeId ?? null, q.limit],
    );
    return { exceptions: rows };
  });

  app.post('/api/v1/exceptions/:id/resolve', async (request) => {
    requireKey(request, hub.config.adminKey, 'admin');
    const { id } = parseOr400(z.object({ id: z.coerce.number().int().min(1) }), request.params, 'path');
    const { resolution } = parseOr400(resolveSchema, request.body, 'resolution');
    const rows = await hub.db.query(
      `UPDATE exceptions SET status = 'resolved', resolved_at = now(), resolution = $2 WHERE id = $1 RETURNING id`,
      [id, resolution],
    );
    if (rows.length === 0) throw notFound('unknown_exception', `no exception ${id}`);
    return { ok: true };
  });
}
