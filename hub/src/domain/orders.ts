/**
 * Placing a web order (POST /api/v1/storefront/orders): price it with the shared pricing function, check
 * availability-to-promise, charge the card, then reserve in one short transaction that re-checks the
 * locked levels. Charging happens outside the transaction (no row locks held across a gateway call); if
 * the stock went meanwhile, the charge is refunded and the order refused with 409.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { priceCart } from '@till/shared/domain/pricing';
import { ident, sku } from '@till/shared/schemas/common';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { type WebOrder, fulfilmentSchema, webOrderSchema } from '@till/shared/schemas/web-order';
import type { Hub } from '../app';
import type { Queryable } from '../db/port';
import { HttpError, badRequest, conflict } from '../http/errors';
import { notifyChanges } from './changes';
import { type Allocation, reserve } from './reservations';
import { lockLevels } from './stock';

/** The body of POST /api/v1/storefront/orders. */
export const orderRequestSchema = z.object({
  customer: z.object({
    email: z.email().max(254),
    name: z.string().min(1).max(120),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{5,24}$/)
      .nullable()
      .optional(),
  }),
  lines: z
    .array(z.object({ sku: sku(), qty: z.int().min(1).max(999) }))
    .min(1)
    .max(100),
  fulfilment: fulfilmentSchema,
  payment: z.object({ method: z.literal('card'), token: z.string().min(1).max(200) }),
  sessionId: ident().optional(),
});

/** An order request. */
export type OrderRequest = z.infer<typeof orderRequestSchema>;

interface ProductRow {
  sku: string;
  name: string;
  price: number;
  currency: string;
  tax_code: string;
}

/** A SKU the order cannot have: what was asked and what could be promised. */
interface Short {
  sku: string;
  requested: number;
  available: number;
}

class ShortError extends Error {
  constructor(readonly short: Short[]) {
    super('short');
  }
}

const shortConflict = (short: Short[]) =>
  conflict('insufficient_stock', `not enough stock for ${short.map((s) => s.sku).join(', ')}`, {
    skus: short,
  });

/** Loads a store's settings document. */
export async function loadSettings(db: Queryable, storeId: string): Promise<StoreSettings | null> {
  const rows = await db.query<{ doc: StoreSettings }>('SELECT doc FROM store_settings WHERE store_id = $1', [
    storeId,
  ]);
  return rows[0]?.doc ?? null;
}

/** Places an order; returns the stored order document. */
export async function placeOrder(
  hub: Hub,
  request: OrderRequest,
  idempotencyKey?: string,
): Promise<WebOrder> {
  if (idempotencyKey) {
    // A retried request (the web store lost our answer) gets the order it already placed.
    const previous = await hub.db.query<{ doc: WebOrder }>(
      `SELECT o.doc FROM payments p JOIN web_orders o ON o.id = p.order_id WHERE p.idempotency_key = $1`,
      [`charge:${idempotencyKey}`],
    );
    if (previous[0]) return previous[0].doc;
  }
  const wanted = new Map<string, number>();
  for (const l of request.lines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.qty);
  const products = await hub.db.query<ProductRow>(
    'SELECT sku, name, price, currency, tax_code FROM products WHERE sku = ANY($1::text[]) AND active',
    [[...wanted.keys()]],
  );
  const missing = [...wanted.keys()].filter((s) => !products.some((p) => p.sku === s));
  if (missing.length > 0)
    throw badRequest('unknown_sku', `unknown or inactive SKUs: ${missing.join(', ')}`, { skus: missing });

  const pickupStore = request.fulfilment.type === 'pickup' ? request.fulfilment.storeId : null;
  const settingsStore =
    pickupStore ?? (await hub.db.query<{ id: string }>('SELECT id FROM stores ORDER BY id LIMIT 1'))[0]?.id;
  const settings = settingsStore ? await loadSettings(hub.db, settingsStore) : null;
  if (!settings) throw badRequest('unknown_store', `no store ${pickupStore ?? ''}`.trim());
  const priced = priceCart(
    {
      lines: [...wanted].map(([s, qty], i) => {
        const p = products.find((x) => x.sku === s) as ProductRow;
        return { lineId: String(i + 1), sku: s, name: p.name, qty, unitPrice: p.price, taxCode: p.tax_code };
      }),
    },
    settings,
  );
  if (!priced.ok) throw badRequest(priced.error.code, priced.error.message);

  // A first look without locks, so an order that cannot be had is refused before the card is charged.
  await hub.atp.fresh();
  const allocations = await allocate(hub, hub.db, wanted, pickupStore, false);

  const orderId = `ord-${randomUUID()}`;
  const charge = await hub.gateway.charge({
    amount: priced.value.totals.gross,
    currency: settings.currency,
    token: request.payment.token,
    idempotencyKey: idempotencyKey ?? orderId,
    description: `web order ${orderId}`,
  });
  if (!charge.ok) throw new HttpError(402, 'payment_declined', charge.message, { reason: charge.code });

  const now = new Date().toISOString();
  try {
    return await hub.db.transaction(async (tx) => {
      const customerId = await upsertCustomer(tx, request, pickupStore);
      const confirmed = await allocate(hub, tx, wanted, pickupStore, true, allocations);
      const numberRow = await tx.query<{ n: number }>("SELECT nextval('web_order_number') AS n");
      const doc: WebOrder = webOrderSchema.parse({
        id: orderId,
        number: `W${String(numberRow[0]?.n ?? 0).padStart(6, '0')}`,
        status: 'placed',
        fulfilment: request.fulfilment,
        customerId,
        customer: {
          email: request.customer.email,
          name: request.customer.name,
          phone: request.customer.phone ?? null,
        },
        currency: settings.currency,
        lines: priced.value.lines.map(({ override: _override, ...line }) => line),
        totals: priced.value.totals,
        payment: { method: 'card', amount: priced.value.totals.gross, reference: charge.reference },
        createdAt: now,
        updatedAt: now,
      });
      await tx.query(
        `INSERT INTO web_orders (id, number, status, fulfilment, pickup_store_id, customer_id, email, phone, doc)
         VALUES ($1, $2, 'placed', $3, $4, $5, $6, $7, $8)`,
        [
          doc.id,
          doc.number,
          JSON.stringify(doc.fulfilment),
          pickupStore,
          customerId,
          doc.customer.email,
          doc.customer.phone,
          JSON.stringify(doc),
        ],
      );
      await tx.query(
        `INSERT INTO web_order_lines (order_id, line_id, sku, name, qty, unit_price, discount, net, tax, gross, tax_code)
         SELECT $1, l."lineId", l.sku, l.name, l.qty, l."unitPrice", l.discount, l.net, l.tax, l.gross, l."taxCode"
         FROM jsonb_to_recordset($2::jsonb) AS l("lineId" text, sku text, name text, qty int, "unitPrice" bigint,
              discount bigint, net bigint, tax bigint, gross bigint, "taxCode" text)`,
        [doc.id, JSON.stringify(doc.lines)],
      );
      await tx.query(
        `INSERT INTO payments (order_id, kind, amount, currency, reference, idempotency_key) VALUES ($1, 'charge', $2, $3, $4, $5)`,
        [doc.id, doc.payment.amount, doc.currency, charge.reference, `charge:${idempotencyKey ?? orderId}`],
      );
      if (request.sessionId) {
        await tx.query(
          `INSERT INTO customer_events (session_id, customer_id, type) VALUES ($1, $2, 'checkout')`,
          [request.sessionId, customerId],
        );
        await tx.query(`UPDATE carts SET status = 'converted', updated_at = now() WHERE session_id = $1`, [
          request.sessionId,
        ]);
      }
      const levels = await reserve(tx, doc.id, confirmed);
      const stores = [...new Set(confirmed.map((a) => a.storeId))];
      await notifyChanges(
        tx,
        [
          ...stores.map((s) => ['stock', s] as const),
          ...(pickupStore ? [['orders', pickupStore] as const] : []),
        ],
        levels,
      );
      return doc;
    });
  } catch (err) {
    // The order did not happen: give the money back (idempotent, so a retry cannot refund twice).
    await hub.gateway.refund({
      reference: charge.reference,
      amount: priced.value.totals.gross,
      idempotencyKey: `refund:${orderId}`,
    });
    if (err instanceof ShortError) throw shortConflict(err.short);
    throw err;
  }
}

