/**
 * The sale contract's identity rules, one at a time: each broken rule yields exactly one violation with its
 * stable code, a message that names the offending values, and a path that points at the offending field.
 * Also pins the edges of each sign rule (zero is neither negative nor positive).
 */
import { describe, expect, it } from 'vitest';
import { aSaleDocument, aSaleLine } from '../../../test/support/domain-fixtures';
import {
  type SaleDocument,
  type SaleLine,
  checkSaleDocument,
  saleDocumentSchema,
  saleIdentityViolations,
} from './sale';

/** The documented example line, 2 × 19.99 less 1.00: net 3898 + tax 312 = gross 4210, as the messages say. */
const line = aSaleLine;

const returnLine = (over: Partial<SaleLine> = {}): SaleLine =>
  line({ qty: -1, discount: 0, net: -1999, tax: -160, gross: -2159, disposition: 'resellable', ...over });

/** A document whose totals are the sums of its lines and which is paid exactly by one cash tender. */
const balanced = (kind: 'sale' | 'return', lines: SaleLine[]): SaleDocument =>
  aSaleDocument(lines, kind === 'return' ? { kind, returnOf: null } : {});

describe('sale identity rules: one violation per broken rule, with message and path', () => {
  it('accepts the balanced sale and return used below', () => {
    expect(saleIdentityViolations(balanced('sale', [line()]))).toEqual([]);
    expect(saleIdentityViolations(balanced('return', [returnLine()]))).toEqual([]);
  });

  it('names a repeated lineId at the second line', () => {
    expect(saleIdentityViolations(balanced('sale', [line(), line()]))).toEqual([
      { code: 'line_id_duplicate', message: 'lineId 1 appears twice', path: ['lines', 1, 'lineId'] },
    ]);
  });

  it('refuses a zero quantity, in a sale and in a return, without calling it positive', () => {
    const zero = { qty: 0, discount: 0 };
    expect(saleIdentityViolations(balanced('sale', [line(zero)]))).toEqual([
      { code: 'qty_zero', message: 'line 1 has quantity 0', path: ['lines', 0, 'qty'] },
    ]);
    expect(saleIdentityViolations(balanced('return', [returnLine({ qty: 0 })]))).toEqual([
      { code: 'qty_zero', message: 'line 1 has quantity 0', path: ['lines', 0, 'qty'] },
    ]);
  });

  it('refuses a negative quantity in a sale and a positive one in a return', () => {
    expect(saleIdentityViolations(balanced('sale', [line({ qty: -1 })]))).toEqual([
      {
        code: 'negative_qty_in_sale',
        message: 'line 1 has a negative quantity in a sale',
        path: ['lines', 0, 'qty'],
      },
    ]);
    expect(saleIdentityViolations(balanced('return', [returnLine({ qty: 1 })]))).toEqual([
      {
        code: 'positive_qty_in_return',
        message: 'line 1 of a return is positive',
        path: ['lines', 0, 'qty'],
      },
    ]);
  });

  it('asks every return line for a disposition', () => {
    const l = returnLine();
    delete l.disposition;
    expect(saleIdentityViolations(balanced('return', [l]))).toEqual([
      {
        code: 'disposition_missing',
        message: 'return line 1 needs a disposition',
        path: ['lines', 0, 'disposition'],
      },
    ]);
  });

  it('names the three amounts when net + tax is not gross, pointing at the line', () => {
    expect(saleIdentityViolations(balanced('sale', [line({ gross: 4211 })]))).toEqual([
      { code: 'line_gross', message: 'line 1: net 3898 + tax 312 ≠ gross 4211', path: ['lines', 0] },
    ]);
  });

  it('names a wrong total with what the lines sum to', () => {
    const d = balanced('sale', [line()]);
    d.totals.net = 1;
    expect(saleIdentityViolations(d)).toEqual([
      { code: 'totals_net', message: 'totals.net is 1 but the lines sum to 3898', path: ['totals', 'net'] },
    ]);
  });

  it('refuses a negative tender in a sale but lets a zero one through', () => {
    const d = balanced('sale', [line()]);
    d.tenders = [
      { method: 'cash', amount: 4310 },
      { method: 'card', amount: -100 },
    ];
    expect(saleIdentityViolations(d)).toEqual([
      {
        code: 'negative_tender',
        message: 'tender 1 of a sale is negative (-100)',
        path: ['tenders', 1, 'amount'],
      },
    ]);
    d.tenders = [
      { method: 'cash', amount: 4210 },
      { method: 'card', amount: 0 },
    ];
    expect(saleIdentityViolations(d)).toEqual([]);
  });

  it('refuses a positive tender in a return but lets a zero one through', () => {
    const d = balanced('return', [returnLine()]);
    d.tenders = [
      { method: 'cash', amount: -2259 },
      { method: 'card', amount: 100 },
    ];
    expect(saleIdentityViolations(d)).toEqual([
      {
        code: 'positive_tender_in_return',
        message: 'tender 1 of a return is positive (100)',
        path: ['tenders', 1, 'amount'],
      },
    ]);
    d.tenders = [
      { method: 'cash', amount: -2159 },
      { method: 'card', amount: 0 },
    ];
    expect(saleIdentityViolations(d)).toEqual([]);
  });

  it('requires the tenders minus change to equal the gross total', () => {
    const d = balanced('sale', [line()]);
    d.tenders = [{ method: 'cash', amount: 5000 }];
    expect(saleIdentityViolations(d)).toEqual([
      {
        code: 'tenders_total',
        message: 'tenders minus change are 5000 but totals.gross is 4210',
        path: ['tenders'],
      },
    ]);
  });

  it('requires a return to say what it returns, and forbids a sale to', () => {
    const r = balanced('return', [returnLine()]);
    delete r.returnOf;
    expect(saleIdentityViolations(r)).toEqual([
      {
        code: 'return_of_missing',
        message: 'a return must say what it returns (returnOf, or null with approval)',
        path: ['returnOf'],
      },
    ]);
    const s = balanced('sale', [line()]);
    s.returnOf = { saleId: '0192f0c4-7d3a-7b8e-9a10-1234567890ac' };
    expect(saleIdentityViolations(s)).toEqual([
      {
        code: 'return_of_in_sale',
        message: 'only a return may reference what it returns',
        path: ['returnOf'],
      },
    ]);
  });
});

