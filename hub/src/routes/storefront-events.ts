/**
 * `POST /api/v1/storefront/events` (storefront key): product views, cart adds and removes, checkouts —
 * the data behind personalization. Cart events also keep the session's cart, so carts left without a
 * checkout show up as abandoned at the counter.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ident, isoTime, sku } from '@till/shared/schemas/common';
import type { Hub } from '../app';
import { requireKey } from '../http/auth';
import { parseOr400 } from '../http/validate';

const eventSchema = z.object({
  type: z.enum(['product_view', 'cart_add', 'cart_remove', 'checkout']),
  sessionId: ident(),
  customerEmail: z.email().max(254).nullable().optional(),
  sku: sku().optional(),
  qty: z.int().min(1).max(999).optional(),
  at: isoTime().optional(),
});
const bodySchema = z.union([z.object({ events: z.array(eventSchema).min(1).max(500) }), eventSchema]);

/** Registers the events route. */
export function storefrontEventRoutes(app: FastifyInstance, hub: Hub): void {
  app.post('/api/v1/storefront/events', async (request, reply) => {
    requireKey(request, hub.config.storefrontKey, 'storefront');
    const body = parseOr400(bodySchema, request.body, 'events');
    const events = 'events' in body ? body.events : [body];
    await hub.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO customer_events (session_id, customer_id, type, sku, qty, at)
         SELECT e.session_id, c.id, e.type, e.sku, e.qty, coalesce(e.at, now())
         FROM jsonb_to_recordset($1::jsonb) AS e(session_id text, email text, type text, sku text, qty int, at timestamptz)
         LEFT JOIN customers c ON lower(c.email) = lower(e.email)`,
        [
          JSON.stringify(
            events.map((e) => ({
              session_id: e.sessionId,
              email: e.customerEmail ?? null,
              type: e.type,
              sku: e.sku ?? null,
              qty: e.qty ?? null,
              at: e.at ?? null,
            })),
          ),
        ],
      );
      for (const e of events) {
        if (e.type === 'checkout') {
          await tx.query(`UPDATE carts SET status = 'converted', updated_at = now() WHERE session_id = $1`, [
            e.sessionId,
          ]);
          continue;
        }
        if ((e.type !== 'cart_add' && e.type !== 'cart_remove') || !e.sku) continue;
        const delta = (e.qty ?? 1) * (e.type === 'cart_add' ? 1 : -1);
        await tx.query(
          `INSERT INTO carts AS c (session_id, customer_id, lines)
           VALUES ($1, (SELECT id FROM customers WHERE lower(email) = lower($2)), jsonb_build_object($3::text, greatest(0, $4::int)))
           ON CONFLICT (session_id) DO UPDATE SET
             lines = CASE WHEN coalesce((c.lines ->> $3)::int, 0) + $4 > 0
                          THEN c.lines || jsonb_build_object($3::text, coalesce((c.lines ->> $3)::int, 0) + $4)
                          ELSE c.lines - $3 END,
             customer_id = coalesce(c.customer_id, excluded.customer_id), status = 'open', updated_at = now()`,
          [e.sessionId, e.customerEmail ?? null, e.sku, delta],
        );
      }
    });
    return reply.status(202).send({ accepted: events.length });
  });
}
