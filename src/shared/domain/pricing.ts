/**
 * Cart pricing: lines with quantity, unit price, line discount (percent or amount), a cart discount spread
 * over the lines, and price overrides → each line's net/tax/gross and the totals, exactly as the sale
 * document v1 defines them. The register prices its cart and the hub prices web orders with this one
 * function, so both agree to the cent.
 */
import { type CodedError, type Result, fail, ok } from '../result';
import { allocate, roundDiv } from './money';
import { type PriceMode, type TaxRate, findRate, taxLine } from './tax';

/** A discount: a share in basis points (10 000 = 100 %) or an amount in minor units. */
export type Discount = { kind: 'percent'; bp: number } | { kind: 'amount'; amount: number };

/** A price override typed at the counter, with who approved it (when approval was needed). */
export interface PriceOverride {
  unitPrice: number;
  reason: string;
  approvedBy: string | null;
}

/** One line as the clerk builds it. `unitPrice` is the shelf price in the store's price mode. */
export interface CartLineInput {
  lineId: string;
  sku: string;
  name: string;
  qty: number;
  unitPrice: number;
  taxCode: string;
  discount?: Discount | null;
  override?: PriceOverride | null;
}

/** A cart to price. */
export interface CartInput {
  lines: readonly CartLineInput[];
  cartDiscount?: Discount | null;
}

/** What pricing needs to know about the store. */
export interface PricingSettings {
  currency: string;
  priceMode: PriceMode;
  taxRates: readonly TaxRate[];
}

/** A priced line: the fields of a sale document v1 line. */
export interface PricedLine {
  lineId: string;
  sku: string;
  name: string;
  qty: number;
  /** The unit price charged (the override when there is one). */
  unitPrice: number;
  /** Line discount plus this line's share of the cart discount. */
  discount: number;
  net: number;
  tax: number;
  gross: number;
  taxCode: string;
  override?: { originalUnitPrice: number; reason: string; approvedBy: string | null };
}

/** Totals over the lines. */
export interface PricedTotals {
  net: number;
  tax: number;
  gross: number;
  discount: number;
}

/** A priced cart: lines and totals satisfying every identity of the sale document. */
export interface PricedCart {
  currency: string;
  lines: PricedLine[];
  totals: PricedTotals;
  /** The cart discount in minor units, before it was spread over lines. */
  cartDiscount: number;
}

/** Basis points in one whole. */
export const BP = 10_000;

/** The discount of `discount` on `base` (same sign as base); never more than the base. */
export function discountAmount(base: number, discount: Discount | null | undefined): Result<number> {
  if (!discount) return ok(0);
  if (discount.kind === 'percent') {
    if (!Number.isSafeInteger(discount.bp) || discount.bp < 0 || discount.bp > BP) {
      return fail('discount_invalid', 'a percentage discount must be between 0 and 100 %');
    }
    return ok(roundDiv(base * discount.bp, BP));
  }
  if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
    return fail('discount_invalid', 'a discount amount must be a non-negative integer of minor units');
  }
  if (discount.amount > Math.abs(base)) {
    return fail(
      'discount_exceeds_amount',
      `a discount of ${discount.amount} exceeds the amount ${Math.abs(base)}`,
    );
  }
  return ok(Math.sign(base) * discount.amount || 0);
}

function checkLine(line: CartLineInput): CodedError | null {
  if (!Number.isSafeInteger(line.qty) || line.qty === 0) {
    return { code: 'qty_invalid', message: `line ${line.lineId}: quantity must be a non-zero integer` };
  }
  const price = line.override ? line.override.unitPrice : line.unitPrice;
  if (
    !Number.isSafeInteger(line.unitPrice) ||
    !Number.isSafeInteger(price) ||
    price < 0 ||
    line.unitPrice < 0
  ) {
    return {
      code: 'price_invalid',
      message: `line ${line.lineId}: prices are non-negative integers of minor units`,
    };
  }
  if (!Number.isSafeInteger(line.qty * price)) {
    return { code: 'amount_too_large', message: `line ${line.lineId}: the amount is too large` };
  }
  return null;
}

/**
 * Prices a cart. Steps, per line: extended = qty × unit price (override if any); line discount; then the
 * cart discount (a share of the discounted subtotal) is allocated over lines in proportion to what each
 * line still costs, so it never gains or loses a cent; then tax per line, rounded half-up, in the store's
 * price mode. Refuses unknown tax codes, bad quantities and discounts bigger than what they discount.
 */
export function priceCart(cart: CartInput, settings: PricingSettings): Result<PricedCart> {
  const afterLineDiscount: number[] = [];
  const lineDiscounts: number[] = [];
  for (const line of cart.lines) {
    const problem = checkLine(line);
    if (problem) return { ok: false, error: problem };
    if (!findRate(settings.taxRates, line.taxCode)) {
      return fail('unknown_tax_code', `line ${line.lineId}: the store has no tax code "${line.taxCode}"`);
    }
    const extended = line.qty * (line.override ? line.override.unitPrice : line.unitPrice);
    const discount = discountAmount(extended, line.discount);
    if (!discount.ok) return discount;
    lineDiscounts.push(discount.value);
    afterLineDiscount.push(extended - discount.value);
  }

  const subtotal = afterLineDiscount.reduce((a, b) => a + b, 0);
  let cartDiscount = 0;
  if (cart.cartDiscount) {
    if (afterLineDiscount.some((a) => a < 0)) {
      return fail('cart_discount_with_refund', 'a cart discount cannot apply to a cart with returned items');
    }
    const amount = discountAmount(subtotal, cart.cartDiscount);
    if (!amount.ok) return amount;
    cartDiscount = amount.value;
  }
  const shares = allocate(
    cartDiscount,
    afterLineDiscount.map((a) => Math.abs(a)),
  );

  const lines: PricedLine[] = cart.lines.map((line, i) => {
    const discount = (lineDiscounts[i] ?? 0) + (shares[i] ?? 0);
    const taxable = (afterLineDiscount[i] ?? 0) - (shares[i] ?? 0);
    const rate = findRate(settings.taxRates, line.taxCode) as TaxRate;
    const { net, tax, gross } = taxLine(taxable, rate.ratePpm, settings.priceMode);
    const priced: PricedLine = {
      lineId: line.lineId,
      sku: line.sku,
      name: line.name,
      qty: line.qty,
      unitPrice: line.override ? line.override.unitPrice : line.unitPrice,
      discount,
      net,
      tax,
      gross,
      taxCode: line.taxCode,
    };
    if (line.override) {
      priced.override = {
        originalUnitPrice: line.unitPrice,
        reason: line.override.reason,
        approvedBy: line.override.approvedBy,
      };
    }
    return priced;
  });

  return ok({ currency: settings.currency, lines, totals: sumTotals(lines), cartDiscount });
}

/** Sums net, tax, gross and discount over lines. */
export function sumTotals(lines: readonly PricedTotals[]): PricedTotals {
  return lines.reduce(
    (t, l) => ({
      net: t.net + l.net,
      tax: t.tax + l.tax,
      gross: t.gross + l.gross,
      discount: t.discount + l.discount,
    }),
    { net: 0, tax: 0, gross: 0, discount: 0 },
  );
}
