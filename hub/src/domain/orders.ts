/**
 * Placing a web order (POST /api/v1/storefront/orders): price it with the shared pricing function, check
 * availability-to-promise, charge the card, then reserve in one short transaction that re-checks the
 * locked levels. Charging happens outside the transaction (no row locks held across a gateway call); if
 * the stock went meanwhile, the charge is refunded and the order refused as `insufficient_stock`.
 * An `Idempotency-Key` binds the order to its request: the same request again gets the same order, and
 * another request with that key is refused as `idempotency_mismatch`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { priceCart } from '@till/shared/domain/pricing';
import { ident, identText, sku, text } from '@till/shared/schemas/common';
import { type WebOrder, fulfilmentSchema, webOrderSchema } from '@till/shared/schemas/web-order';
import { isUniqueViolation } from '../db/errors';
import type { Queryable } from '../db/port';
import type { OrderRequestsRepository } from '../repositories/order-requests';
import type { PricedProduct } from '../repositories/products';
import type { Allocation } from '../repositories/reservations';
import type { AtpModel } from './atp';
import { canonicalJson } from './canonical-json';
import type { DomainContext } from './context';
import { DomainError, isDomainErrorCode } from './errors';
import type { PaymentGateway } from './gateway';
import { reserve } from './reservations';

/** The body of POST /api/v1/storefront/orders. */
export const orderRequestSchema = z.object({
  customer: z.object({
    email: z.email().max(254),
    name: text().min(1).max(120),
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
  payment: z.object({ method: z.literal('card'), token: identText().min(1).max(200) }),
  sessionId: ident().optional(),
});

/** An order request. */
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** What placing an order needs besides the database. */
export type OrderContext = DomainContext & { atp: AtpModel; gateway: PaymentGateway };

/** A SKU the order cannot have: what was asked and what could be promised. */
interface Short {
  sku: string;
  requested: number;
  available: number;
}

/** Thrown inside the reserving transaction to roll it back; becomes `insufficient_stock` after the refund. */
class ShortError extends Error {
  constructor(readonly short: Short[]) {
    super('short');
  }
}

const insufficientStock = (short: Short[]) =>
  new DomainError('insufficient_stock', `not enough stock for ${short.map((s) => s.sku).join(', ')}`, {
    skus: short,
  });

/** The parts of an order request, hashed one by one so that a mismatch can be named. */
const REQUEST_PARTS = ['customer', 'lines', 'fulfilment', 'payment', 'sessionId'] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hashes an idempotency key is stored with: of each part of the (validated) request, and of all. */
export function fingerprintOrderRequest(request: OrderRequest): {
  requestHash: string;
  parts: Record<string, string>;
} {
  const parts = Object.fromEntries(REQUEST_PARTS.map((p) => [p, sha256(canonicalJson(request[p]))]));
  return { requestHash: sha256(canonicalJson(parts)), parts };
}

/**
 * The answer to a request whose key already placed `previous`: that order when the request is the same
 * (or the order predates stored requests), else `idempotency_mismatch` naming the parts that differ.
 */
async function replay(
  requests: OrderRequestsRepository,
  key: string,
  previous: WebOrder,
  print: ReturnType<typeof fingerprintOrderRequest>,
): Promise<WebOrder> {
  const stored = await requests.byKey(key);
  if (!stored || stored.requestHash === print.requestHash) return previous;
  const mismatch = REQUEST_PARTS.filter((p) => stored.parts[p] !== print.parts[p]);
  throw new DomainError(
    'idempotency_mismatch',
    `this Idempotency-Key placed order ${previous.number} with another request (${mismatch.join(', ')} ` +
      'differ); use a new key for a new order',
    { mismatch, orderId: previous.id },
  );
}

/** Places an order; returns the stored order document. */
export async function placeOrder(
  ctx: OrderContext,
  request: OrderRequest,
  idempotencyKey?: string,
): Promise<WebOrder> {
  const { repos } = ctx;
  const requests = repos.orderRequests;
  const print = fingerprintOrderRequest(request);
  if (idempotencyKey) {
    // A retried request (the web store lost our answer) gets the order it already placed.
    const previous = await repos.webOrders.byChargeKey(`charge:${idempotencyKey}`);
    if (previous) return replay(requests, idempotencyKey, previous, print);
  }
  const wanted = new Map<string, number>();
  for (const l of request.lines) wanted.set(l.sku, (wanted.get(l.sku) ?? 0) + l.qty);
  const products = await repos.products.sellableOnlineBySku([...wanted.keys()]);
  const missing = [...wanted.keys()].filter((s) => !products.some((p) => p.sku === s));
  if (missing.length > 0) {
    throw new DomainError('unknown_sku', `SKUs not sold online: ${missing.join(', ')}`, {
      skus: missing,
    });
  }

  const pickupStore = request.fulfilment.type === 'pickup' ? request.fulfilment.storeId : null;
  const settingsStore = pickupStore ?? (await repos.settings.firstStoreId());
  const settings = settingsStore ? await repos.settings.forStore(settingsStore) : null;
  if (!settings) throw new DomainError('unknown_store', `no store ${pickupStore ?? ''}`.trim());
  const priced = priceCart(
    {
      lines: [...wanted].map(([s, qty], i) => {
        const p = products.find((x) => x.sku === s) as PricedProduct;
        return { lineId: String(i + 1), sku: s, name: p.name, qty, unitPrice: p.price, taxCode: p.taxCode };
      }),
    },
    settings,
  );
  if (!priced.ok) {
    const code = isDomainErrorCode(priced.error.code) ? priced.error.code : 'invalid_order';
    throw new DomainError(code, priced.error.message);
  }

  // A first look without locks, so an order that cannot be had is refused before the card is charged.
  await ctx.atp.fresh();
  const allocations = await allocate(ctx, ctx.db, wanted, pickupStore, false);

  const orderId = `ord-${randomUUID()}`;
  const charge = await ctx.gateway.charge({
    amount: priced.value.totals.gross,
    currency: settings.currency,
    token: request.payment.token,
    idempotencyKey: idempotencyKey ?? orderId,
    description: `web order ${orderId}`,
  });
  if (!charge.ok) throw new DomainError('payment_declined', charge.message, { reason: charge.code });

  const now = new Date().toISOString();
  try {
    return await ctx.db.transaction(async (tx) => {
      const customerId = await customerFor(ctx, tx, request, pickupStore);
      const confirmed = await allocate(ctx, tx, wanted, pickupStore, true, allocations);
      const number = await repos.webOrders.nextNumber(tx);
      const doc: WebOrder = webOrderSchema.parse({
        id: orderId,
        number: `W${String(number).padStart(6, '0')}`,
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
      await repos.webOrders.insert(doc, pickupStore, customerId, tx);
      await repos.webOrders.insertCharge(
        {
          orderId: doc.id,
          amount: doc.payment.amount,
          currency: doc.currency,
          reference: charge.reference,
          idempotencyKey: `charge:${idempotencyKey ?? orderId}`,
        },
        tx,
      );
      if (idempotencyKey) await requests.insert(idempotencyKey, { orderId: doc.id, ...print }, tx);
      if (request.sessionId) {
        await repos.browsing.insertCheckout(request.sessionId, customerId, tx);
        await repos.browsing.convertCart(request.sessionId, tx);
      }
      const levels = await reserve(repos, tx, doc.id, confirmed);
      const stores = [...new Set(confirmed.map((a) => a.storeId))];
      await repos.changes.notify(
        [
          ...stores.map((s) => ['stock', s] as const),
          ...(pickupStore ? [['orders', pickupStore] as const] : []),
        ],
        levels,
        tx,
      );
      return doc;
    });
  } catch (err) {
    if (idempotencyKey && isUniqueViolation(err)) {
      // A twin request with the same key placed its order first. The gateway charged that key once, so
      // the charge is the twin's order's: no refund; answer as a retry after it would be answered.
      const twin = await repos.webOrders.byChargeKey(`charge:${idempotencyKey}`);
      if (twin) return replay(requests, idempotencyKey, twin, print);
    }
    // The order did not happen: give the money back (idempotent, so a retry cannot refund twice).
    await ctx.gateway.refund({
      reference: charge.reference,
      amount: priced.value.totals.gross,
      idempotencyKey: `refund:${orderId}`,
    });
    if (err instanceof ShortError) throw insufficientStock(err.short);
    throw err;
  }
}

/**
 * Chooses where each SKU is taken from: the pickup store, or for shipping the store that can promise the
 * most. With `locked`, the planned levels are locked (fixed order) and a shortfall throws `ShortError`;
 * without, a shortfall is the refusal itself.
 */
async function allocate(
  ctx: OrderContext,
  db: Queryable,
  wanted: ReadonlyMap<string, number>,
  pickupStore: string | null,
  locked: boolean,
  planned?: readonly Allocation[],
): Promise<Allocation[]> {
  const levels = locked
    ? await ctx.repos.stock.lockLevels(planned ?? [], db)
    : await ctx.repos.stock.levels([...wanted.keys()], pickupStore, db);
  const short: Short[] = [];
  const out: Allocation[] = [];
  for (const [s, qty] of wanted) {
    const candidates = levels
      .filter((l) => l.sku === s && (!planned || planned.some((p) => p.sku === s && p.storeId === l.storeId)))
      .map((l) => ({
        storeId: l.storeId,
        available: ctx.atp.atp(l.storeId, s, l.onHand, l.reserved).available,
      }))
      .sort((a, b) => b.available - a.available || (a.storeId < b.storeId ? -1 : 1));
    const best = candidates[0];
    if (!best || best.available < qty)
      short.push({ sku: s, requested: qty, available: best?.available ?? 0 });
    else out.push({ storeId: best.storeId, sku: s, qty });
  }
  if (short.length > 0) {
    if (locked) throw new ShortError(short);
    throw insufficientStock(short);
  }
  return out;
}

/** Finds the customer by e-mail or signs them up; returns the id. */
async function customerFor(
  ctx: OrderContext,
  tx: Queryable,
  request: OrderRequest,
  homeStoreId: string | null,
): Promise<string> {
  const customers = ctx.repos.customers;
  const found = await customers.idByEmail(request.customer.email, tx);
  if (found) return found;
  const consent = { personalization: false, marketing: false, updatedAt: new Date().toISOString() };
  // Two first orders with one e-mail at once: the unique index lets one insert win, the other reads it.
  const inserted = await customers.insertFromWeb(
    {
      id: `cus-${randomUUID()}`,
      email: request.customer.email,
      name: request.customer.name,
      phone: request.customer.phone ?? null,
      consent,
      homeStoreId,
    },
    tx,
  );
  return inserted ?? (await customers.idByEmail(request.customer.email, tx))!;
}
