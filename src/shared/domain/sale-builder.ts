/**
 * Builds sale documents v1 from a priced cart and settled tenders. The register calls this when the clerk
 * completes a sale; the result is checked against the shared schema before it is returned, so a document
 * the hub would reject is never inserted (a rejection would then mean a bug; docs/architecture.md, Data rules).
 */
import { v7 as uuidv7 } from 'uuid';
import { type Result, fail, ok } from '../result';
import { type SaleDocument, checkSaleDocument } from '../schemas/sale';
import type { PricedCart } from './pricing';
import { type TenderInput, settleTenders } from './tenders';

/** Who, where and for whom a sale is made. */
export interface SaleContext {
  storeId: string;
  registerId: string;
  clerkId: string;
  customerId: string | null;
  shiftId?: string | null;
  currency: string;
}

/** Makes a new document id: a UUIDv7, so ids sort by creation time and never collide across registers. */
export function newDocumentId(): string {
  return uuidv7();
}

/** Checks a built document against the contract, turning violations into one coded error. */
export function validated(doc: SaleDocument): Result<SaleDocument> {
  const checked = checkSaleDocument(doc);
  if (checked.ok) return ok(checked.value);
  const rules = checked.violations.map((v) => `${v.code} at ${v.path.join('.')}: ${v.message}`).join('; ');
  return fail('document_invalid', `the built document breaks the sale contract: ${rules}`);
}

/**
 * Builds a completed sale. `number` comes from the register's receipt sequence; `approvals` records the
 * manager approvals the cart needed. Refuses a currency mismatch, unpaid totals and non-cash change.
 */
export function buildSale(args: {
  context: SaleContext;
  priced: PricedCart;
  tenders: readonly TenderInput[];
  number: string;
  approvals?: SaleDocument['approvals'];
  now?: Date;
  id?: string;
}): Result<SaleDocument> {
  const { context, priced } = args;
  if (priced.currency !== context.currency) {
    return fail('currency_mismatch', `the cart is in ${priced.currency}, the store in ${context.currency}`);
  }
  if (priced.lines.length === 0) return fail('cart_empty', 'a sale needs at least one line');
  if (priced.lines.some((l) => l.qty < 0))
    return fail('negative_qty_in_sale', 'returned items belong in a return');
  const tenders = settleTenders(priced.totals.gross, args.tenders);
  if (!tenders.ok) return tenders;
  const doc: SaleDocument = {
    id: args.id ?? newDocumentId(),
    kind: 'sale',
    storeId: context.storeId,
    registerId: context.registerId,
    number: args.number,
    createdAt: (args.now ?? new Date()).toISOString(),
    currency: context.currency,
    clerkId: context.clerkId,
    customerId: context.customerId,
    shiftId: context.shiftId ?? null,
    lines: priced.lines.map((l) => ({ ...l })),
    tenders: tenders.value,
    totals: { ...priced.totals },
  };
  if (args.approvals && args.approvals.length > 0) doc.approvals = args.approvals;
  return validated(doc);
}
