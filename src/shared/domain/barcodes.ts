/**
 * Barcodes as the register reads them: GTINs (EAN-13, UPC-A, EAN-8) with their check digit verified,
 * price- and weight-embedded EAN-13 printed by scales ("restricted circulation" codes), and anything else.
 *
 * Usage on the sale screen:
 * ```ts
 * // layouts: the store's (validated with embeddedLayoutSchema); default: price in cents, prefix 02/20–29
 * const parsed = parseBarcode(code, layouts);
 * switch (parsed.kind) {
 *   case 'ean13': case 'upca': case 'ean8':   // look up every key of barcodeLookupKeys(parsed)
 *   case 'embedded-price': case 'embedded-weight':
 *     // look up barcodeLookupKeys(parsed), then priceEmbeddedLine(parsed, product, pricing)
 *   case 'invalid':  // a misread: beep and ask for a rescan — never guess an item
 *   case 'other':    // a store code or Code 128 SKU: look up by barcode, then by sku
 * }
 * ```
 *
 * How an embedded code finds its product: the product carries, among its `barcodes`, the same code with
 * zeros in the value field (and in the value check digit, if the layout has one) and a fresh EAN-13 check
 * digit — for the default layout `withEan13CheckDigit(prefix + item + '00000')`. `lookupCode` is exactly
 * that, computed from the scan, so one barcode index serves both kinds of code.
 */
import { z } from 'zod';
import { type CodedError, type Result, fail, ok } from '../result';
import { minorUnitDigits, roundDiv } from './money';
import { isValidEan13, withEan13CheckDigit } from '../schemas/product';

/** Inclusive, zero-based digit positions `[start, end]` within the 13-digit code. */
export type DigitRange = readonly [start: number, end: number];

/** Where a scale or price label puts the item code and the value in a restricted-circulation EAN-13. */
export interface EmbeddedLayout {
  /** Leading digits that mark this layout, e.g. `['02', '20', …, '29']`. */
  prefixes: readonly string[];
  /** Digits of the item code (inclusive, zero-based). */
  itemDigits: DigitRange;
  /** What the value field holds: a price or a weight. */
  value: 'price' | 'weight';
  /** Digits of the value (inclusive, zero-based). */
  valueDigits: DigitRange;
  /**
   * Digits after the decimal point in the value: for a price, in the currency's major unit (2 → cents of
   * a euro); for a weight, in kilograms (3 → grams).
   */
  decimals: number;
  /**
   * Position of the GS1 price/weight check digit over a 4- or 5-digit value field, for layouts that carry
   * one (e.g. item 2–6, check 7, price 8–11). Absent: no such digit.
   */
  valueCheckDigit?: number;
}

const position = z.number().int().min(0).max(11);
const range = z
  .tuple([position, position])
  .refine(([start, end]) => start <= end, 'a digit range starts before it ends');

/** Validates a layout from the store's settings (a boundary): positions inside the 12 data digits. */
export const embeddedLayoutSchema = z
  .object({
    prefixes: z.array(z.string().regex(/^\d{1,3}$/)).min(1),
    itemDigits: range,
    value: z.enum(['price', 'weight']),
    valueDigits: range,
    decimals: z.number().int().min(0).max(6),
    valueCheckDigit: position.optional(),
  })
  .refine(
    (l) => l.valueCheckDigit === undefined || [4, 5].includes(l.valueDigits[1] - l.valueDigits[0] + 1),
    'a value check digit needs a value field of 4 or 5 digits',
  )
  // Fields that share digits would read part of the item code as money or weight (or the other way round).
  .refine((l) => !overlaps(l.itemDigits, l.valueDigits), {
    message: 'the item code and the value cannot share digits',
    path: ['valueDigits'],
  })
  .refine(
    (l) =>
      l.valueCheckDigit === undefined ||
      !(within(l.valueCheckDigit, l.itemDigits) || within(l.valueCheckDigit, l.valueDigits)),
    { message: 'the value check digit sits outside the item code and the value', path: ['valueCheckDigit'] },
  );

/** Whether two inclusive digit ranges share a digit. */
function overlaps(a: DigitRange, b: DigitRange): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** Whether `digit` is inside the inclusive range `r`. */
function within(digit: number, r: DigitRange): boolean {
  return r[0] <= digit && digit <= r[1];
}

