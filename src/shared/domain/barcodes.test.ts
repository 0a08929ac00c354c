import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withEan13CheckDigit } from '../schemas/product';
import {
  type EmbeddedLayout,
  barcodeLookupKeys,
  defaultEmbeddedLayout,
  embeddedLayoutSchema,
  gs1ValueCheckDigit,
  parseBarcode,
  priceEmbeddedLine,
} from './barcodes';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

/** A GTIN body with its check digit (EAN-13 weights 1,3,…; shorter codes are zero-padded on the left). */
function withCheck(body: string): string {
  return withEan13CheckDigit(body.padStart(12, '0')).slice(12 - body.length);
}

const weightLayout: EmbeddedLayout = {
  prefixes: ['28'],
  itemDigits: [2, 6],
  value: 'weight',
  valueDigits: [7, 11],
  decimals: 3,
};

const produce = { sku: 'APL', name: 'Apples', price: 349, currency: 'EUR', taxCode: 'food' };

describe('parseBarcode: GTINs', () => {
  it('reads real EAN-13, UPC-A and EAN-8 codes', () => {
    expect(parseBarcode('4006381333931')).toEqual({
      kind: 'ean13',
      code: '4006381333931',
      normalized: '4006381333931',
    });
    expect(parseBarcode('036000291452')).toEqual({
      kind: 'upca',
      code: '036000291452',
      normalized: '0036000291452',
    });
    expect(parseBarcode('96385074')).toEqual({ kind: 'ean8', code: '96385074', normalized: '96385074' });
    expect(parseBarcode(' 4006381333931\n').kind).toBe('ean13');
  });

  it('refuses a wrong check digit as a misread', () => {
    expect(parseBarcode('4006381333932')).toEqual({
      kind: 'invalid',
      code: '4006381333932',
      reason: 'check_digit',
    });
    expect(parseBarcode('036000291453')).toMatchObject({ kind: 'invalid', reason: 'check_digit' });
    expect(parseBarcode('96385075')).toMatchObject({ kind: 'invalid', reason: 'check_digit' });
    expect(parseBarcode('   ')).toMatchObject({ kind: 'invalid', reason: 'empty' });
  });

  it('leaves other codes to the store', () => {
    expect(parseBarcode('SKU-001')).toEqual({ kind: 'other', code: 'SKU-001' });
    expect(parseBarcode('12345')).toEqual({ kind: 'other', code: '12345' });
    expect(parseBarcode('12345678901234')).toEqual({ kind: 'other', code: '12345678901234' });
  });

  it('finds a UPC-A under both of its forms', () => {
    const upc = parseBarcode('036000291452');
    const ean = parseBarcode('0036000291452');
    if (upc.kind !== 'upca' || ean.kind !== 'ean13') throw new Error('expected GTINs');
    expect(barcodeLookupKeys(upc)).toEqual(['0036000291452', '036000291452']);
    expect(barcodeLookupKeys(ean)).toEqual(barcodeLookupKeys(upc));
  });

  it('accepts any body with its computed check digit, for every length (property)', () => {
    for (const [length, kinds] of [
      [12, ['ean13', 'embedded-price']],
      [11, ['upca', 'embedded-price']],
      [7, ['ean8']],
    ] as const) {
      fc.assert(
        fc.property(digits(length), (body) => {
          const code = withCheck(body.join(''));
          expect(kinds).toContain(parseBarcode(code).kind);
        }),
      );
    }
  });

  it('refuses any single changed digit (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(12, 11, 7),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 9 })),
        (length, where, delta, stream) => {
          const code = withCheck([...stream.take(length)].join(''));
          const i = where % code.length;
          const changed = code.slice(0, i) + String((Number(code[i]) + delta) % 10) + code.slice(i + 1);
          expect(parseBarcode(changed)).toMatchObject({ kind: 'invalid', reason: 'check_digit' });
        },
      ),
    );
  });
});

