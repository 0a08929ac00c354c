/**
 * Storefront events and counter look-ups: browsing and cart events build a customer's web history; a
 * register finds the customer and their online orders and sees web and store history in one place, with
 * loyalty points earned at the counter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import { DEMO_WELCOME_POINTS } from '../src/domain/seed';

const KEY = { authorization: 'Bearer demo-storefront-key' };
const EMAIL = 'ada.lovelace@example.com';

describe.each(DATABASES)('events and counter look-ups on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  it('records events and keeps the cart', async () => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/events',
      headers: KEY,
      payload: {
        events: [
          { type: 'product_view', sessionId: 's-1', customerEmail: EMAIL, sku: 'SKU-00010' },
          { type: 'cart_add', sessionId: 's-1', customerEmail: EMAIL, sku: 'SKU-00010', qty: 2 },
          { type: 'cart_remove', sessionId: 's-1', sku: 'SKU-00010', qty: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(202);
    const carts = await hub.db.query<{ lines: Record<string, number> }>(
      "SELECT lines FROM carts WHERE session_id = 's-1'",
    );
    expect(carts[0]?.lines).toEqual({ 'SKU-00010': 1 });
    const bad = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/events',
      headers: KEY,
      payload: { type: 'hack' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("shows a customer's unified history at the counter", async () => {
    const found = await hub.app.inject({
      url: `/api/v1/counter/customers?email=${EMAIL}`,
      headers: auth(token),
    });
    const customer = found.json().customers[0];
    expect(customer.email).toBe(EMAIL);
    const sale = makeSale('store-1', [{ sku: 'SKU-00011', qty: 3 }], { customerId: customer.id });
    await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody([sale]),
    });
    const placed = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/orders',
      headers: KEY,
      payload: {
        customer: { email: EMAIL, name: 'Ada Lovelace' },
        lines: [{ sku: 'SKU-00012', qty: 1 }],
        fulfilment: { type: 'pickup', storeId: 'store-1' },
        payment: { method: 'card', token: 'tok_visa' },
      },
    });
    expect(placed.statusCode).toBe(201);
    const history = (
      await hub.app.inject({ url: `/api/v1/counter/customers/${customer.id}/history`, headers: auth(token) })
    ).json();
    expect(history.sales.map((s: { id: string }) => s.id)).toContain(sale.id);
    expect(history.orders.map((o: { number: string }) => o.number)).toContain(placed.json().number);
    // The demo's welcome points, and three for the 3.00 sale.
    expect(history.loyalty.points).toBe(DEMO_WELCOME_POINTS + 3);
    expect(history.abandonedCarts.length).toBeGreaterThan(0);
    expect(history.recentlyViewed.length).toBeGreaterThan(0);
    const byNumber = await hub.app.inject({
      url: `/api/v1/counter/orders?qr=till:order:${placed.json().number}`,
      headers: auth(token),
    });
    expect(byNumber.json().orders).toHaveLength(1);
    expect((await hub.app.inject({ url: `/api/v1/counter/orders?email=${EMAIL}` })).statusCode).toBe(401);
  });
  it('finds orders and customers only by a key the customer gives, and names a look-up without one', async () => {
    const phone = '+44 20 7946 0001';
    const placed = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/orders',
      headers: KEY,
      payload: {
        customer: { email: 'hedy.counter@example.com', name: 'Hedy Counter', phone },
        lines: [{ sku: 'SKU-00013', qty: 1 }],
        fulfilment: { type: 'pickup', storeId: 'store-1' },
        payment: { method: 'card', token: 'tok_visa' },
      },
    });
    expect(placed.statusCode).toBe(201);
    const { number, orderId: id, order } = placed.json();
    const customerId = order.customerId;
    const look = async (path: string, query: Record<string, string>) =>
      hub.app.inject({ url: `/api/v1/counter/${path}?${new URLSearchParams(query)}`, headers: auth(token) });
    const orderNumbers = async (query: Record<string, string>) =>
      (await look('orders', query)).json().orders.map((o: { number: string }) => o.number);

    for (const query of [
      { number },
      { qr: `till:order:${number}` },
      { qr: number },
      { qr: `till:order:${id}` },
    ] as Record<string, string>[])
      expect(await orderNumbers(query), JSON.stringify(query)).toEqual([number]);
    expect(await orderNumbers({ phone })).toEqual([number]);
    // A scanned code that merely contains the prefix is not a receipt's QR.
    expect(await orderNumbers({ qr: `${number.slice(0, 1)}till:order:${number.slice(1)}` })).toEqual([]);

    const customerIds = async (query: Record<string, string>) =>
      (await look('customers', query)).json().customers.map((c: { id: string }) => c.id);
    expect(await customerIds({ phone })).toEqual([customerId]);
    expect(await customerIds({ email: 'HEDY.COUNTER@example.com' })).toEqual([customerId]);
    expect(await customerIds({ card: `till:customer:${customerId}` })).toEqual([customerId]);
    expect(await customerIds({ card: customerId })).toEqual([customerId]);
    expect(await customerIds({ card: 'till:customer:cus-nobody' })).toEqual([]);

    for (const [path, message] of [
      ['orders', 'give number, email, phone or qr'],
      ['customers', 'give card, email or phone'],
    ] as const) {
      const none = await look(path, {});
      expect(none.statusCode).toBe(400);
      expect(none.json().error).toMatchObject({ code: 'missing_key', message });
      const empty = await look(path, { email: '', phone: '' });
      expect(empty.json().error.code).toBe('missing_key');
    }
  });
});