/** The common layout: prefix 02 or 20–29, item code digits 2–6, price in cents digits 7–11, check digit 12. */
export const defaultEmbeddedLayout: EmbeddedLayout = {
  prefixes: ['02', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29'],
  itemDigits: [2, 6],
  value: 'price',
  valueDigits: [7, 11],
  decimals: 2,
};

/** A valid GTIN. `normalized` is its 13-digit form (UPC-A gets a leading 0), EAN-8 stays 8 digits. */
export interface GtinBarcode {
  kind: 'ean13' | 'upca' | 'ean8';
  code: string;
  normalized: string;
}

/** A code of GTIN length and digits that fails a check: a misread, to be scanned again. */
export interface InvalidBarcode {
  kind: 'invalid';
  code: string;
  reason: 'empty' | 'check_digit' | 'value_check_digit';
}

/** Fields common to both embedded kinds. */
interface EmbeddedBase {
  code: string;
  /** The item code digits, as printed. */
  itemCode: string;
  /** The code with the value field zeroed and a fresh check digit: the product's barcode to look up. */
  lookupCode: string;
}

/** A price-embedded EAN-13. `priceMinor` counts units of 10^-decimals of the currency. */
export interface EmbeddedPriceBarcode extends EmbeddedBase {
  kind: 'embedded-price';
  priceMinor: number;
  decimals: number;
}

/** A weight-embedded EAN-13. */
export interface EmbeddedWeightBarcode extends EmbeddedBase {
  kind: 'embedded-weight';
  grams: number;
}

/** Anything else: Code 128 SKUs, store codes, QR payloads. */
export interface OtherBarcode {
  kind: 'other';
  code: string;
}

/** What a scanned code is. */
export type ParsedBarcode =
  GtinBarcode | InvalidBarcode | EmbeddedPriceBarcode | EmbeddedWeightBarcode | OtherBarcode;

/** Whether an 8-digit code has a correct EAN-8 check digit (weights 3,1,3,… from the left). */
export function isValidEan8(code: string): boolean {
  return /^\d{8}$/.test(code) && isValidEan13(`00000${code}`);
}

const validatedLayouts = new WeakSet<object>();

/** Throws on a layout that does not validate: layouts are validated where settings enter, not per scan. */
function assertLayout(layout: EmbeddedLayout): void {
  if (validatedLayouts.has(layout)) return;
  const parsed = embeddedLayoutSchema.safeParse(layout);
  if (!parsed.success) throw new RangeError(`invalid embedded barcode layout: ${parsed.error.message}`);
  validatedLayouts.add(layout);
}

/**
 * Reads a scanned code. `layouts` are tried in order on 13-digit codes (and UPC-A in 13-digit form) whose
 * prefix they claim; the first match decides. The code is trimmed of surrounding spaces first.
 */
export function parseBarcode(
  raw: string,
  layouts: EmbeddedLayout | readonly EmbeddedLayout[] = defaultEmbeddedLayout,
): ParsedBarcode {
  const code = raw.trim();
  if (code === '') return { kind: 'invalid', code, reason: 'empty' };
  if (!/^\d+$/.test(code) || ![8, 12, 13].includes(code.length)) return { kind: 'other', code };
  if (code.length === 8) {
    return isValidEan8(code)
      ? { kind: 'ean8', code, normalized: code }
      : { kind: 'invalid', code, reason: 'check_digit' };
  }
  const normalized = code.length === 12 ? `0${code}` : code;
  if (!isValidEan13(normalized)) return { kind: 'invalid', code, reason: 'check_digit' };
  const list: readonly EmbeddedLayout[] = 'prefixes' in layouts ? [layouts] : layouts;
  for (const layout of list) {
    assertLayout(layout);
    if (layout.prefixes.some((prefix) => normalized.startsWith(prefix))) {
      return readEmbedded(code, normalized, layout);
    }
  }
  return { kind: code.length === 12 ? 'upca' : 'ean13', code, normalized };
}

/** Digits `[start, end]` (inclusive) of a code. */
function digitsOf(code: string, [start, end]: DigitRange): string {
  return code.slice(start, end + 1);
}

/** Reads the item code and value of a valid 13-digit code under a layout that claimed it. */
function readEmbedded(code: string, normalized: string, layout: EmbeddedLayout): ParsedBarcode {
  const valueText = digitsOf(normalized, layout.valueDigits);
  if (layout.valueCheckDigit !== undefined) {
    if (Number(normalized[layout.valueCheckDigit]) !== gs1ValueCheckDigit(valueText)) {
      return { kind: 'invalid', code, reason: 'value_check_digit' };
    }
  }
  const zeroed = [...normalized.slice(0, 12)];
  for (let i = layout.valueDigits[0]; i <= layout.valueDigits[1]; i += 1) zeroed[i] = '0';
  if (layout.valueCheckDigit !== undefined) zeroed[layout.valueCheckDigit] = '0';
  const base = {
    code,
    itemCode: digitsOf(normalized, layout.itemDigits),
    lookupCode: withEan13CheckDigit(zeroed.join('')),
  };
  const value = Number(valueText);
  if (layout.value === 'price') {
    return { kind: 'embedded-price', ...base, priceMinor: value, decimals: layout.decimals };
  }
  return { kind: 'embedded-weight', ...base, grams: rescale(value, layout.decimals, 3) };
}

/** Converts an integer with `from` decimals to one with `to` decimals, rounding half away from zero. */
function rescale(value: number, from: number, to: number): number {
  return from <= to ? value * 10 ** (to - from) : roundDiv(value, 10 ** (from - to));
}

// GS1 weighting tables for the price/weight check digit (GS1 General Specifications, 7.9.3–7.9.4).
const twoMinus = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const three = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const fivePlus = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const fiveMinus = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

/** The GS1 check digit over a 4- or 5-digit price or weight field, e.g. `'2875'` → 9, `'14685'` → 6. */
export function gs1ValueCheckDigit(value: string): number {
  if (!/^\d{4,5}$/.test(value)) throw new RangeError('a value check digit covers 4 or 5 digits');
  const d = [...value].map(Number) as number[];
  const at = (table: number[], i: number) => table[d[i] as number] as number;
  if (d.length === 4) {
    const total = at(twoMinus, 0) + at(twoMinus, 1) + at(three, 2) + at(fiveMinus, 3);
    return (total * 3) % 10;
  }
  const total = at(fivePlus, 0) + at(twoMinus, 1) + at(fiveMinus, 2) + at(fivePlus, 3) + at(twoMinus, 4);
  // The check digit is the one whose 5- weighting completes the sum to a multiple of ten.
  return fiveMinus.indexOf((10 - (total % 10)) % 10);
}

/**
 * Keys to look a product up by among the products' `barcodes`: a GTIN's 13-digit form, or an embedded
 * code's `lookupCode`, plus the 12-digit UPC-A form when the 13-digit one starts with 0.
 */
export function barcodeLookupKeys(
  parsed: GtinBarcode | EmbeddedPriceBarcode | EmbeddedWeightBarcode,
): string[] {
  const key = 'normalized' in parsed ? parsed.normalized : parsed.lookupCode;
  return key.length === 13 && key.startsWith('0') ? [key, key.slice(1)] : [key];
}

/** What a sale line needs to know of the product an embedded code names. */
export interface EmbeddedProduct {
  sku: string;
  name: string;
  /** For a weighed item: the price of `unitGrams` (default 1 kg). For a price-embedded item: unused. */
  price: number;
  currency: string;
  taxCode: string;
}

/** The store's side of the computation. */
export interface EmbeddedPricing {
  currency: string;
  /** Grams that `product.price` buys; 1000 unless the store prices per 100 g. */
  unitGrams?: number;
}

/**
 * A sale line from an embedded code: quantity 1 at `unitPrice` = the amount the label says (or the weight
 * times the price per kilogram, rounded half away from zero).
 *
 * Why qty 1 with `unitPrice` = the amount, not an override: an override is a clerk changing a shelf price,
 * which needs a reason and may need a manager (approvals); a scale label is the shelf price of this very
 * package. Quantities are integers, so weight cannot be the quantity. The hub checks only the identities
 * (gross = qty × unitPrice − discount, …), which hold. `grams` rides along for the screen and receipt.
 */
export interface EmbeddedLine {
  sku: string;
  name: string;
  qty: 1;
  unitPrice: number;
  taxCode: string;
  grams?: number;
}

/** Prices an embedded code against its product; a coded error when the two cannot agree. */
export function priceEmbeddedLine(
  parsed: EmbeddedPriceBarcode | EmbeddedWeightBarcode,
  product: EmbeddedProduct,
  pricing: EmbeddedPricing,
): Result<EmbeddedLine, CodedError> {
  if (product.currency !== pricing.currency) {
    return fail('currency_mismatch', `product ${product.sku} is priced in ${product.currency}`);
  }
  const line = { sku: product.sku, name: product.name, qty: 1 as const, taxCode: product.taxCode };
  if (parsed.kind === 'embedded-price') {
    const unitPrice = rescale(parsed.priceMinor, parsed.decimals, minorUnitDigits(pricing.currency));
    return ok({ ...line, unitPrice });
  }
  const unitGrams = pricing.unitGrams ?? 1000;
  if (!Number.isSafeInteger(unitGrams) || unitGrams <= 0) {
    return fail('invalid_unit', `unitGrams must be a positive integer (${unitGrams})`);
  }
  if (!Number.isSafeInteger(product.price) || product.price < 0) {
    return fail('invalid_price', `product ${product.sku} has no valid price`);
  }
  if (parsed.grams <= 0) return fail('zero_weight', 'the label says 0 g: weigh the item again');
  return ok({ ...line, unitPrice: roundDiv(product.price * parsed.grams, unitGrams), grams: parsed.grams });
}
