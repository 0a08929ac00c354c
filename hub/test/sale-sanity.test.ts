/**
 * Sale sanity (hub/README.md, Push integrity): what no register of ours can produce is refused with a
 * coded 400 naming the document — negative prices, amounts and tenders in a sale, a discount larger than
 * its line, positive refunds in a return, and a currency that is not the store's — and moves no stock.
 * What is a real fact (an unknown SKU, oversold stock) is still accepted (sync-push.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { DATABASES, type TestHub, auth, count, level, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

/** A one-line sale of SKU-00021 rebuilt so that every identity holds for the given line amounts. */
function sale(line: { qty: number; unitPrice: number; discount: number }, tenders?: SaleDocument['tenders']) {
  const doc = makeSale('store-1', [{ sku: 'SKU-00021', qty: line.qty }]);
  const net = line.qty * line.unitPrice - line.discount;
  doc.lines[0] = {
    ...doc.lines[0]!,
    unitPrice: line.unitPrice,
    discount: line.discount,
    net,
    tax: 0,
    gross: net,
  };
  doc.totals = { net, tax: 0, gross: net, discount: line.discount };
  doc.tenders = tenders ?? [{ method: 'card', amount: net }];
  return doc;
}

describe.each(DATABASES)('sale sanity on %s', (kind) => {
  let hub: TestHub;
  let token: string;

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  const refused = async (doc: SaleDocument, code: string) => {
    const before = await level(hub.db, 'store-1', 'SKU-00021');
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody([doc]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('invalid_documents');
    const documents = res.json().error.documents as { id: string; code: string }[];
    expect(documents.every((d) => d.id === doc.id)).toBe(true);
    expect(documents.map((d) => d.code)).toContain(code);
    expect(await count(hub.db, 'sales', 'id = $1', [doc.id])).toBe(0);
    expect(await level(hub.db, 'store-1', 'SKU-00021')).toEqual(before);
  };

  it('a sale with a negative unit price (and so negative amounts and tenders)', async () => {
    const doc = sale({ qty: 3, unitPrice: -500, discount: 0 });
    await refused(doc, 'negative_price');
    await refused(doc, 'negative_amount');
    await refused(doc, 'negative_tender');
  });

  it('a sale whose discount is larger than its line', () =>
    refused(sale({ qty: 1, unitPrice: 100, discount: 300 }), 'discount_exceeds_amount'));

  it('a sale paid with a negative tender', () =>
    refused(
      sale({ qty: 1, unitPrice: 100, discount: 0 }, [
        { method: 'card', amount: 300 },
        { method: 'cash', amount: -200 },
      ]),
      'negative_tender',
    ));

  it('a return that gives money to the store', async () => {
    const doc = makeSale('store-1', [{ sku: 'SKU-00021', qty: -1 }], { kind: 'return', returnOf: null });
    doc.lines[0]!.disposition = 'resellable';
    doc.tenders = [
      { method: 'cash', amount: 100 },
      { method: 'card', amount: -200 },
    ];
    await refused(doc, 'positive_tender_in_return');
  });

  it('a sale in a currency that is not its store’s', () =>
    refused(makeSale('store-1', [{ sku: 'SKU-00021', qty: 1 }], { currency: 'EUR' }), 'currency_mismatch'));

  it('a shift in a currency that is not its store’s', async () => {
    const now = new Date().toISOString();
    const shift = {
      id: 'shift-eur',
      storeId: 'store-1',
      registerId: 'reg-1',
      clerkId: 'staff-bob',
      status: 'open',
      currency: 'EUR',
      openedAt: now,
      openingFloat: 0,
      closedAt: null,
      closedBy: null,
      expectedCash: null,
      countedCash: null,
      updatedAt: now,
    };
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/shifts/push',
      headers: auth(token),
      payload: pushBody([shift]),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.documents).toEqual([
      { id: 'shift-eur', code: 'currency_mismatch', message: expect.any(String) },
    ]);
    expect(await count(hub.db, 'shifts', "id = 'shift-eur'")).toBe(0);
  });

  it('still accepts a sound sale, a return and a zero-priced line', async () => {
    const ok = [
      sale({ qty: 2, unitPrice: 100, discount: 200 }),
      sale({ qty: 1, unitPrice: 0, discount: 0 }, [{ method: 'cash', amount: 500, change: 500 }]),
    ];
    const ret = makeSale('store-1', [{ sku: 'SKU-00021', qty: -1 }], { kind: 'return', returnOf: null });
    ret.lines[0]!.disposition = 'resellable';
    ret.tenders = [{ method: 'cash', amount: -100 }];
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody([...ok, ret]),
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});