describe('parseBarcode: embedded prices and weights', () => {
  it('reads the default layout: item 2–6, price in cents 7–11', () => {
    const code = withEan13CheckDigit('201234501299');
    expect(parseBarcode(code)).toEqual({
      kind: 'embedded-price',
      code,
      itemCode: '12345',
      lookupCode: withEan13CheckDigit('201234500000'),
      priceMinor: 1299,
      decimals: 2,
    });
    // UPC-A number system 2 is the same thing in 12 digits.
    const upc = withEan13CheckDigit('021234500450').slice(1);
    const parsed = parseBarcode(upc);
    expect(parsed).toMatchObject({ kind: 'embedded-price', itemCode: '12345', priceMinor: 450 });
    if (parsed.kind !== 'embedded-price') throw new Error('expected a price');
    const product = withEan13CheckDigit('021234500000');
    expect(barcodeLookupKeys(parsed)).toEqual([product, product.slice(1)]);
  });

  it('round-trips any item code and price (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...defaultEmbeddedLayout.prefixes),
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        (prefix, item, price) => {
          const itemCode = String(item).padStart(5, '0');
          const code = withEan13CheckDigit(prefix + itemCode + String(price).padStart(5, '0'));
          const parsed = parseBarcode(code);
          expect(parsed).toMatchObject({ kind: 'embedded-price', itemCode, priceMinor: price });
          if (parsed.kind !== 'embedded-price') return;
          expect(parsed.lookupCode).toBe(withEan13CheckDigit(`${prefix}${itemCode}00000`));
          const line = priceEmbeddedLine(parsed, { ...produce, currency: 'USD' }, { currency: 'USD' });
          expect(line).toEqual({ ok: true, value: expect.objectContaining({ qty: 1, unitPrice: price }) });
        },
      ),
    );
  });

  it('reads weights and prices them per kilogram, rounding half away from zero', () => {
    const code = withEan13CheckDigit('280042001234'); // 1.234 kg of item 00420
    const parsed = parseBarcode(code, weightLayout);
    expect(parsed).toMatchObject({ kind: 'embedded-weight', itemCode: '00420', grams: 1234 });
    if (parsed.kind !== 'embedded-weight') throw new Error('expected a weight');
    // 3.49 €/kg × 1.234 kg = 4.30666 € → 431 cents.
    expect(priceEmbeddedLine(parsed, produce, { currency: 'EUR' })).toEqual({
      ok: true,
      value: { sku: 'APL', name: 'Apples', qty: 1, unitPrice: 431, taxCode: 'food', grams: 1234 },
    });
    // 0.50 € per 100 g × 1234 g = 6.17 €.
    expect(
      priceEmbeddedLine(parsed, { ...produce, price: 50 }, { currency: 'EUR', unitGrams: 100 }),
    ).toMatchObject({ ok: true, value: { unitPrice: 617 } });
    // Exactly half a cent rounds up: 1.00 €/kg × 5 g = 0.5 cent → 1 cent.
    const five = parseBarcode(withEan13CheckDigit('280042000005'), weightLayout);
    if (five.kind !== 'embedded-weight') throw new Error('expected a weight');
    expect(priceEmbeddedLine(five, { ...produce, price: 100 }, { currency: 'EUR' })).toMatchObject({
      value: { unitPrice: 1 },
    });
  });

  it('refuses what cannot be priced, changing nothing', () => {
    const zero = parseBarcode(withEan13CheckDigit('280042000000'), weightLayout);
    if (zero.kind !== 'embedded-weight') throw new Error('expected a weight');
    expect(priceEmbeddedLine(zero, produce, { currency: 'EUR' })).toMatchObject({
      ok: false,
      error: { code: 'zero_weight' },
    });
    expect(priceEmbeddedLine(zero, produce, { currency: 'USD' })).toMatchObject({
      ok: false,
      error: { code: 'currency_mismatch' },
    });
  });

  it('tries layouts in order and converts decimals to the currency’s digits', () => {
    const layouts = [weightLayout, { ...defaultEmbeddedLayout, decimals: 0 }];
    expect(parseBarcode(withEan13CheckDigit('280042001234'), layouts).kind).toBe('embedded-weight');
    const yen = parseBarcode(withEan13CheckDigit('220042001500'), layouts);
    expect(yen).toMatchObject({ kind: 'embedded-price', priceMinor: 1500, decimals: 0 });
    if (yen.kind !== 'embedded-price') throw new Error('expected a price');
    expect(priceEmbeddedLine(yen, { ...produce, currency: 'JPY' }, { currency: 'JPY' })).toMatchObject({
      value: { unitPrice: 1500 },
    });
    // A label printing whole euros becomes cents.
    expect(priceEmbeddedLine(yen, produce, { currency: 'EUR' })).toMatchObject({
      value: { unitPrice: 150_000 },
    });
  });

  it('verifies the GS1 price check digit when the layout carries one', () => {
    expect(gs1ValueCheckDigit('2875')).toBe(9);
    expect(gs1ValueCheckDigit('14685')).toBe(6);
    const layout: EmbeddedLayout = { ...defaultEmbeddedLayout, valueCheckDigit: 7, valueDigits: [8, 11] };
    const good = withEan13CheckDigit('2112345' + '9' + '2875');
    expect(parseBarcode(good, layout)).toMatchObject({
      kind: 'embedded-price',
      itemCode: '12345',
      priceMinor: 2875,
      lookupCode: withEan13CheckDigit('211234500000'),
    });
    const bad = withEan13CheckDigit('2112345' + '3' + '2875');
    expect(parseBarcode(bad, layout)).toMatchObject({ kind: 'invalid', reason: 'value_check_digit' });
  });

  it('refuses a layout that does not fit an EAN-13', () => {
    expect(embeddedLayoutSchema.safeParse(defaultEmbeddedLayout).success).toBe(true);
    expect(embeddedLayoutSchema.safeParse({ ...defaultEmbeddedLayout, valueDigits: [7, 12] }).success).toBe(
      false,
    );
    expect(
      embeddedLayoutSchema.safeParse({ ...defaultEmbeddedLayout, valueCheckDigit: 6, valueDigits: [7, 8] })
        .success,
    ).toBe(false);
    expect(() =>
      parseBarcode(withEan13CheckDigit('201234501299'), { ...defaultEmbeddedLayout, itemDigits: [6, 2] }),
    ).toThrow(RangeError);
  });
});
