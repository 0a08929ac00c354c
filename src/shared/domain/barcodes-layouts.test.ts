/**
 * Boundaries of embedded barcodes: which store layouts are accepted (each rule of `embeddedLayoutSchema`
 * at the exact edge where it flips), how a value with more decimals than the target is rounded, and the
 * order and wording of the refusals of `priceEmbeddedLine`. Every case asserts the exact outcome, so
 * loosening or tightening any single comparison, pattern or limit makes a test fail.
 */
import { describe, expect, it } from 'vitest';
import { withEan13CheckDigit } from '../schemas/product';
import {
  type EmbeddedLayout,
  type EmbeddedPriceBarcode,
  type EmbeddedWeightBarcode,
  defaultEmbeddedLayout,
  embeddedLayoutSchema,
  gs1ValueCheckDigit,
  parseBarcode,
  priceEmbeddedLine,
} from './barcodes';

const rangeMessage = 'a digit range starts before it ends';
const checkDigitMessage = 'a value check digit needs a value field of 4 or 5 digits';

/** The paths of the issues the schema reports for a layout (empty: accepted), e.g. `['prefixes.0']`. */
function issuePaths(layout: unknown): string[] {
  const parsed = embeddedLayoutSchema.safeParse(layout);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

/** The issues the schema reports as `{ path, message }`, for rules whose message callers show. */
function issues(layout: unknown): { path: string; message: string }[] {
  const parsed = embeddedLayoutSchema.safeParse(layout);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** The default layout with some fields replaced (fields may be set to values the type forbids). */
const withFields = (fields: Record<string, unknown>): unknown => ({ ...defaultEmbeddedLayout, ...fields });

describe('embeddedLayoutSchema: prefixes', () => {
  it('accepts prefixes of one, two and three digits', () => {
    expect(issuePaths(withFields({ prefixes: ['2'] }))).toEqual([]);
    expect(issuePaths(withFields({ prefixes: ['02'] }))).toEqual([]);
    expect(issuePaths(withFields({ prefixes: ['299'] }))).toEqual([]);
    expect(issuePaths(withFields({ prefixes: ['2', '02', '299'] }))).toEqual([]);
  });

  it('refuses an empty prefix, four digits, and anything but digits before, inside or after', () => {
    expect(issuePaths(withFields({ prefixes: [''] }))).toEqual(['prefixes.0']);
    expect(issuePaths(withFields({ prefixes: ['2999'] }))).toEqual(['prefixes.0']);
    expect(issuePaths(withFields({ prefixes: ['x2'] }))).toEqual(['prefixes.0']);
    expect(issuePaths(withFields({ prefixes: ['2x'] }))).toEqual(['prefixes.0']);
    expect(issuePaths(withFields({ prefixes: ['x'] }))).toEqual(['prefixes.0']);
    expect(issuePaths(withFields({ prefixes: ['2 '] }))).toEqual(['prefixes.0']);
    // Only the bad one is reported, at its index.
    expect(issuePaths(withFields({ prefixes: ['20', '2-1'] }))).toEqual(['prefixes.1']);
  });

  it('needs at least one prefix: a layout without one would claim no code', () => {
    expect(issuePaths(withFields({ prefixes: [] }))).toEqual(['prefixes']);
  });
});

describe('embeddedLayoutSchema: digit ranges', () => {
  it('accepts ranges touching both ends of the 12 data digits, and single-digit ranges', () => {
    // Item and value may not share digits, so each end is reached with the other field beside it.
    expect(issuePaths(withFields({ itemDigits: [0, 6] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [0, 1], valueDigits: [2, 11] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [11, 11], valueDigits: [0, 10] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [0, 0] }))).toEqual([]);
    expect(issuePaths(withFields({ valueDigits: [11, 11] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [6, 6], valueDigits: [7, 7] }))).toEqual([]);
  });

  it('refuses a position before the first digit or on the check digit (12)', () => {
    expect(issuePaths(withFields({ itemDigits: [-1, 6] }))).toEqual(['itemDigits.0']);
    expect(issuePaths(withFields({ valueDigits: [7, 12] }))).toEqual(['valueDigits.1']);
    expect(issuePaths(withFields({ valueDigits: [12, 12] }))).toEqual(['valueDigits.0', 'valueDigits.1']);
  });

  it('refuses a fractional position', () => {
    expect(issuePaths(withFields({ itemDigits: [2, 6.5] }))).toEqual(['itemDigits.1']);
    expect(issuePaths(withFields({ valueDigits: [0.5, 11] }))).toEqual(['valueDigits.0']);
  });

  it('refuses a range that ends before it starts, with a message saying so', () => {
    expect(issues(withFields({ itemDigits: [6, 2] }))).toEqual([
      { path: 'itemDigits', message: rangeMessage },
    ]);
    expect(issues(withFields({ valueDigits: [11, 10] }))).toEqual([
      { path: 'valueDigits', message: rangeMessage },
    ]);
  });

  it('names the failed rule when a scan meets an unvalidated bad layout', () => {
    const code = withEan13CheckDigit('201234501299');
    const bad: EmbeddedLayout = { ...defaultEmbeddedLayout, itemDigits: [6, 2] };
    expect(() => parseBarcode(code, bad)).toThrow(RangeError);
    expect(() => parseBarcode(code, bad)).toThrow(/^invalid embedded barcode layout: /);
    expect(() => parseBarcode(code, bad)).toThrow(rangeMessage);
  });
});

describe('embeddedLayoutSchema: value kind and decimals', () => {
  it('accepts both value kinds and nothing else', () => {
    expect(issuePaths(withFields({ value: 'price' }))).toEqual([]);
    expect(issuePaths(withFields({ value: 'weight' }))).toEqual([]);
    expect(issuePaths(withFields({ value: 'volume' }))).toEqual(['value']);
    expect(issuePaths(withFields({ value: '' }))).toEqual(['value']);
  });

  it('accepts 0 to 6 decimals, whole numbers only', () => {
    expect(issuePaths(withFields({ decimals: 0 }))).toEqual([]);
    expect(issuePaths(withFields({ decimals: 6 }))).toEqual([]);
    expect(issuePaths(withFields({ decimals: -1 }))).toEqual(['decimals']);
    expect(issuePaths(withFields({ decimals: 7 }))).toEqual(['decimals']);
    expect(issuePaths(withFields({ decimals: 2.5 }))).toEqual(['decimals']);
  });
});

describe('embeddedLayoutSchema: value check digit', () => {
  it('needs no particular field width without a value check digit', () => {
    expect(issuePaths(withFields({ valueDigits: [10, 11] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [0, 1], valueDigits: [2, 11] }))).toEqual([]);
  });

  it('accepts a value check digit over exactly 4 or 5 value digits, at any data position', () => {
    expect(issuePaths(withFields({ valueCheckDigit: 7, valueDigits: [8, 11] }))).toEqual([]);
    expect(issuePaths(withFields({ valueCheckDigit: 6, itemDigits: [1, 5], valueDigits: [7, 11] }))).toEqual(
      [],
    );
    // Far from position 0 so that adding the ends instead of subtracting them cannot give 4 or 5.
    expect(issuePaths(withFields({ valueCheckDigit: 0, itemDigits: [8, 11], valueDigits: [4, 7] }))).toEqual(
      [],
    );
    expect(issuePaths(withFields({ valueCheckDigit: 11, itemDigits: [1, 5], valueDigits: [6, 10] }))).toEqual(
      [],
    );
  });

  it('refuses a value check digit over 3 or 6 digits, with a message saying why', () => {
    expect(issues(withFields({ valueCheckDigit: 7, valueDigits: [8, 10] }))).toEqual([
      { path: '', message: checkDigitMessage },
    ]);
    expect(issues(withFields({ valueCheckDigit: 5, itemDigits: [1, 4], valueDigits: [6, 11] }))).toEqual([
      { path: '', message: checkDigitMessage },
    ]);
    expect(issues(withFields({ valueCheckDigit: 6, itemDigits: [1, 5], valueDigits: [7, 7] }))).toEqual([
      { path: '', message: checkDigitMessage },
    ]);
  });

  it('refuses a value check digit outside the 12 data digits', () => {
    expect(issuePaths(withFields({ valueCheckDigit: -1, valueDigits: [8, 11] }))).toEqual([
      'valueCheckDigit',
    ]);
    expect(issuePaths(withFields({ valueCheckDigit: 12, valueDigits: [8, 11] }))).toEqual([
      'valueCheckDigit',
    ]);
    expect(issuePaths(withFields({ valueCheckDigit: 7.5, valueDigits: [8, 11] }))).toEqual([
      'valueCheckDigit',
    ]);
  });

  it('covers exactly 4 or 5 digits when computed directly', () => {
    expect(gs1ValueCheckDigit('0000')).toBe(0);
    expect(gs1ValueCheckDigit('00000')).toBe(0);
    expect(() => gs1ValueCheckDigit('287')).toThrow('a value check digit covers 4 or 5 digits');
    expect(() => gs1ValueCheckDigit('146850')).toThrow(RangeError);
    expect(() => gs1ValueCheckDigit('28a5')).toThrow(RangeError);
  });
});

/** A weight layout: prefix 28, item 2–6, weight 7–11 with `decimals` digits after the kilogram point. */
const weightIn = (decimals: number): EmbeddedLayout => ({
  prefixes: ['28'],
  itemDigits: [2, 6],
  value: 'weight',
  valueDigits: [7, 11],
  decimals,
});

/** The grams a weight label of five value digits reads as under `decimals`. */
function gramsOf(valueField: string, decimals: number): number | undefined {
  const parsed = parseBarcode(withEan13CheckDigit(`2800420${valueField}`), weightIn(decimals));
  if (parsed.kind !== 'embedded-weight') throw new Error(`expected a weight, got ${parsed.kind}`);
  return parsed.grams;
}

/** A price label as the parser produces it, built directly to reach values no scan can print. */
const priceLabel = (priceMinor: number, decimals: number): EmbeddedPriceBarcode => ({
  kind: 'embedded-price',
  code: '',
  itemCode: '00420',
  lookupCode: '',
  priceMinor,
  decimals,
});

const product = { sku: 'APL', name: 'Apples', price: 349, currency: 'EUR', taxCode: 'food' };

/** The unit price a price label gives in `currency`, or the error code. */
function unitPriceOf(label: EmbeddedPriceBarcode, currency: string): number | string {
  const line = priceEmbeddedLine(label, { ...product, currency }, { currency });
  return line.ok ? line.value.unitPrice : line.error.code;
}

describe('rescaling a value to fewer decimals', () => {
  it('keeps grams as they are at exactly 3 decimals, and multiplies for fewer', () => {
    expect(gramsOf('01234', 3)).toBe(1234);
    expect(gramsOf('01234', 2)).toBe(12_340);
    expect(gramsOf('01234', 1)).toBe(123_400);
    expect(gramsOf('00012', 0)).toBe(12_000);
  });

  it('divides with rounding half away from zero for 4, 5 and 6 decimals', () => {
    // 4 decimals: tenths of a gram.
    expect(gramsOf('12345', 4)).toBe(1235);
    expect(gramsOf('12344', 4)).toBe(1234);
    expect(gramsOf('12340', 4)).toBe(1234);
    // 5 decimals: hundredths of a gram.
    expect(gramsOf('12350', 5)).toBe(124);
    expect(gramsOf('12349', 5)).toBe(123);
    // 6 decimals (the most a layout may have): milligrams, half a gram rounds up.
    expect(gramsOf('00500', 6)).toBe(1);
    expect(gramsOf('00499', 6)).toBe(0);
    expect(gramsOf('99999', 6)).toBe(100);
  });

  it('refuses a label that rounds to 0 g rather than selling it for nothing', () => {
    const parsed = parseBarcode(withEan13CheckDigit('280042000499'), weightIn(6));
    if (parsed.kind !== 'embedded-weight') throw new Error('expected a weight');
    expect(priceEmbeddedLine(parsed, product, { currency: 'EUR' })).toEqual({
      ok: false,
      error: { code: 'zero_weight', message: 'the label says 0 g: weigh the item again' },
    });
  });

  it('converts a price label to the currency’s minor unit, up and down', () => {
    expect(unitPriceOf(priceLabel(1299, 2), 'EUR')).toBe(1299);
    expect(unitPriceOf(priceLabel(1299, 1), 'EUR')).toBe(12_990);
    expect(unitPriceOf(priceLabel(1299, 0), 'EUR')).toBe(129_900);
    expect(unitPriceOf(priceLabel(12_345, 3), 'EUR')).toBe(1235);
    expect(unitPriceOf(priceLabel(12_344, 3), 'EUR')).toBe(1234);
    expect(unitPriceOf(priceLabel(123_450, 4), 'EUR')).toBe(1235);
    expect(unitPriceOf(priceLabel(123_449, 4), 'EUR')).toBe(1234);
    expect(unitPriceOf(priceLabel(1_234_500, 6), 'EUR')).toBe(123);
    expect(unitPriceOf(priceLabel(1_235_000, 6), 'EUR')).toBe(124);
    // Yen have no minor unit: 1.50 ¥ is 2 ¥, 1.49 ¥ is 1 ¥.
    expect(unitPriceOf(priceLabel(150, 2), 'JPY')).toBe(2);
    expect(unitPriceOf(priceLabel(149, 2), 'JPY')).toBe(1);
    // Three-digit currencies gain a digit from cents.
    expect(unitPriceOf(priceLabel(1299, 2), 'KWD')).toBe(12_990);
  });

  it('rounds a negative price away from zero, mirroring the positive one', () => {
    expect(unitPriceOf(priceLabel(-12_345, 3), 'EUR')).toBe(-1235);
    expect(unitPriceOf(priceLabel(-12_344, 3), 'EUR')).toBe(-1234);
    expect(unitPriceOf(priceLabel(-150, 2), 'JPY')).toBe(-2);
    expect(unitPriceOf(priceLabel(-1299, 1), 'EUR')).toBe(-12_990);
  });

  it('reads the price label of a layout with more decimals end to end', () => {
    const layout: EmbeddedLayout = { ...defaultEmbeddedLayout, decimals: 3 };
    const parsed = parseBarcode(withEan13CheckDigit('200042012345'), layout);
    expect(parsed).toMatchObject({ kind: 'embedded-price', priceMinor: 12_345, decimals: 3 });
    if (parsed.kind !== 'embedded-price') throw new Error('expected a price');
    expect(priceEmbeddedLine(parsed, product, { currency: 'EUR' })).toEqual({
      ok: true,
      value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 1235, taxCode: 'food' },
    });
  });
});

/** A weight label of `grams`, built directly. */
const weightLabel = (grams: number): EmbeddedWeightBarcode => ({
  kind: 'embedded-weight',
  code: '',
  itemCode: '00420',
  lookupCode: '',
  grams,
});

describe('priceEmbeddedLine: refusals of weighed items', () => {
  const kilo = weightLabel(1000);

  it('refuses a unit of 0 g, a negative one, and one that is not a whole number of grams', () => {
    for (const unitGrams of [0, -1, -1000, 0.5, 1.5, 100.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(priceEmbeddedLine(kilo, product, { currency: 'EUR', unitGrams })).toEqual({
        ok: false,
        error: { code: 'invalid_unit', message: `unitGrams must be a positive integer (${unitGrams})` },
      });
    }
  });

  it('accepts the smallest unit, 1 g', () => {
    expect(priceEmbeddedLine(kilo, { ...product, price: 2 }, { currency: 'EUR', unitGrams: 1 })).toEqual({
      ok: true,
      value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 2000, taxCode: 'food', grams: 1000 },
    });
  });

  it('refuses a negative or fractional price per unit', () => {
    for (const price of [-1, -349, 1.5, 3.49, Number.NaN, 2 ** 53]) {
      expect(priceEmbeddedLine(kilo, { ...product, price }, { currency: 'EUR' })).toEqual({
        ok: false,
        error: { code: 'invalid_price', message: 'product APL has no valid price' },
      });
    }
  });

  it('sells a free item (price 0) for 0 rather than refusing it', () => {
    expect(priceEmbeddedLine(kilo, { ...product, price: 0 }, { currency: 'EUR' })).toEqual({
      ok: true,
      value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 0, taxCode: 'food', grams: 1000 },
    });
  });

  it('sells a single gram: the smallest weight that is not refused', () => {
    expect(priceEmbeddedLine(weightLabel(1), { ...product, price: 500 }, { currency: 'EUR' })).toEqual({
      ok: true,
      value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 1, taxCode: 'food', grams: 1 },
    });
    expect(priceEmbeddedLine(weightLabel(1), { ...product, price: 499 }, { currency: 'EUR' })).toMatchObject({
      ok: true,
      value: { unitPrice: 0 },
    });
  });

  it('checks in order: currency, then unit, then price, then weight', () => {
    const bad = { ...product, price: -1, currency: 'USD' };
    expect(priceEmbeddedLine(weightLabel(0), bad, { currency: 'EUR', unitGrams: 0 })).toEqual({
      ok: false,
      error: { code: 'currency_mismatch', message: 'product APL is priced in USD' },
    });
    expect(
      priceEmbeddedLine(weightLabel(0), { ...bad, currency: 'EUR' }, { currency: 'EUR', unitGrams: 0 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_unit' } });
    expect(priceEmbeddedLine(weightLabel(0), { ...bad, currency: 'EUR' }, { currency: 'EUR' })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid_price' },
      },
    );
    expect(priceEmbeddedLine(weightLabel(0), product, { currency: 'EUR' })).toMatchObject({
      ok: false,
      error: { code: 'zero_weight' },
    });
  });

  it('ignores the unit and the product price for a price label: the label is the price', () => {
    expect(
      priceEmbeddedLine(priceLabel(1299, 2), { ...product, price: -1 }, { currency: 'EUR', unitGrams: 0 }),
    ).toEqual({ ok: true, value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 1299, taxCode: 'food' } });
  });
});

