/**
 * Money: an integer number of minor units (cents) and an ISO 4217 currency code. Never a float.
 *
 * Every amount in Till is a safe integer; functions here refuse anything else, because a single float
 * (19.99 instead of 1999) is how totals stop agreeing to the cent between register, hub and bank.
 */

/** An amount of money in minor units of `currency`. */
export interface Money {
  /** Integer number of minor units (e.g. cents); negative for refunds. */
  amount: number;
  /** ISO 4217 code, three upper-case letters. */
  currency: string;
}

/** Throws if `amount` is not a safe integer. Use at the edges; documents are validated by their schemas. */
export function assertMinorUnits(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${what} must be an integer number of minor units, got ${amount}`);
  }
}

const minorDigitsCache = new Map<string, number>();

/** Number of minor-unit digits of a currency (USD 2, JPY 0, BHD 3), from the platform's ICU data. */
export function minorUnitDigits(currency: string): number {
  const cached = minorDigitsCache.get(currency);
  if (cached !== undefined) return cached;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  minorDigitsCache.set(currency, digits);
  return digits;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and currency, kept: building an `Intl.NumberFormat` costs far more than using
 * one, and the sale screen formats every line and total on each scan (it was the top JavaScript frame of a
 * scan in `npm run bench:register`).
 */
function moneyFormatter(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats minor units for people, e.g. `formatMoney(4210, 'USD', 'en-US')` → `$42.10`. */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  assertMinorUnits(amount);
  const digits = minorUnitDigits(currency);
  // Divide as a decimal string, not a float, so 1e15 cents still prints exactly.
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const major = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  const formatter = moneyFormatter(locale, currency, digits);
  // Intl accepts decimal strings exactly (ES2023 "string as exact decimal").
  return formatter.format((negative ? `-${major}` : major) as unknown as number);
}

const countFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats a whole count for people in `locale` (loyalty points, quantities: `12,500`), with one kept
 * formatter per locale like `formatMoney`: the sale screen shows the customer's points on every render.
 */
export function formatCount(value: number, locale = 'en-US'): string {
  let formatter = countFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    countFormatters.set(locale, formatter);
  }
  return formatter.format(value);
}

/**
 * Divides `numerator / denominator` and rounds half away from zero ("half-up" as shops mean it), so that a
 * refund rounds exactly like the sale it mirrors: `roundDiv(-x, d) === -roundDiv(x, d)`.
 * Both arguments are integers and `denominator > 0`; intermediate products must stay below 2^53.
 */
export function roundDiv(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `roundDiv needs safe integers and a positive denominator (${numerator}/${denominator})`,
    );
  }
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const quotient = Math.floor(n / denominator);
  const remainder = n - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return sign * rounded || 0;
}

/**
 * Splits `amount` into parts proportional to `weights` so that the parts sum to `amount` exactly
 * (largest-remainder method; ties go to the earlier part). Used for a cart discount across lines and a
 * tender across refunds. Weights are non-negative integers; if they are all zero the split is even.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  assertMinorUnits(amount);
  if (weights.length === 0) {
    if (amount !== 0) throw new RangeError('cannot allocate a non-zero amount across no parts');
    return [];
  }
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative integers (${w})`);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const effective = total === 0 ? weights.map(() => 1) : weights;
  const weightSum = total === 0 ? weights.length : total;
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  if (!Number.isSafeInteger(abs * weightSum)) throw new RangeError('allocation overflows safe integers');

  const parts = effective.map((w) => Math.floor((abs * w) / weightSum));
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const byRemainder = effective
    .map((w, index) => ({ index, remainder: (abs * w) % weightSum }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => sign * p || 0);
}

/** Sums integer amounts, refusing non-integers. */
export function sum(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    assertMinorUnits(a);
    total += a;
  }
  assertMinorUnits(total, 'sum');
  return total;
}
