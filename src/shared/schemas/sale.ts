/**
 * Sale document v1 (docs/architecture.md, Data rules): the contract for registers and for any other point of sale that feeds
 * the hub. A sale is insert-only; a return is a sale of kind `return` with negative quantities.
 *
 * The schema checks shape and types; `saleIdentityViolations` checks the arithmetic identities the hub
 * enforces (it does not check tax rates: another POS may have its own tax engine). `saleDocumentSchema`
 * combines both, and every violation carries a stable `code` the hub returns in its 400.
 */
import { z } from 'zod';
import { currencyCode, ident, identText, isoTime, minor, quantity, sku, text, uuid } from './common';

/** What happens to a returned unit: back into sellable stock now, or not. */
export const dispositionSchema = z.enum(['resellable', 'damaged']);

/** A price override on a line: who approved it and why. */
export const lineOverrideSchema = z.object({
  originalUnitPrice: minor(),
  reason: text().min(1).max(200),
  approvedBy: ident().nullable(),
});

/** One line of a sale or return. Money in minor units; `net + tax = gross`. */
export const saleLineSchema = z.object({
  lineId: identText().min(1).max(36),
  sku: sku(),
  name: text().min(1).max(200),
  qty: quantity(),
  unitPrice: minor(),
  discount: minor(),
  net: minor(),
  tax: minor(),
  gross: minor(),
  taxCode: identText().min(1).max(32),
  /** Returns only: what happens to the returned units. */
  disposition: dispositionSchema.optional(),
  /** Returns only: the line of the original sale or order this line gives back. */
  returnOfLineId: identText().min(1).max(36).optional(),
  override: lineOverrideSchema.optional(),
});

/** How the customer paid (or, in a return, was refunded: negative amounts). */
export const tenderSchema = z.object({
  method: z.enum(['cash', 'card', 'gift_card', 'store_credit', 'other', 'points']),
  amount: minor(),
  /**
   * Loyalty points a `points` tender spends (negative in a return: given back). Its `amount` is what they are
   * worth at the store's point value, so the tender counts like money in every total.
   */
  points: z.int().min(-2_147_483_647).max(2_147_483_647).optional(),
  /** Cash handed back; never negative. */
  change: minor().min(0).optional(),
  /** The payment gateway's reference (card charge id), needed to refund to the original payment. */
  reference: identText().min(1).max(128).optional(),
});

/** Sums over the lines. */
export const saleTotalsSchema = z.object({
  net: minor(),
  tax: minor(),
  gross: minor(),
  discount: minor(),
});

/** What a return gives back: a sale, an online order, or nothing (then a manager approved it). */
export const returnOfSchema = z
  .union([z.object({ saleId: uuid() }), z.object({ orderId: ident() })])
  .nullable();

/** A manager's approval recorded on the sale (discount over threshold, override, return without receipt). */
export const approvalSchema = z.object({
  kind: z.enum(['line_discount', 'cart_discount', 'price_override', 'return_without_receipt', 'other']),
  staffId: ident(),
  at: isoTime(),
});

/** The shape of a sale document, without the arithmetic identities (used to derive RxDB's JSON schema). */
export const saleShapeSchema = z.object({
  id: uuid(),
  kind: z.enum(['sale', 'return']),
  storeId: ident(),
  registerId: ident(),
  number: identText().min(1).max(40),
  createdAt: isoTime(),
  currency: currencyCode(),
  clerkId: ident(),
  customerId: ident().nullable(),
  shiftId: ident().nullable().optional(),
  lines: z.array(saleLineSchema).min(1).max(500),
  tenders: z.array(tenderSchema).max(20),
  totals: saleTotalsSchema,
  returnOf: returnOfSchema.optional(),
  approvals: z.array(approvalSchema).max(20).optional(),
});

/** A sale or return document as stored. */
export type SaleDocument = z.infer<typeof saleShapeSchema>;
/** One line of a sale document. */
export type SaleLine = z.infer<typeof saleLineSchema>;
/** One tender of a sale document. */
export type Tender = z.infer<typeof tenderSchema>;
/** Totals of a sale document. */
export type SaleTotals = z.infer<typeof saleTotalsSchema>;
/** A return line's disposition. */
export type Disposition = z.infer<typeof dispositionSchema>;

/** A broken rule in one document: the code is stable, the path points at the field. */
export interface Violation {
  code: string;
  message: string;
  path: (string | number)[];
}

/**
 * The arithmetic and kind rules of the sale contract (docs/architecture.md, Data rules) that a well-typed
 * document must also satisfy, and the sanity rules no register of ours can break: in a sale, prices,
 * amounts and tenders are never negative and a discount never exceeds its line; a return's tenders only
 * pay out. Returns every violation (empty when the document is sound) so that a 400 can name them all at
 * once. Whether the currency is the store's is the hub's check: only it knows the store's settings.
 */
