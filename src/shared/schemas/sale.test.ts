import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aSaleDocument, aSaleLine } from '../../../test/support/domain-fixtures';
import { type SaleDocument, checkSaleDocument } from './sale';

/** The example sale of docs/architecture.md (Data rules), paid with a $50 bill. */
const example = (): SaleDocument =>
  aSaleDocument([aSaleLine()], { tenders: [{ method: 'cash', amount: 5000, change: 790 }] });

const codes = (doc: unknown) => {
  const r = checkSaleDocument(doc);
  return r.ok ? [] : r.violations.map((v) => v.code);
};

describe('sale document v1', () => {
  it('accepts the documented example sale', () => {
    expect(checkSaleDocument(example())).toEqual({ ok: true, value: example() });
  });

  it('names each broken identity with a stable code', () => {
    const d = example();
    d.lines[0]!.gross = 4211;
    expect(codes(d)).toEqual(['line_gross', 'totals_gross']);

    const t = example();
    t.totals.discount = 0;
    t.totals.tax = 300;
    expect(codes(t)).toEqual(['totals_tax', 'totals_discount']);

    const z = example();
    z.lines[0]!.qty = 0;
    expect(codes(z)).toEqual(['qty_zero']);

    const n = example();
    n.lines[0]!.qty = -2;
    expect(codes(n)).toEqual(['negative_qty_in_sale']);

    const dup = example();
    dup.lines.push({ ...dup.lines[0]!, net: 0, tax: 0, gross: 0, discount: 0 });
    expect(codes(dup)).toEqual(['line_id_duplicate']);
  });

  it('refuses float money, wrong types and missing fields as schema errors', () => {
    const f = example() as unknown as { lines: { unitPrice: number; qty: number }[] };
    f.lines[0]!.unitPrice = 19.99;
    expect(codes(f)).toEqual(['money_not_integer']);
    const q = example() as unknown as { lines: { qty: number }[] };
    q.lines[0]!.qty = 1.5;
    expect(codes(q)).toContain('qty_not_integer');
    expect(codes({ ...example(), id: 'not-a-uuid' })).toEqual(['schema']);
    expect(codes({ ...example(), totals: undefined })).toEqual(['schema']);
    expect(codes({ ...example(), currency: 'usd' })).toEqual(['schema']);
    expect(codes({ ...example(), lines: [] })).toEqual(['schema']);
    expect(codes('hello')).toEqual(['schema']);
  });

  it('checks return rules: negative lines, a disposition each, and what is returned', () => {
    const r = example();
    r.kind = 'return';
    r.returnOf = { saleId: '0192f0c4-7d3a-7b8e-9a10-1234567890ab' };
    const line = r.lines[0]!;
    Object.assign(line, {
      qty: -2,
      discount: -100,
      net: -3898,
      tax: -312,
      gross: -4210,
      disposition: 'resellable',
    });
    r.totals = { net: -3898, tax: -312, gross: -4210, discount: -100 };
    r.tenders = [{ method: 'cash', amount: -4210 }];
    expect(codes(r)).toEqual([]);

    expect(codes({ ...r, returnOf: undefined })).toEqual(['return_of_missing']);
    expect(codes({ ...r, returnOf: null })).toEqual([]);
    expect(codes({ ...example(), returnOf: { orderId: 'W-1' } })).toEqual(['return_of_in_sale']);
    const noDisposition = structuredClone(r);
    delete noDisposition.lines[0]!.disposition;
    expect(codes(noDisposition)).toEqual(['disposition_missing']);
    const positive = structuredClone(r);
    Object.assign(positive.lines[0]!, { qty: 2 });
    expect(codes(positive)).toEqual(['positive_qty_in_return']);
  });

  it('refuses in a sale what no register rings up: negative prices, amounts, discounts and tenders', () => {
    const price = example();
    Object.assign(price.lines[0]!, { unitPrice: -1999, discount: 0, net: -3998, tax: 0, gross: -3998 });
    price.totals = { net: -3998, tax: 0, gross: -3998, discount: 0 };
    price.tenders = [{ method: 'card', amount: -3998 }];
    expect(codes(price)).toEqual(['negative_price', 'negative_amount', 'negative_amount', 'negative_tender']);

    const discount = example();
    Object.assign(discount.lines[0]!, { discount: 4000, net: -2, tax: 0, gross: -2 });
    discount.totals = { net: -2, tax: 0, gross: -2, discount: 4000 };
    discount.tenders = [{ method: 'card', amount: -2 }];
    expect(codes(discount)).toContain('discount_exceeds_amount');

    const surcharge = example();
    Object.assign(surcharge.lines[0]!, { discount: -100, net: 4098, tax: 0, gross: 4098 });
    surcharge.totals = { net: 4098, tax: 0, gross: 4098, discount: -100 };
    surcharge.tenders = [{ method: 'card', amount: 4098 }];
    expect(codes(surcharge)).toEqual(['negative_discount']);

    const tender = example();
    tender.tenders = [
      { method: 'card', amount: 5210 },
      { method: 'cash', amount: -1000 },
    ];
    expect(codes(tender)).toEqual(['negative_tender']);

    // A whole-line discount and a free line are real.
    const free = example();
    Object.assign(free.lines[0]!, { discount: 3998, net: 0, tax: 0, gross: 0 });
    free.totals = { net: 0, tax: 0, gross: 0, discount: 3998 };
    free.tenders = [];
    expect(codes(free)).toEqual([]);
  });

  it('refuses a return that takes money in', () => {
    const r = example();
    r.kind = 'return';
    r.returnOf = null;
    Object.assign(r.lines[0]!, { qty: -1, discount: 0, net: -1999, tax: 0, gross: -1999 });
    r.lines[0]!.disposition = 'damaged';
    r.totals = { net: -1999, tax: 0, gross: -1999, discount: 0 };
    r.tenders = [
      { method: 'card', amount: -2999 },
      { method: 'cash', amount: 1000 },
    ];
    expect(codes(r)).toEqual(['positive_tender_in_return']);
  });

  it('refuses what the hub cannot store: text with NUL or lone surrogates, out-of-range numbers', () => {
    const nul = example();
    nul.lines[0]!.sku = 'MUG\u0000';
    expect(codes(nul)).toEqual(['text_invalid']);
    expect(codes({ ...example(), number: 'S1-\ud800' })).toEqual(['text_invalid']);
    const control = example();
    control.lines[0]!.name = 'Mug\u0000';
    expect(codes(control)).toEqual(['text_invalid']);
    const huge = example();
    huge.lines[0]!.qty = 3_000_000_000;
    expect(codes(huge)).toEqual(['out_of_range']);
    const rich = example();
    rich.tenders[0]!.amount = 10 ** 12;
    expect(codes(rich)).toEqual(['out_of_range']);
  });

  it('rejects any document whose line gross is off by any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0),
        (delta) => {
          const d = example();
          d.lines[0]!.tax += delta;
          expect(codes(d)).toContain('line_gross');
        },
      ),
    );
  });
});
