/**
 * Tax: rates per tax code per store, for prices that include tax or not, rounded per line half-up to the
 * minor unit. The register and the hub both call these functions, so their totals agree to the cent.
 */
import { roundDiv } from './money';

/** Parts per million in one whole: a rate of 8.875 % is 88 750 ppm. */
export const PPM = 1_000_000;

/** One tax code's rate in a store. */
export interface TaxRate {
  /** Code referenced by products and sale lines, e.g. `std`, `reduced`, `zero`. */
  code: string;
  /** Label printed on the receipt, e.g. `Sales tax 8.875%`. */
  name: string;
  /** Rate in parts per million (8.875 % → 88 750), so odd local rates stay exact integers. */
  ratePpm: number;
}

/** How a store's shelf prices are stated. */
export type PriceMode = 'tax-exclusive' | 'tax-inclusive';

/** The part of a line's amount that is tax, net and gross. All integers, same sign. */
export interface TaxedAmount {
  net: number;
  tax: number;
  gross: number;
}

/**
 * Splits a line amount into net, tax and gross.
 * - tax-exclusive: `amount` is net; tax = round(net × rate);
 * - tax-inclusive: `amount` is gross; tax = round(gross × rate / (1 + rate)); net = gross − tax.
 * Rounding is half away from zero, so a returned line's tax mirrors the sold line's exactly.
 */
export function taxLine(amount: number, ratePpm: number, mode: PriceMode): TaxedAmount {
  if (!Number.isSafeInteger(ratePpm) || ratePpm < 0) throw new RangeError(`bad tax rate ${ratePpm}`);
  if (mode === 'tax-exclusive') {
    const tax = roundDiv(amount * ratePpm, PPM);
    return { net: amount, tax, gross: amount + tax };
  }
  const tax = roundDiv(amount * ratePpm, PPM + ratePpm);
  return { net: amount - tax, tax, gross: amount };
}

/** Looks up a rate by code; `undefined` when the store has no such code. */
export function findRate(rates: readonly TaxRate[], code: string): TaxRate | undefined {
  return rates.find((r) => r.code === code);
}

/** One row of a receipt's tax summary. */
export interface TaxSummaryRow extends TaxedAmount {
  code: string;
  name: string;
  ratePpm: number;
}

/**
 * Groups taxed lines by tax code for the receipt ("Sales tax 8.875% on $36.00: $3.20"), in the order of
 * the store's rates. Lines whose code the store does not know are grouped under their code with rate 0.
 */
export function taxSummary(
  lines: readonly (TaxedAmount & { taxCode: string })[],
  rates: readonly TaxRate[],
): TaxSummaryRow[] {
  const rows = new Map<string, TaxSummaryRow>();
  const order = (code: string) => {
    const i = rates.findIndex((r) => r.code === code);
    return i === -1 ? rates.length : i;
  };
  for (const line of lines) {
    const rate = findRate(rates, line.taxCode);
    const row = rows.get(line.taxCode) ?? {
      code: line.taxCode,
      name: rate?.name ?? line.taxCode,
      ratePpm: rate?.ratePpm ?? 0,
      net: 0,
      tax: 0,
      gross: 0,
    };
    row.net += line.net;
    row.tax += line.tax;
    row.gross += line.gross;
    rows.set(line.taxCode, row);
  }
  return [...rows.values()].sort((a, b) => order(a.code) - order(b.code) || a.code.localeCompare(b.code));
}

/** Formats a ppm rate as a percentage for people: 88 750 → `8.875%`. */
export function formatRate(ratePpm: number): string {
  const whole = Math.floor(ratePpm / 10_000);
  const frac = String(ratePpm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}
