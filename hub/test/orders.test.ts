/**
 * Web orders: a declined card is 402 with nothing reserved, more than can be promised is 409 naming the
 * short SKUs, a pickup order reserves at its store at once, and the store's registers collect or cancel
 * it through their push (stale versions come back as conflicts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  ledgerMismatches,
  level,
  startHub,
} from '../../test/support/hub';

const KEY = { authorization: 'Bearer demo-storefront-key' };

const order = (lines: { sku: string; qty: number }[], token = 'tok_visa', storeId = 'store-1') => ({
  customer: { email: 'shopper@example.com', name: 'Sam Shopper', phone: '+1 555 0199' },
  lines,
  fulfilment: { type: 'pickup', storeId },
  payment: { method: 'card', token },
});

describe.each(DATABASES)('web orders on %s', (kind) => {
  let hub: TestHub;
  const place = (body: unknown, headers: Record<string, string> = KEY) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/storefront/orders', headers, payload: body as object });

  beforeAll(async () => {
    hub = await startHub(kind);
    await hub.enroll('DEMO-S1-R1');
  });
  afterAll(() => hub.close());

  it('401 without the storefront key', async () => {
    const res = await place(order([{ sku: 'SKU-00024', qty: 1 }]), {});
    expect(res.statusCode).toBe(401);
    expect(
      (await place(order([{ sku: 'SKU-00024', qty: 1 }]), { authorization: 'Bearer wrong' })).statusCode,
    ).toBe(401);
    const events = await hub.app.inject({ method: 'POST', url: '/api/v1/storefront/events', payload: {} });
    expect(events.statusCode).toBe(401);
  });

  it('a declined card is 402 and reserves nothing', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00024');
    const res = await place(order([{ sku: 'SKU-00024', qty: 1 }], 'tok_decline_insufficient_funds'));
    expect(res.statusCode).toBe(402);
    expect(res.json().error.code).toBe('payment_declined');
    expect(await level(hub.db, 'store-1', 'SKU-00024')).toEqual(before);
    expect(await count(hub.db, 'web_orders')).toBe(0);
  });

  it('more than available is 409 naming the short SKUs', async () => {
    const { onHand } = await level(hub.db, 'store-1', 'SKU-00025');
    const res = await place(
      order([
        { sku: 'SKU-00025', qty: onHand + 1 },
        { sku: 'SKU-00026', qty: 1 },
      ]),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.skus).toEqual([{ sku: 'SKU-00025', requested: onHand + 1, available: onHand }]);
    expect((await level(hub.db, 'store-1', 'SKU-00026')).reserved).toBe(0);
  });

  it('bad orders are 400: unknown SKU, float quantity, missing payment', async () => {
    expect((await place(order([{ sku: 'NOPE', qty: 1 }]))).json().error.code).toBe('unknown_sku');
    expect((await place(order([{ sku: 'SKU-00024', qty: 1.5 }]))).statusCode).toBe(400);
    expect((await place({ ...order([{ sku: 'SKU-00024', qty: 1 }]), payment: undefined })).statusCode).toBe(
      400,
    );
  });

  it('a pickup order reserves at its store at once, priced by the shared pricing function', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00027');
    const res = await place(order([{ sku: 'SKU-00027', qty: 2 }]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.number).toMatch(/^W\d{6}$/);
    expect(body.order.totals.gross).toBe(body.order.totals.net + body.order.totals.tax);
    expect(await count(hub.db, 'web_order_lines', 'order_id = $1', [body.orderId])).toBe(1);
    expect(await level(hub.db, 'store-1', 'SKU-00027')).toEqual({ onHand: before.onHand, reserved: 2 });
    const stock = await hub.app.inject({ url: '/api/v1/storefront/stock?sku=SKU-00027' });
    const store1 = stock.json().stores.find((s: { storeId: string }) => s.storeId === 'store-1');
    expect(store1).toEqual({
      storeId: 'store-1',
      onHand: before.onHand,
      reserved: 2,
      available: before.onHand - 2,
    });
  });

  it('the same Idempotency-Key places one order', async () => {
    const headers = { ...KEY, 'idempotency-key': 'retry-key-0001' };
    const first = await place(order([{ sku: 'SKU-00028', qty: 1 }]), headers);
    const again = await place(order([{ sku: 'SKU-00028', qty: 1 }]), headers);
    expect(again.json().orderId).toBe(first.json().orderId);
    expect((await level(hub.db, 'store-1', 'SKU-00028')).reserved).toBe(1);
  });

  it("the store's register collects it; a stale push is a conflict; another store cannot touch it", async () => {
    const { token } = await hub.enroll('DEMO-S1-R1');
    const placed = (await place(order([{ sku: 'SKU-00029', qty: 1 }]))).json().order;
    const before = await level(hub.db, 'store-1', 'SKU-00029');
    const pull = await hub.app.inject({ url: '/api/v1/sync/orders/pull', headers: auth(token) });
    const master = pull.json().documents.find((d: { id: string }) => d.id === placed.id);
    expect(master.status).toBe('placed');
    const pushOrder = (assumed: unknown, next: unknown, t = token) =>
      hub.app.inject({
        method: 'POST',
        url: '/api/v1/sync/orders/push',
        headers: auth(t),
        payload: [{ assumedMasterState: assumed, newDocumentState: next }],
      });
    const ready = { ...master, status: 'ready', updatedAt: new Date(Date.now() + 1000).toISOString() };
    expect((await pushOrder(master, ready)).json()).toEqual([]);
    // Pushing again from the old version is stale: the hub's document comes back.
    const stale = await pushOrder(master, { ...master, status: 'cancelled' });
    expect(stale.json()[0]).toMatchObject({ id: placed.id, status: 'ready' });
    // An illegal move (ready → shipped) is a conflict too.
    expect((await pushOrder(ready, { ...ready, status: 'shipped' })).json()[0]).toMatchObject({
      status: 'ready',
    });
    const other = (await hub.enroll('DEMO-S2-R1')).token;
    expect((await pushOrder(ready, { ...ready, status: 'collected' }, other)).statusCode).toBe(403);
    const collected = { ...ready, status: 'collected', updatedAt: new Date(Date.now() + 2000).toISOString() };
    expect((await pushOrder(ready, collected)).json()).toEqual([]);
    expect(await level(hub.db, 'store-1', 'SKU-00029')).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved - 1,
    });
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('a cancelled order releases its reservation', async () => {
    const { token } = await hub.enroll('DEMO-S1-R1');
    const placed = (await place(order([{ sku: 'SKU-00030', qty: 2 }]))).json().order;
    expect((await level(hub.db, 'store-1', 'SKU-00030')).reserved).toBe(2);
    const cancelled = {
      ...placed,
      status: 'cancelled',
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    };
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/orders/push',
      headers: auth(token),
      payload: [{ assumedMasterState: placed, newDocumentState: cancelled }],
    });
    expect(res.json()).toEqual([]);
    expect((await level(hub.db, 'store-1', 'SKU-00030')).reserved).toBe(0);
  });

  it('a ship order reserves where stock can be promised', async () => {
    const res = await place({ ...order([{ sku: 'SKU-00033', qty: 1 }]), fulfilment: { type: 'ship' } });
    expect(res.statusCode, res.body).toBe(201);
    const levels = await Promise.all(['store-1', 'store-2'].map((s) => level(hub.db, s, 'SKU-00033')));
    expect(levels[0]!.reserved + levels[1]!.reserved).toBe(1);
  });
});