describe('sale line sanity rules', () => {
  const only = (l: SaleLine) => saleIdentityViolations(balanced('sale', [l]));

  it('refuses a negative unit price', () => {
    expect(only(line({ unitPrice: -1 }))).toEqual([
      {
        code: 'negative_price',
        message: 'line 1 has a negative unit price in a sale',
        path: ['lines', 0, 'unitPrice'],
      },
    ]);
  });

  it('refuses a negative net amount, naming it', () => {
    expect(only(line({ net: -1, tax: 4211 }))).toEqual([
      { code: 'negative_amount', message: 'line 1: net -1 is negative in a sale', path: ['lines', 0, 'net'] },
    ]);
  });

  it('refuses a negative discount', () => {
    expect(only(line({ discount: -1 }))).toEqual([
      {
        code: 'negative_discount',
        message: 'line 1 has a negative discount',
        path: ['lines', 0, 'discount'],
      },
    ]);
  });

  it('refuses a discount beyond quantity × unit price, and states that amount', () => {
    expect(only(line({ discount: 3999 }))).toEqual([
      {
        code: 'discount_exceeds_amount',
        message: 'line 1: discount 3999 exceeds its amount 3998',
        path: ['lines', 0, 'discount'],
      },
    ]);
    expect(only(line({ discount: 3998 }))).toEqual([]);
  });

  it('refuses any discount on a free line (its amount is zero)', () => {
    expect(only(line({ qty: 1, unitPrice: 0, discount: 1, net: 0, tax: 0, gross: 0 }))).toEqual([
      {
        code: 'discount_exceeds_amount',
        message: 'line 1: discount 1 exceeds its amount 0',
        path: ['lines', 0, 'discount'],
      },
    ]);
  });
});

describe('sale document schema and checker', () => {
  it('reports each identity violation as a custom issue carrying its code', () => {
    const d = balanced('sale', [line()]);
    d.tenders = [{ method: 'cash', amount: 5000 }];
    const r = saleDocumentSchema.safeParse(d);
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        message: 'tenders minus change are 5000 but totals.gross is 4210',
        path: ['tenders'],
        params: { code: 'tenders_total' },
      }),
    ]);
    expect(saleDocumentSchema.safeParse(balanced('sale', [line()])).success).toBe(true);
  });

  it('points a type error at the field that has it', () => {
    const r = checkSaleDocument(balanced('sale', [line({ qty: 1.5 })]));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.violations.map((v) => v.path)).toEqual([['lines', 0, 'qty']]);
  });
});