/**
 * Chooses where each SKU is taken from: the pickup store, or for shipping the store that can promise the
 * most. With `locked`, the levels are locked (fixed order) and a shortfall throws `ShortError`; without,
 * a shortfall is the 409 itself.
 */
async function allocate(
  hub: Hub,
  db: Queryable,
  wanted: ReadonlyMap<string, number>,
  pickupStore: string | null,
  locked: boolean,
  planned?: readonly Allocation[],
): Promise<Allocation[]> {
  const skus = [...wanted.keys()];
  let levels: { storeId: string; sku: string; onHand: number; reserved: number }[];
  if (locked) {
    levels = await lockLevels(db, planned ?? []);
  } else {
    const rows = await db.query<{ store_id: string; sku: string; on_hand: number; reserved: number }>(
      `SELECT store_id, sku, on_hand, reserved FROM stock_levels
       WHERE sku = ANY($1::text[]) AND ($2::text IS NULL OR store_id = $2)`,
      [skus, pickupStore],
    );
    levels = rows.map((r) => ({ storeId: r.store_id, sku: r.sku, onHand: r.on_hand, reserved: r.reserved }));
  }
  const short: Short[] = [];
  const out: Allocation[] = [];
  for (const [s, qty] of wanted) {
    const candidates = levels
      .filter((l) => l.sku === s && (!planned || planned.some((p) => p.sku === s && p.storeId === l.storeId)))
      .map((l) => ({
        storeId: l.storeId,
        available: hub.atp.atp(l.storeId, s, l.onHand, l.reserved).available,
      }))
      .sort((a, b) => b.available - a.available || (a.storeId < b.storeId ? -1 : 1));
    const best = candidates[0];
    if (!best || best.available < qty)
      short.push({ sku: s, requested: qty, available: best?.available ?? 0 });
    else out.push({ storeId: best.storeId, sku: s, qty });
  }
  if (short.length > 0) {
    if (locked) throw new ShortError(short);
    throw shortConflict(short);
  }
  return out;
}

/** Finds the customer by e-mail or signs them up; returns the id. */
async function upsertCustomer(
  tx: Queryable,
  request: OrderRequest,
  homeStoreId: string | null,
): Promise<string> {
  const found = await tx.query<{ id: string }>('SELECT id FROM customers WHERE lower(email) = lower($1)', [
    request.customer.email,
  ]);
  if (found[0]) return found[0].id;
  const consent = { personalization: false, marketing: false, updatedAt: new Date().toISOString() };
  // Two first orders with one e-mail at once: the unique index lets one insert win, the other reads it.
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO customers (id, email, name, phone, consent, home_store_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      `cus-${randomUUID()}`,
      request.customer.email,
      request.customer.name,
      request.customer.phone ?? null,
      JSON.stringify(consent),
      homeStoreId,
    ],
  );
  if (inserted[0]) return inserted[0].id;
  const again = await tx.query<{ id: string }>('SELECT id FROM customers WHERE lower(email) = lower($1)', [
    request.customer.email,
  ]);
  return again[0]!.id;
}
