import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSaleDocument } from '../schemas/sale';
import { priceCart } from './pricing';
import { buildSale, newDocumentId } from './sale-builder';
import { cartArb, context, exclusive, inclusive } from '../../../test/support/domain-fixtures';

describe('buildSale', () => {
  it('makes UUIDv7 ids that sort by creation', () => {
    const a = newDocumentId();
    const b = newDocumentId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('builds a sale document v1 with change worked out', () => {
    const priced = priceCart(
      { lines: [{ lineId: '1', sku: 'A', name: 'Mug', qty: 2, unitPrice: 1999, taxCode: 'std' }] },
      exclusive,
    );
    if (!priced.ok) throw new Error(priced.error.message);
    const built = buildSale({
      context,
      priced: priced.value,
      tenders: [{ method: 'cash', amount: 5000 }],
      number: 'S1-R1-000042',
      now: new Date('2026-11-27T10:00:00.000Z'),
    });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value).toMatchObject({
      kind: 'sale',
      storeId: 'store-1',
      registerId: 'reg-1',
      number: 'S1-R1-000042',
      createdAt: '2026-11-27T10:00:00.000Z',
      currency: 'USD',
      totals: { net: 3998, tax: 355, gross: 4353, discount: 0 },
      tenders: [{ method: 'cash', amount: 5000, change: 647 }],
    });
  });

  it('refuses a currency mismatch, an empty cart and underpayment', () => {
    const priced = priceCart(
      { lines: [{ lineId: '1', sku: 'A', name: 'Mug', qty: 1, unitPrice: 100, taxCode: 'std' }] },
      inclusive,
    );
    if (!priced.ok) throw new Error(priced.error.message);
    const args = {
      context,
      priced: priced.value,
      tenders: [{ method: 'cash' as const, amount: 100 }],
      number: 'S1-R1-000001',
    };
    expect(buildSale(args)).toMatchObject({ ok: false, error: { code: 'currency_mismatch' } });
    const eur = { ...context, currency: 'EUR' };
    expect(buildSale({ ...args, context: eur, priced: { ...priced.value, lines: [] } })).toMatchObject({
      ok: false,
      error: { code: 'cart_empty' },
    });
    expect(buildSale({ ...args, context: eur, tenders: [{ method: 'cash', amount: 99 }] })).toMatchObject({
      ok: false,
      error: { code: 'underpaid' },
    });
  });

  it('the schema accepts every document the builder makes', () => {
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 0, max: 10_000 }), (cart, extraCash) => {
        const priced = priceCart(cart, exclusive);
        if (!priced.ok) throw new Error(priced.error.message);
        const gross = priced.value.totals.gross;
        const tenders = gross === 0 ? [] : [{ method: 'cash' as const, amount: gross + extraCash }];
        const built = buildSale({ context, priced: priced.value, tenders, number: 'S1-R1-000001' });
        if (!built.ok) throw new Error(built.error.message);
        expect(checkSaleDocument(JSON.parse(JSON.stringify(built.value)))).toMatchObject({ ok: true });
      }),
    );
  });
});
