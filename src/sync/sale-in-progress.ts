/**
 * The sale being rung up, kept in the replica as RxDB local documents so a reload or a crash restores it
 * exactly: `sale-in-progress` holds the cart, `parked-sales` the carts set aside with a name and a time.
 * Local documents never replicate: a cart is this register's business until it becomes a sale
 * (docs/architecture.md, A sale's journey). What is read back is checked with zod, so a document written by
 * an older build, or damaged, is refused with a code instead of breaking the sale screen.
 */
import { z } from 'zod';
import { type Result, fail, ok } from '@till/shared/result';
import {
  MAX_QTY,
  basisPoints,
  ident,
  identText,
  isoTime,
  minorNonNegative,
  sku,
  text,
} from '@till/shared/schemas/common';
import { approvalSchema } from '@till/shared/schemas/sale';
import type { TillDatabase } from './database';

/** The local document id of the cart in progress. */
export const SALE_IN_PROGRESS_ID = 'sale-in-progress';
/** The local document id of the parked carts. */
export const PARKED_SALES_ID = 'parked-sales';
/** How many carts may be parked at once: a short list a clerk can read at a glance. */
export const MAX_PARKED = 20;

const discountSchema = z.union([
  z.strictObject({ kind: z.literal('percent'), bp: basisPoints() }),
  z.strictObject({ kind: z.literal('amount'), amount: minorNonNegative() }),
]);

/** One cart line as persisted: the shared pricing's `CartLineInput`. */
const cartLineSchema = z.object({
  lineId: identText().min(1).max(36),
  sku: sku(),
  name: text().min(1).max(200),
  qty: z.int().min(1).max(MAX_QTY),
  unitPrice: minorNonNegative(),
  taxCode: identText().min(1).max(32),
  discount: discountSchema.nullable().optional(),
  override: z
    .object({ unitPrice: minorNonNegative(), reason: text().min(1).max(200), approvedBy: ident().nullable() })
    .nullable()
    .optional(),
  grams: z.int().min(1).optional(),
});

/**
 * A manager's approval as the cart keeps it: the sale document's approval, plus the line it was given for
 * (a line discount or price override), so voiding that line drops it. The sale document leaves `lineId` out.
 */
export const cartApprovalSchema = approvalSchema.extend({ lineId: identText().min(1).max(36).optional() });

/** A cart as persisted: lines, cart discount, customer and the managers' approvals so far. */
export const cartSnapshotSchema = z.object({
  lines: z.array(cartLineSchema).max(500),
  cartDiscount: discountSchema.nullable(),
  customerId: ident().nullable(),
  approvals: z.array(cartApprovalSchema).max(20),
});

/** A persisted cart. */
export type CartSnapshot = z.infer<typeof cartSnapshotSchema>;

/** A cart set aside to serve the next customer. */
export const parkedSaleSchema = z.object({
  id: identText().min(1).max(64),
  name: text().min(1).max(60),
  parkedAt: isoTime(),
  clerkId: ident().nullable(),
  cart: cartSnapshotSchema,
});

/** A parked cart. */
export type ParkedSale = z.infer<typeof parkedSaleSchema>;

const parkedListSchema = z.object({ sales: z.array(parkedSaleSchema).max(MAX_PARKED) });

/** An empty cart. */
export function emptyCart(): CartSnapshot {
  return { lines: [], cartDiscount: null, customerId: null, approvals: [] };
}

// Every write to these local documents goes through one queue per replica: RxDB refuses a write that
// races another on the same document (a conflict), and the cart's follower, park and resume all write.
const queues = new WeakMap<TillDatabase, Promise<unknown>>();

