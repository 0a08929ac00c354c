/**
 * Counter look-ups for registers (token): a web order by number, e-mail, phone or receipt QR (BORIS and
 * BOPIS), and a customer's unified history — web orders and store sales, abandoned carts, loyalty and
 * offers. Look-ups need an exact key the customer gives at the counter; browsing data is shown only with
 * the customer's personalization consent.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Hub } from '../app';
import { badRequest, notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';

const orderQuerySchema = z.object({
  number: z.string().max(40).optional(),
  email: z.string().max(254).optional(),
  phone: z.string().max(24).optional(),
  /** A receipt QR: `till:order:<id or number>` or the bare number. */
  qr: z.string().max(200).optional(),
});
const customerQuerySchema = z.object({
  email: z.string().max(254).optional(),
  phone: z.string().max(24).optional(),
});

/** Registers the counter look-up routes. */
export function counterRoutes(app: FastifyInstance, hub: Hub): void {
  app.get('/api/v1/counter/orders', async (request) => {
    await hub.auth.authenticate(request);
    const q = parseOr400(orderQuerySchema, request.query, 'query');
    const key = q.qr ? q.qr.replace(/^till:order:/, '') : q.number;
    if (!key && !q.email && !q.phone) throw badRequest('missing_key', 'give number, email, phone or qr');
    const rows = await hub.db.query<{ doc: unknown }>(
      `SELECT doc FROM web_orders
       WHERE ($1::text IS NOT NULL AND (number = $1 OR id = $1))
          OR ($2::text IS NOT NULL AND lower(email) = lower($2))
          OR ($3::text IS NOT NULL AND phone = $3)
       ORDER BY created_at DESC LIMIT 50`,
      [key ?? null, q.email ?? null, q.phone ?? null],
    );
    return { orders: rows.map((r) => r.doc) };
  });

  app.get('/api/v1/counter/customers', async (request) => {
    await hub.auth.authenticate(request);
    const q = parseOr400(customerQuerySchema, request.query, 'query');
    if (!q.email && !q.phone) throw badRequest('missing_key', 'give email or phone');
    const rows = await hub.db.query(
      `SELECT id, name, email, phone, loyalty_points AS "loyaltyPoints", consent FROM customers
       WHERE ($1::text IS NOT NULL AND lower(email) = lower($1)) OR ($2::text IS NOT NULL AND phone = $2) LIMIT 10`,
      [q.email ?? null, q.phone ?? null],
    );
    return { customers: rows };
  });

  app.get('/api/v1/counter/customers/:id/history', async (request) => {
    await hub.auth.authenticate(request);
    const { id } = parseOr400(z.object({ id: z.string().max(64) }), request.params, 'path');
    const customers = await hub.db.query<{
      id: string;
      name: string;
      email: string | null;
      loyalty_points: number;
      consent: { personalization: boolean };
    }>('SELECT id, name, email, loyalty_points, consent FROM customers WHERE id = $1', [id]);
    const customer = customers[0];
    if (!customer) throw notFound('unknown_customer', `no customer ${id}`);
    const [orders, sales] = await Promise.all([
      hub.db.query<{ doc: unknown }>(
        'SELECT doc FROM web_orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
        [id],
      ),
      hub.db.query<{ doc: unknown }>(
        'SELECT doc FROM sales WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
        [id],
      ),
    ]);
    const personal = customer.consent.personalization === true;
    const [carts, views] = personal
      ? await Promise.all([
          hub.db.query(
            `SELECT session_id AS "sessionId", lines, updated_at AS "updatedAt" FROM carts
             WHERE customer_id = $1 AND status = 'open' AND lines <> '{}'::jsonb AND updated_at < now() - interval '1 hour'
             ORDER BY updated_at DESC LIMIT 10`,
            [id],
          ),
          hub.db.query<{ sku: string; name: string; views: number }>(
            `SELECT e.sku, p.name, count(*)::int AS views FROM customer_events e JOIN products p ON p.sku = e.sku
             WHERE e.customer_id = $1 AND e.type = 'product_view' GROUP BY e.sku, p.name ORDER BY views DESC LIMIT 5`,
            [id],
          ),
        ])
      : [[], []];
    return {
      customer: { id: customer.id, name: customer.name, email: customer.email, consent: customer.consent },
      loyalty: { points: customer.loyalty_points },
      orders: orders.map((r) => r.doc),
      sales: sales.map((r) => r.doc),
      abandonedCarts: carts,
      recentlyViewed: views,
      // A simple offer rule for the demo: what they looked at most, 10 % off, with consent only.
      offers: views
        .slice(0, 3)
        .map((v) => ({ sku: v.sku, name: v.name, discountBp: 1000, reason: 'viewed online' })),
      personalization: personal,
    };
  });
}