export function saleIdentityViolations(doc: SaleDocument): Violation[] {
  const out: Violation[] = [];
  const add = (code: string, message: string, path: (string | number)[]) => out.push({ code, message, path });
  const seen = new Set<string>();
  const totals = { net: 0, tax: 0, gross: 0, discount: 0 };

  doc.lines.forEach((line, i) => {
    const at = ['lines', i];
    if (seen.has(line.lineId))
      add('line_id_duplicate', `lineId ${line.lineId} appears twice`, [...at, 'lineId']);
    seen.add(line.lineId);
    if (line.qty === 0) add('qty_zero', `line ${line.lineId} has quantity 0`, [...at, 'qty']);
    if (doc.kind === 'sale' && line.qty < 0) {
      add('negative_qty_in_sale', `line ${line.lineId} has a negative quantity in a sale`, [...at, 'qty']);
    }
    if (doc.kind === 'return') {
      if (line.qty > 0)
        add('positive_qty_in_return', `line ${line.lineId} of a return is positive`, [...at, 'qty']);
      if (!line.disposition) {
        add('disposition_missing', `return line ${line.lineId} needs a disposition`, [...at, 'disposition']);
      }
    }
    if (line.net + line.tax !== line.gross) {
      add('line_gross', `line ${line.lineId}: net ${line.net} + tax ${line.tax} ≠ gross ${line.gross}`, at);
    }
    if (doc.kind === 'sale') saleLineViolations(line, at, add);
    totals.net += line.net;
    totals.tax += line.tax;
    totals.gross += line.gross;
    totals.discount += line.discount;
  });

  for (const key of ['net', 'tax', 'gross', 'discount'] as const) {
    if (doc.totals[key] !== totals[key]) {
      add(`totals_${key}`, `totals.${key} is ${doc.totals[key]} but the lines sum to ${totals[key]}`, [
        'totals',
        key,
      ]);
    }
  }

  doc.tenders.forEach((t, i) => {
    // A sale is paid (the shared tender rules refuse amounts ≤ 0); a return only pays out.
    if (doc.kind === 'sale' && t.amount < 0) {
      add('negative_tender', `tender ${i} of a sale is negative (${t.amount})`, ['tenders', i, 'amount']);
    }
    if (doc.kind === 'return' && t.amount > 0) {
      add('positive_tender_in_return', `tender ${i} of a return is positive (${t.amount})`, [
        'tenders',
        i,
        'amount',
      ]);
    }
  });
  const tendered = doc.tenders.reduce((s, t) => s + t.amount - (t.change ?? 0), 0);
  if (tendered !== doc.totals.gross) {
    add('tenders_total', `tenders minus change are ${tendered} but totals.gross is ${doc.totals.gross}`, [
      'tenders',
    ]);
  }
  if (doc.kind === 'return' && doc.returnOf === undefined) {
    add('return_of_missing', 'a return must say what it returns (returnOf, or null with approval)', [
      'returnOf',
    ]);
  }
  if (doc.kind === 'sale' && doc.returnOf != null) {
    add('return_of_in_sale', 'only a return may reference what it returns', ['returnOf']);
  }
  return out;
}

/**
 * What no register can ring up in a sale (the shared pricing refuses it): a negative price or amount, and a
 * discount below zero or beyond the line's amount (quantity × unit price, which the discount is taken off).
 */
function saleLineViolations(
  line: SaleLine,
  at: (string | number)[],
  add: (code: string, message: string, path: (string | number)[]) => void,
): void {
  if (line.unitPrice < 0) {
    add('negative_price', `line ${line.lineId} has a negative unit price in a sale`, [...at, 'unitPrice']);
  }
  for (const key of ['net', 'gross'] as const) {
    if (line[key] < 0) {
      add('negative_amount', `line ${line.lineId}: ${key} ${line[key]} is negative in a sale`, [...at, key]);
    }
  }
  if (line.discount < 0) {
    add('negative_discount', `line ${line.lineId} has a negative discount`, [...at, 'discount']);
  } else if (line.unitPrice >= 0 && line.qty > 0 && line.discount > line.qty * line.unitPrice) {
    add(
      'discount_exceeds_amount',
      `line ${line.lineId}: discount ${line.discount} exceeds its amount ${line.qty * line.unitPrice}`,
      [...at, 'discount'],
    );
  }
}

/** The full sale document v1 rule: shape, then identities, each violation coded in `params.code`. */
export const saleDocumentSchema = saleShapeSchema.superRefine((doc, ctx) => {
  for (const v of saleIdentityViolations(doc)) {
    ctx.addIssue({ code: 'custom', message: v.message, path: v.path, params: { code: v.code } });
  }
});

/**
 * Checks an unknown value against the sale document v1 contract and returns the document or every
 * violation. Type errors come back as code `schema` (or `money_not_integer` for a non-integer amount).
 */
export function checkSaleDocument(
  input: unknown,
): { ok: true; value: SaleDocument } | { ok: false; violations: Violation[] } {
  // Shape first, identities only on a well-typed document: sums over a half-parsed one would only add noise.
  const parsed = saleShapeSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      violations: parsed.error.issues.map((issue) => ({
        code: violationCode(issue),
        message: issue.message,
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      })),
    };
  }
  const violations = saleIdentityViolations(parsed.data);
  return violations.length === 0 ? { ok: true, value: parsed.data } : { ok: false, violations };
}

function violationCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  if (issue.code === 'invalid_type' && issue.expected === 'int') {
    return issue.path.at(-1) === 'qty' ? 'qty_not_integer' : 'money_not_integer';
  }
  return 'schema';
}
