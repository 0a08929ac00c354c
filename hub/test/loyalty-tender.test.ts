/**
 * Loyalty as a tender and the customer at the counter, on both databases: a sale that names a customer
 * earns points once however often it is pushed; a `points` tender spends them; spends made offline that
 * the balance cannot cover stop the balance at zero and raise `points_overspent`; the ledger's sum is
 * always the balance; the storefront reads the balance behind its key; the counter's history shows only
 * name and balance without consent; and the storefront stock stream says at once when a store's outage
 * buffer changes a level's availability.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { DEMO_WELCOME_POINTS } from '../src/domain/seed';
import { openStream } from '../../test/support/sse-client';
import { DATABASES, type TestHub, auth, level, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

const ADMIN = { authorization: 'Bearer demo-admin-key' };
const STOREFRONT = { authorization: 'Bearer demo-storefront-key' };

/** A sale of `units` × 1.00 USD to `customerId`, paying `points` points (worth 1 cent each) and the rest by card. */
function pointsSale(customerId: string, units: number, points = 0): SaleDocument {
  const sale = makeSale('store-1', [{ sku: 'SKU-00005', qty: units }], { customerId });
  const gross = sale.totals.gross;
  sale.tenders = [
    ...(points > 0 ? [{ method: 'points' as const, amount: points, points }] : []),
    ...(gross - points > 0 ? [{ method: 'card' as const, amount: gross - points }] : []),
  ];
  return sale;
}

