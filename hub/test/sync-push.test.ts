/**
 * Pushing sales (docs/architecture.md, Data rules): at-least-once delivery, set-wise stock, bad input refused whole, a sale
 * is a fact (unknown SKUs and SQL-looking text are data), and a token only writes its own store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  ledgerMismatches,
  level,
  pushBody,
  startHub,
} from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

describe.each(DATABASES)('sales push on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  const push = (docs: unknown[], t = token, collection = 'sales') =>
    hub.app.inject({
      method: 'POST',
      url: `/api/v1/sync/${collection}/push`,
      headers: auth(t),
      payload: pushBody(docs),
    });

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  it('applies a sale once when the same push arrives twice (lost acknowledgement)', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00002');
    const sale = makeSale('store-1', [{ sku: 'SKU-00002', qty: 2 }]);
    const first = await push([sale]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual([]);
    const again = await push([sale]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual([]);
    expect(await level(hub.db, 'store-1', 'SKU-00002')).toEqual({ onHand: before.onHand - 2, reserved: 0 });
    expect(await count(hub.db, 'stock_movements', 'sale_id = $1', [sale.id])).toBe(1);
  });

  it('applies a batch set-wise: several sales of one SKU in one request', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00003');
    const sales = [1, 2, 3].map(() =>
      makeSale('store-1', [
        { sku: 'SKU-00003', qty: 1 },
        { sku: 'SKU-00004', qty: 1 },
      ]),
    );
    const res = await push([...sales, sales[0]]);
    expect(res.statusCode).toBe(200);
    expect((await level(hub.db, 'store-1', 'SKU-00003')).onHand).toBe(before.onHand - 3);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('puts resellable returns back into stock and leaves damaged ones out', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00005');
    const base = makeSale(
      'store-1',
      [
        { sku: 'SKU-00005', qty: -1 },
        { sku: 'SKU-00005', qty: -2 },
      ],
      { kind: 'return', returnOf: null },
    );
    base.lines[0]!.disposition = 'resellable';
    base.lines[1]!.disposition = 'damaged';
    base.tenders = [{ method: 'cash', amount: -300 }];
    const res = await push([base]);
    expect(res.statusCode, res.body).toBe(200);
    expect((await level(hub.db, 'store-1', 'SKU-00005')).onHand).toBe(before.onHand + 1);
  });

  describe('bad input is a coded 4xx and changes nothing', () => {
    const unchanged = async (
      fn: () => Promise<{ statusCode: number; body: string }>,
      status: number,
      code: string,
    ) => {
      const sales = await count(hub.db, 'sales');
      const movements = await count(hub.db, 'stock_movements');
      const res = await fn();
      expect(res.statusCode, res.body).toBe(status);
      expect(JSON.parse(res.body).error.code).toBe(code);
      expect(await count(hub.db, 'sales')).toBe(sales);
      expect(await count(hub.db, 'stock_movements')).toBe(movements);
      return JSON.parse(res.body) as { error: { documents?: { id: string; code: string }[] } };
    };
    const raw = (payload: string, contentType = 'application/json') =>
      hub.app.inject({
        method: 'POST',
        url: '/api/v1/sync/sales/push',
        headers: { ...auth(token), 'content-type': contentType },
        payload,
      });

    it('malformed JSON', () => unchanged(() => raw('[{"newDocumentState": {'), 400, 'malformed_json'));
    it('a body that is not a push array', () => unchanged(() => raw('{"a":1}'), 400, 'invalid_request'));
    it('wrong media type', () => unchanged(() => raw('hello', 'text/plain'), 415, 'unsupported_media_type'));
    it('an oversized body', () =>
      unchanged(
        () => raw(JSON.stringify([{ newDocumentState: { pad: 'x'.repeat(5 * 1024 * 1024) } }])),
        413,
        'body_too_large',
      ));
    it('an unknown collection', () =>
      unchanged(
        () => push([makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }])], token, 'nope'),
        404,
        'unknown_collection',
      ));

    it('names each offending document and rule; the good ones in the request are not applied', async () => {
      const good = makeSale('store-1', [{ sku: 'SKU-00006', qty: 1 }]);
      const float = makeSale('store-1', [{ sku: 'SKU-00006', qty: 1 }]);
      (float.lines[0] as { unitPrice: number }).unitPrice = 19.99;
      const identity = makeSale('store-1', [{ sku: 'SKU-00006', qty: 1 }]);
      identity.lines[0]!.gross = 101;
      const zero = makeSale('store-1', [{ sku: 'SKU-00006', qty: 0 }]);
      const negative = makeSale('store-1', [{ sku: 'SKU-00006', qty: -1 }]);
      const wrongType = { ...makeSale('store-1', [{ sku: 'SKU-00006', qty: 1 }]), number: 42 };
      const body = await unchanged(
        () => push([good, float, identity, zero, negative, wrongType]),
        400,
        'invalid_documents',
      );
      const byId = (id: string) => body.error.documents?.filter((d) => d.id === id).map((d) => d.code);
      expect(byId(good.id)).toEqual([]);
      expect(byId(float.id)).toContain('money_not_integer');
      expect(byId(identity.id)).toContain('line_gross');
      expect(byId(zero.id)).toContain('qty_zero');
      expect(byId(negative.id)).toContain('negative_qty_in_sale');
      expect(byId(wrongType.id)).toContain('schema');
    });
  });

  it('accepts a sale of an unknown SKU as a fact and raises unknown_sku', async () => {
    const sale = makeSale('store-1', [
      { sku: 'NOT-IN-CATALOGUE', qty: 1 },
      { sku: 'SKU-00007', qty: 1 },
    ]);
    const before = await level(hub.db, 'store-1', 'SKU-00007');
    const res = await push([sale]);
    expect(res.statusCode).toBe(200);
    expect(await count(hub.db, 'sales', 'id = $1', [sale.id])).toBe(1);
    expect((await level(hub.db, 'store-1', 'SKU-00007')).onHand).toBe(before.onHand - 1);
    expect(await count(hub.db, 'stock_levels', "sku = 'NOT-IN-CATALOGUE'")).toBe(0);
    const list = await hub.app.inject({
      url: '/api/v1/exceptions?kind=unknown_sku',
      headers: auth('demo-admin-key'),
    });
    expect(
      list
        .json()
        .exceptions.some(
          (e: { saleId: string; sku: string }) => e.saleId === sale.id && e.sku === 'NOT-IN-CATALOGUE',
        ),
    ).toBe(true);
  });

  it('treats SQL in a sale as data', async () => {
    const evil = "x'); DROP TABLE sales; --";
    const sale = makeSale('store-1', [{ sku: evil, qty: 1 }], { number: "S1'; DELETE FROM products; --" });
    sale.lines[0]!.name = "Robert'); DROP TABLE stock_levels;--";
    const res = await push([sale]);
    expect(res.statusCode).toBe(200);
    const stored = await hub.db.query<{ doc: { lines: { sku: string }[] } }>(
      'SELECT doc FROM sales WHERE id = $1',
      [sale.id],
    );
    expect(stored[0]?.doc.lines[0]?.sku).toBe(evil);
    expect(await count(hub.db, 'products')).toBeGreaterThan(0);
    expect((await hub.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('accepts a sale that drives stock below zero and raises oversold', async () => {
    const { onHand } = await level(hub.db, 'store-1', 'SKU-00008');
    const sale = makeSale('store-1', [{ sku: 'SKU-00008', qty: onHand + 3 }]);
    expect((await push([sale])).statusCode).toBe(200);
    expect((await level(hub.db, 'store-1', 'SKU-00008')).onHand).toBe(-3);
    expect(await count(hub.db, 'exceptions', "kind = 'oversold' AND sku = 'SKU-00008'")).toBe(1);
  });

  describe('authorization', () => {
    it('401 without a token or with an unknown one', async () => {
      const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }]);
      const none = await hub.app.inject({
        method: 'POST',
        url: '/api/v1/sync/sales/push',
        payload: pushBody([sale]),
      });
      expect(none.statusCode).toBe(401);
      expect(none.json().error.code).toBe('unauthorized');
      expect((await push([sale], 'till_forged')).statusCode).toBe(401);
      expect((await hub.app.inject({ url: '/api/v1/sync/products/pull' })).statusCode).toBe(401);
    });

    it("403 for another store's sales, and nothing is applied", async () => {
      const other = (await hub.enroll('DEMO-S2-R1')).token;
      const mine = makeSale('store-1', [{ sku: 'SKU-00009', qty: 1 }]);
      const res = await push([mine], other);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden_store');
      expect(await count(hub.db, 'sales', 'id = $1', [mine.id])).toBe(0);
    });

    it('a real enrollment code works once; demo codes work again', async () => {
      await hub.db.query("INSERT INTO enrollment_codes (code, store_id) VALUES ('ONCE-1', 'store-2')");
      const enroll = (code: string) =>
        hub.app.inject({ method: 'POST', url: '/api/v1/registers/enroll', payload: { code, name: 'r' } });
      expect((await enroll('ONCE-1')).statusCode).toBe(201);
      expect((await enroll('ONCE-1')).statusCode).toBe(403);
      expect((await enroll('DEMO-S1-R2')).statusCode).toBe(201);
      expect((await enroll('DEMO-S1-R2')).statusCode).toBe(201);
      expect((await enroll('NOPE')).json().error.code).toBe('invalid_code');
      const stored = await hub.db.query<{ token_hash: string }>('SELECT token_hash FROM registers LIMIT 1');
      expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