/** Runs `write` after every write queued before it on `db`. */
function queued<T>(db: TillDatabase, write: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(write, write);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * The cart in progress, or null when there is none. A stored cart that fails its schema is reported as
 * `sale_in_progress_unreadable` (and left in place for diagnostics) rather than half-restored.
 */
export async function loadSaleInProgress(db: TillDatabase): Promise<Result<CartSnapshot | null>> {
  const doc = await db.getLocal<CartSnapshot>(SALE_IN_PROGRESS_ID);
  if (!doc) return ok(null);
  const parsed = cartSnapshotSchema.safeParse(doc.toJSON().data);
  if (!parsed.success) {
    return fail('sale_in_progress_unreadable', `the saved sale could not be read: ${parsed.error.message}`);
  }
  return ok(parsed.data);
}

/** Saves the cart in progress (an empty cart removes the document: nothing is in progress). */
export function saveSaleInProgress(db: TillDatabase, cart: CartSnapshot): Promise<Result<void>> {
  return queued(db, () => writeSaleInProgress(db, cart));
}

async function writeSaleInProgress(db: TillDatabase, cart: CartSnapshot): Promise<Result<void>> {
  const parsed = cartSnapshotSchema.safeParse(cart);
  if (!parsed.success) return fail('cart_invalid', `the cart cannot be saved: ${parsed.error.message}`);
  if (parsed.data.lines.length === 0 && parsed.data.cartDiscount === null && !parsed.data.customerId) {
    const doc = await db.getLocal(SALE_IN_PROGRESS_ID);
    if (doc) await doc.remove();
    return ok(undefined);
  }
  await db.upsertLocal<CartSnapshot>(SALE_IN_PROGRESS_ID, parsed.data);
  return ok(undefined);
}

/** The parked carts, oldest first; an unreadable list reads as `parked_sales_unreadable`. */
export async function listParkedSales(db: TillDatabase): Promise<Result<ParkedSale[]>> {
  const doc = await db.getLocal<{ sales: ParkedSale[] }>(PARKED_SALES_ID);
  if (!doc) return ok([]);
  const parsed = parkedListSchema.safeParse(doc.toJSON().data);
  if (!parsed.success) {
    return fail('parked_sales_unreadable', `the parked sales could not be read: ${parsed.error.message}`);
  }
  return ok(parsed.data.sales);
}

/**
 * Parks `parked.cart` and clears the cart in progress. The parked list is written first: a crash between
 * the two writes leaves the cart both parked and in progress, never lost.
 */
export function parkSale(db: TillDatabase, parked: ParkedSale): Promise<Result<ParkedSale>> {
  return queued(db, () => writeParked(db, parked));
}

async function writeParked(db: TillDatabase, parked: ParkedSale): Promise<Result<ParkedSale>> {
  const checked = parkedSaleSchema.safeParse(parked);
  if (!checked.success) return fail('cart_invalid', `the cart cannot be parked: ${checked.error.message}`);
  if (checked.data.cart.lines.length === 0) return fail('cart_empty', 'an empty cart cannot be parked');
  const list = await listParkedSales(db);
  if (!list.ok) return list;
  if (list.value.length >= MAX_PARKED) {
    return fail('too_many_parked', `at most ${MAX_PARKED} sales can be parked; resume or clear one first`);
  }
  await db.upsertLocal(PARKED_SALES_ID, { sales: [...list.value, checked.data] });
  const cleared = await writeSaleInProgress(db, emptyCart());
  if (!cleared.ok) return cleared;
  return ok(checked.data);
}

/**
 * Resumes the parked cart `id`: it becomes the cart in progress and leaves the list. The cart in progress is
 * written first, for the same reason as in `parkSale`. Refuses `parked_sale_not_found`.
 */
export function resumeParkedSale(db: TillDatabase, id: string): Promise<Result<ParkedSale>> {
  return queued(db, () => writeResumed(db, id));
}

async function writeResumed(db: TillDatabase, id: string): Promise<Result<ParkedSale>> {
  const list = await listParkedSales(db);
  if (!list.ok) return list;
  const found = list.value.find((p) => p.id === id);
  if (!found) return fail('parked_sale_not_found', 'that parked sale is no longer there');
  const saved = await writeSaleInProgress(db, found.cart);
  if (!saved.ok) return saved;
  await db.upsertLocal(PARKED_SALES_ID, { sales: list.value.filter((p) => p.id !== id) });
  return ok(found);
}