describe('embeddedLayoutSchema: fields apart', () => {
  it('refuses an item code and a value that share digits, at the value', () => {
    expect(issues(withFields({ itemDigits: [2, 7], valueDigits: [7, 11] }))).toEqual([
      { path: 'valueDigits', message: 'the item code and the value cannot share digits' },
    ]);
    expect(issues(withFields({ itemDigits: [2, 11], valueDigits: [5, 6] }))).toEqual([
      { path: 'valueDigits', message: 'the item code and the value cannot share digits' },
    ]);
    expect(issues(withFields({ itemDigits: [8, 11], valueDigits: [2, 8] }))).toEqual([
      { path: 'valueDigits', message: 'the item code and the value cannot share digits' },
    ]);
  });

  it('accepts fields side by side, in either order', () => {
    expect(issuePaths(withFields({ itemDigits: [2, 6], valueDigits: [7, 11] }))).toEqual([]);
    expect(issuePaths(withFields({ itemDigits: [7, 11], valueDigits: [2, 6] }))).toEqual([]);
  });

  it('refuses a value check digit on a digit of the item code or of the value', () => {
    const message = 'the value check digit sits outside the item code and the value';
    // At either end of the item code, and inside the value.
    for (const [check, item] of [
      [2, [2, 6]],
      [6, [2, 6]],
    ] as const) {
      expect(issues(withFields({ valueCheckDigit: check, itemDigits: item, valueDigits: [8, 11] }))).toEqual([
        { path: 'valueCheckDigit', message },
      ]);
    }
    expect(issues(withFields({ valueCheckDigit: 8, itemDigits: [2, 6], valueDigits: [8, 11] }))).toEqual([
      { path: 'valueCheckDigit', message },
    ]);
    expect(issues(withFields({ valueCheckDigit: 11, itemDigits: [2, 6], valueDigits: [8, 11] }))).toEqual([
      { path: 'valueCheckDigit', message },
    ]);
  });
});