describe.each(DATABASES)('loyalty at the counter on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  const push = (docs: unknown[]) =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody(docs),
    });
  const balance = async (id: string) =>
    Number(
      (await hub.db.query<{ p: number }>('SELECT loyalty_points AS p FROM customers WHERE id = $1', [id]))[0]
        ?.p,
    );
  const ledgerSum = async (id: string) =>
    Number(
      (
        await hub.db.query<{ s: string }>(
          'SELECT coalesce(sum(delta), 0) AS s FROM loyalty_ledger WHERE customer_id = $1',
          [id],
        )
      )[0]?.s,
    );

  beforeAll(async () => {
    hub = await startHub(kind, { atp: { floorUnits: 0, graceSeconds: 60, rateWindowHours: 24 } });
    ({ token } = await hub.enroll('DEMO-S1-R1'));
  });
  afterAll(() => hub.close());

  it('earns points once per sale, however often it is pushed', async () => {
    const sale = pointsSale('cus-demo-1', 12);
    expect((await push([sale])).statusCode).toBe(200);
    expect((await push([sale])).statusCode).toBe(200);
    expect(await balance('cus-demo-1')).toBe(DEMO_WELCOME_POINTS + 12);
    expect(await ledgerSum('cus-demo-1')).toBe(DEMO_WELCOME_POINTS + 12);
  });

  it('spends the points of a points tender and earns only on what points did not pay', async () => {
    const before = await balance('cus-demo-3');
    // 20.00 USD, 300 points (3.00) off: spends 300, earns 17 on the 17.00 paid by card.
    const sale = pointsSale('cus-demo-3', 20, 300);
    expect((await push([sale])).statusCode).toBe(200);
    expect((await push([sale])).statusCode).toBe(200);
    expect(await balance('cus-demo-3')).toBe(before - 300 + 17);
    expect(await ledgerSum('cus-demo-3')).toBe(before - 300 + 17);
  });

  it('turns an offline overspend into an exception and never a negative balance', async () => {
    const id = 'cus-demo-5';
    const start = await balance(id);
    // Two registers offline each let the customer spend most of the same balance.
    const first = pointsSale(id, 10, start - 100);
    const second = pointsSale(id, 10, start - 100);
    second.registerId = 'reg-other';
    expect((await push([first, second])).statusCode).toBe(200);
    expect(await balance(id)).toBeGreaterThanOrEqual(0);
    // What the second sale could not spend is short; the sales still earned on their card parts.
    expect(await ledgerSum(id)).toBe(await balance(id));
    const list = await hub.app.inject({ url: '/api/v1/exceptions?kind=points_overspent', headers: ADMIN });
    const found = list.json().exceptions.filter((e: { saleId: string }) => e.saleId === second.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'points_overspent', storeId: 'store-1' });
    expect(found[0].details).toMatchObject({ customerId: id, requested: start - 100 });
    expect(found[0].details.short).toBeGreaterThan(0);
    // Pushed again (a lost acknowledgement): nothing more is spent and no second exception.
    const after = await balance(id);
    expect((await push([second])).statusCode).toBe(200);
    expect(await balance(id)).toBe(after);
    const again = await hub.app.inject({ url: '/api/v1/exceptions?kind=points_overspent', headers: ADMIN });
    expect(again.json().exceptions.filter((e: { saleId: string }) => e.saleId === second.id)).toHaveLength(1);
  });

  it('gives the storefront the balance behind its key', async () => {
    const url = '/api/v1/storefront/loyalty?email=ada.lovelace@example.com';
    expect((await hub.app.inject({ url })).statusCode).toBe(401);
    const res = await hub.app.inject({ url, headers: STOREFRONT });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      customerId: 'cus-demo-1',
      points: await balance('cus-demo-1'),
      tier: 'bronze',
    });
    const none = await hub.app.inject({
      url: '/api/v1/storefront/loyalty?email=nobody@example.com',
      headers: STOREFRONT,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('unknown_customer');
  });

  it('shows only name and balance of a customer without consent', async () => {
    // Katherine Johnson (cus-demo-4) said no to personalization; give her a store sale to hide.
    expect((await push([pointsSale('cus-demo-4', 3)])).statusCode).toBe(200);
    const res = await hub.app.inject({
      url: '/api/v1/counter/customers/cus-demo-4/history',
      headers: auth(token),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.personalization).toBe(false);
    expect(body.customer).toMatchObject({ name: 'Katherine Johnson', email: null });
    expect(body.loyalty.points).toBe(await balance('cus-demo-4'));
    expect([body.orders, body.sales, body.abandonedCarts, body.recentlyViewed, body.offers]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    const ada = (
      await hub.app.inject({ url: '/api/v1/counter/customers/cus-demo-1/history', headers: auth(token) })
    ).json();
    expect(ada.sales.length).toBeGreaterThan(0);
    expect(ada.customer.email).toBe('ada.lovelace@example.com');
  });

  it('finds a customer by loyalty card', async () => {
    const res = await hub.app.inject({
      url: '/api/v1/counter/customers?card=till:customer:cus-demo-1',
      headers: auth(token),
    });
    expect(res.json().customers.map((c: { id: string }) => c.id)).toEqual(['cus-demo-1']);
  });

  it('sends a stock event at once when the outage buffer changes, not at the next stock change', async () => {
    // The best-stocked SKU of store-1 that nothing in this file sold yet.
    const [top] = await hub.db.query<{ sku: string }>(
      "SELECT sku FROM stock_levels WHERE store_id = 'store-1' AND sku <> 'SKU-00005' ORDER BY on_hand DESC, sku LIMIT 1",
    );
    const sku = top?.sku ?? 'SKU-00001';
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    // 8 units over the last day: one every three hours.
    expect((await push([makeSale('store-1', [{ sku, qty: 8 }], { createdAt: hourAgo })])).statusCode).toBe(
      200,
    );
    await hub.app.hub.atp.refresh();
    const { onHand } = await level(hub.db, 'store-1', sku);
    expect(onHand).toBeGreaterThan(4);
    const base = await hub.listen();
    const stream = await openStream(`${base}/api/v1/storefront/stock/stream?sku=${sku}`);
    try {
      // Let the stream's first check take the buffers as they are (nothing to report yet).
      await hub.app.hub.atp.checkBuffers();
      expect(stream.events).toEqual([]);
      // Ten and a half hours (plus the grace minute) without a register of store-1: 4 units held back.
      await hub.db.query(
        "UPDATE registers SET last_seen_at = now() - interval '10 hours 31 minutes' WHERE store_id = 'store-1'",
      );
      await hub.app.hub.atp.refresh();
      const grown = JSON.parse(await stream.waitFor((d) => d.includes(sku)));
      expect(grown).toEqual({ sku, storeId: 'store-1', onHand, reserved: 0, available: onHand - 4 });

      // The store comes back: the buffer falls to the floor and the stream says so.
      await hub.db.query("UPDATE registers SET last_seen_at = now() WHERE store_id = 'store-1'");
      await hub.app.hub.atp.refresh();
      const back = JSON.parse(
        await stream.waitFor((d) => d.includes(sku) && JSON.parse(d).available === onHand),
      );
      expect(back).toEqual({ sku, storeId: 'store-1', onHand, reserved: 0, available: onHand });
    } finally {
      stream.close();
    }
  });
});
