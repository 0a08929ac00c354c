/**
 * What the demo web store needs of the hub: a page of the catalogue with its total, the stock of a whole
 * page in one request (reservations counted per store and in the total), sign-in by e-mail with the
 * personalization choice stored on the customer and announced to its home store's registers, events
 * recorded only with that consent, and carts left untouched marked abandoned (with an injected clock)
 * and shown to the counter with their items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepAbandonedCarts } from '../src/domain/abandoned-carts';
import { DATABASES, type TestHub, auth, count, otherRegisterStream, startHub } from '../../test/support/hub';

const KEY = { authorization: 'Bearer demo-storefront-key' };
const MINUTE = 60_000;

describe.each(DATABASES)('the web store on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  const signIn = (email: string, personalization: boolean, headers: Record<string, string> = KEY) =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/customers/sign-in',
      headers,
      payload: { email, name: 'Web Shopper', personalization },
    });
  const send = (events: unknown[]) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/storefront/events', headers: KEY, payload: { events } });

  it('pages the catalogue with a total, without the open-price counter item', async () => {
    const first = (await hub.app.inject({ url: '/api/v1/storefront/products?limit=10' })).json();
    const second = (await hub.app.inject({ url: '/api/v1/storefront/products?limit=10&offset=10' })).json();
    expect(first.products).toHaveLength(10);
    expect(first.total).toBe(39);
    expect(second.total).toBe(39);
    const skus = new Set(first.products.map((p: { sku: string }) => p.sku));
    expect(second.products.some((p: { sku: string }) => skus.has(p.sku))).toBe(false);
    const past = (await hub.app.inject({ url: '/api/v1/storefront/products?limit=10&offset=100' })).json();
    expect(past).toEqual({ products: [], total: 39, offset: 100 });
    const one = await hub.app.inject({ url: '/api/v1/storefront/products/SKU-00003' });
    expect(one.json().product).toMatchObject({ sku: 'SKU-00003', category: expect.any(String) });
    expect((await hub.app.inject({ url: '/api/v1/storefront/products/NOPE' })).statusCode).toBe(404);
    expect((await hub.app.inject({ url: '/api/v1/storefront/products?offset=-1' })).statusCode).toBe(400);
  });

  it("gives a page's stock in one request, the same as one SKU at a time", async () => {
    const res = await hub.app.inject({ url: '/api/v1/storefront/stock/batch?skus=SKU-00002,NOPE,SKU-00001' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stocks.map((s: { sku: string }) => s.sku)).toEqual(['SKU-00002', 'SKU-00001']);
    expect(body.unknown).toEqual(['NOPE']);
    for (const stock of body.stocks) {
      const single = (await hub.app.inject({ url: `/api/v1/storefront/stock?sku=${stock.sku}` })).json();
      expect(stock).toEqual(single);
    }
    const tooMany = Array.from({ length: 101 }, (_, i) => `SKU-${String(i + 1).padStart(5, '0')}`).join(',');
    const refused = await hub.app.inject({ url: `/api/v1/storefront/stock/batch?skus=${tooMany}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_request');
    expect((await hub.app.inject({ url: '/api/v1/storefront/stock/batch?skus=' })).statusCode).toBe(400);
  });

  it('counts a reservation in the stock of its store and in the total, alone and in a page', async () => {
    const sku = 'SKU-00009';
    const before = (await hub.app.inject({ url: `/api/v1/storefront/stock?sku=${sku}` })).json();
    const placed = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/orders',
      headers: KEY,
      payload: {
        customer: { email: 'web.reserve@example.com', name: 'Web Reserve' },
        lines: [{ sku, qty: 2 }],
        fulfilment: { type: 'pickup', storeId: 'store-1' },
        payment: { method: 'card', token: 'tok_visa' },
      },
    });
    expect(placed.statusCode).toBe(201);
    const single = (await hub.app.inject({ url: `/api/v1/storefront/stock?sku=${sku}` })).json();
    const storeOne = (s: { stores: { storeId: string; reserved: number }[] }) =>
      s.stores.find((x) => x.storeId === 'store-1');
    expect(storeOne(single)?.reserved).toBe((storeOne(before)?.reserved ?? 0) + 2);
    const sum = (field: 'onHand' | 'reserved' | 'available') =>
      single.stores.reduce((t: number, x: Record<string, number>) => t + (x[field] ?? 0), 0);
    expect(single.total).toEqual({
      onHand: sum('onHand'),
      reserved: sum('reserved'),
      available: sum('available'),
    });
    expect(single.total.reserved).toBe(before.total.reserved + 2);
    expect(single.total.available).toBe(before.total.available - 2);
    const page = (await hub.app.inject({ url: `/api/v1/storefront/stock/batch?skus=${sku}` })).json();
    expect(page.stocks).toEqual([single]);
  });

  it('signs a shopper in by e-mail, found or made, storing the personalization choice', async () => {
    expect((await signIn('web.one@example.com', true, {})).statusCode).toBe(401);
    expect((await signIn('not-an-email', true)).statusCode).toBe(400);
    const made = await signIn('web.one@example.com', false);
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({
      created: true,
      customer: { personalization: false, loyaltyPoints: 0 },
    });
    const again = await signIn('WEB.ONE@example.com', true);
    expect(again.json()).toMatchObject({ created: false, customer: { id: made.json().customer.id } });
    const [row] = await hub.db.query<{ consent: { personalization: boolean; marketing: boolean } }>(
      'SELECT consent FROM customers WHERE id = $1',
      [made.json().customer.id],
    );
    expect(row?.consent).toMatchObject({ personalization: true, marketing: false });
    const read = await hub.app.inject({
      url: `/api/v1/storefront/customers/${made.json().customer.id}`,
      headers: KEY,
    });
    expect(read.json().customer).toMatchObject({ email: 'web.one@example.com', personalization: true });
    expect(
      (await hub.app.inject({ url: '/api/v1/storefront/customers/nobody', headers: KEY })).statusCode,
    ).toBe(404);
  });

  it('names a new shopper by the name given, trimmed, or else by the e-mail before the @', async () => {
    const named = async (email: string, name?: string) =>
      (
        await hub.app.inject({
          method: 'POST',
          url: '/api/v1/storefront/customers/sign-in',
          headers: KEY,
          payload: { email, personalization: false, ...(name === undefined ? {} : { name }) },
        })
      ).json().customer.name;
    expect(await named('lin.one@example.com', '  Lin One  ')).toBe('Lin One');
    expect(await named('lin.two@example.com')).toBe('lin.two');
    expect(await named('lin.three@example.com', '   ')).toBe('lin.three');
  });

  it("tells the registers of a customer's home store when their consent changes", async () => {
    const register = await otherRegisterStream(hub, 'DEMO-S1-R2');
    try {
      // Ada Lovelace (cus-demo-1) belongs to store-1 and consented in the seed.
      const res = await signIn('ada.lovelace@example.com', false);
      expect(res.json()).toMatchObject({
        created: false,
        customer: { id: 'cus-demo-1', personalization: false },
      });
      await register.waitFor((data) => {
        if (data === 'RESYNC') return false;
        const { collection, documents } = JSON.parse(data) as {
          collection: string;
          documents: { id: string; consent: { personalization: boolean } }[];
        };
        return (
          collection === 'customers' &&
          documents.some((c) => c.id === 'cus-demo-1' && c.consent.personalization === false)
        );
      });
    } finally {
      register.close();
      await signIn('ada.lovelace@example.com', true);
    }
  });

  it('records no events of a customer without personalization consent', async () => {
    await signIn('web.private@example.com', false);
    const events = [
      {
        type: 'product_view',
        sessionId: 'web-private',
        customerEmail: 'web.private@example.com',
        sku: 'SKU-00005',
      },
      {
        type: 'cart_add',
        sessionId: 'web-private',
        customerEmail: 'web.private@example.com',
        sku: 'SKU-00005',
        qty: 1,
      },
      { type: 'product_view', sessionId: 'web-ghost', customerEmail: 'ghost@example.com', sku: 'SKU-00005' },
    ];
    const res = await send(events);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 0, ignored: 3 });
    expect(await count(hub.db, 'customer_events', "session_id IN ('web-private', 'web-ghost')")).toBe(0);
    expect(await count(hub.db, 'carts', "session_id = 'web-private'")).toBe(0);
    // Given consent, the same events are kept.
    await signIn('web.private@example.com', true);
    expect((await send(events.slice(0, 2))).json()).toEqual({ accepted: 2, ignored: 0 });
    expect(await count(hub.db, 'customer_events', "session_id = 'web-private'")).toBe(2);
  });

  it('marks a cart untouched for the abandoned-cart time, and shows it at the counter with its items', async () => {
    const customer = (await signIn('web.cart@example.com', true)).json().customer;
    const email = 'web.cart@example.com';
    await send([
      { type: 'cart_add', sessionId: 'web-cart', customerEmail: email, sku: 'SKU-00007', qty: 2 },
      { type: 'cart_add', sessionId: 'web-cart', customerEmail: email, sku: 'SKU-00008', qty: 1 },
    ]);
    const policy = { abandonedCartMinutes: 30 };
    const ctx = hub.app.hub;
    const mine = async () =>
      (await hub.db.query<{ status: string }>("SELECT status FROM carts WHERE session_id = 'web-cart'"))[0]
        ?.status;
    expect(await sweepAbandonedCarts(ctx, policy, new Date(Date.now() + 29 * MINUTE), customer.id)).toBe(0);
    expect(await mine()).toBe('open');
    expect(await sweepAbandonedCarts(ctx, policy, new Date(Date.now() + 31 * MINUTE), customer.id)).toBe(1);
    expect(await mine()).toBe('abandoned');
    const history = async () =>
      (
        await hub.app.inject({
          url: `/api/v1/counter/customers/${customer.id}/history`,
          headers: auth(token),
        })
      ).json();
    const carts = (await history()).abandonedCarts;
    expect(carts).toHaveLength(1);
    expect(carts[0]).toMatchObject({ sessionId: 'web-cart', lines: { 'SKU-00007': 2, 'SKU-00008': 1 } });
    expect(carts[0].items.map((i: { sku: string; qty: number }) => [i.sku, i.qty])).toEqual([
      ['SKU-00007', 2],
      ['SKU-00008', 1],
    ]);
    expect(carts[0].items[0].name).not.toBe('SKU-00007');
    // Looking at a product in the cart changes nothing in it.
    await send([{ type: 'product_view', sessionId: 'web-cart', customerEmail: email, sku: 'SKU-00007' }]);
    const [viewed] = await hub.db.query<{ lines: Record<string, number> }>(
      "SELECT lines FROM carts WHERE session_id = 'web-cart'",
    );
    expect(viewed?.lines).toEqual({ 'SKU-00007': 2, 'SKU-00008': 1 });
    // Touched again, the cart is open again and no longer shown as abandoned.
    await send([
      { type: 'cart_remove', sessionId: 'web-cart', customerEmail: email, sku: 'SKU-00008', qty: 1 },
    ]);
    expect(await mine()).toBe('open');
    expect((await history()).abandonedCarts).toEqual([]);
    // An empty or checked-out cart is never abandoned.
    await send([{ type: 'checkout', sessionId: 'web-cart', customerEmail: email }]);
    expect(await sweepAbandonedCarts(ctx, policy, new Date(Date.now() + 60 * MINUTE), customer.id)).toBe(0);
  });
});
