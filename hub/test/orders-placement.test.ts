/**
 * Placing a web order, beyond the basics of orders.test.ts: what a refusal says (the short SKUs, those
 * not sold online — unknown, inactive or open-price —, the declined card's reason, the unknown pickup
 * store, the request an Idempotency-Key already placed), where a ship order's stock is taken from (the store that can promise
 * the most, ties to the lower store id, never a line split across stores), how a key binds the order to
 * its one charge (a retry gets its order even after the stock went; twins racing past the first look keep
 * the one charge), the re-check under lock (stock taken while the card was charged: refused, refunded,
 * nothing reserved, and never more reserved than on hand when orders race), the customer a new e-mail
 * makes (no consent given), the checkout of a web session, and who is told (the pickup store's registers
 * of the order, the store the stock came from of its level, the web stream of the stock).
 *
 * Most go through the storefront route; where the gateway's side matters (what was charged and refunded,
 * charges held back so that orders race), `placeOrder` runs on the real hub with a recording gateway
 * around the simulated one. One test stands in the settings repository to show a hub with no store yet;
 * the real lookups are the rest of this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChargeRequest, type PaymentGateway, SimulatedGateway } from '../src/domain/gateway';
import { type OrderContext, type OrderRequest, orderRequestSchema, placeOrder } from '../src/domain/orders';
import type { Repositories } from '../src/repositories/repositories';
import { openStream } from '../../test/support/sse-client';
import {
  DATABASES,
  type TestHub,
  count,
  ledgerMismatches,
  level,
  otherRegisterStream,
  startHub,
} from '../../test/support/hub';

const KEY = { authorization: 'Bearer demo-storefront-key' };

type Line = { sku: string; qty: number };

const pickup = (lines: Line[], email = 'placer@example.com', storeId = 'store-1') => ({
  customer: { email, name: 'Pat Placer' },
  lines,
  fulfilment: { type: 'pickup', storeId } as { type: 'pickup'; storeId: string } | { type: 'ship' },
  payment: { method: 'card' as const, token: 'tok_visa' },
});

const ship = (lines: Line[], email = 'placer@example.com') => ({
  ...pickup(lines, email),
  fulfilment: { type: 'ship' as const },
});

/**
 * The simulated card gateway, recording what the hub asks of it. `beforeAnswer` runs after the card is
 * charged and before the hub hears back: the moment another order or a counter sale can take the stock.
 */
class RecordingGateway implements PaymentGateway {
  readonly card = new SimulatedGateway();
  readonly charges: ChargeRequest[] = [];
  readonly refunds: { reference: string; amount: number; idempotencyKey: string }[] = [];

  constructor(
    private readonly beforeAnswer: (request: ChargeRequest) => Promise<void> = async () => undefined,
  ) {}

  async charge(request: ChargeRequest) {
    this.charges.push(request);
    const result = await this.card.charge(request);
    await this.beforeAnswer(request);
    return result;
  }

  async refund(request: { reference: string; amount: number; idempotencyKey: string }) {
    this.refunds.push(request);
    return this.card.refund(request);
  }
}

/**
 * Holds every charge's answer until `n` charges were asked for: that many orders then reserve at once.
 * Opens after a few seconds regardless, so that an order that never reaches its charge fails the test
 * instead of hanging it.
 */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === 1) setTimeout(open, 5_000).unref();
    if (arrived >= n) open();
    return opened;
  };
}

describe.each(DATABASES)('placing web orders on %s', (kind) => {
  let hub: TestHub;
  const place = (body: object, headers: Record<string, string> = KEY) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/storefront/orders', headers, payload: body });
  const context = (gateway: PaymentGateway): OrderContext => ({ ...hub.app.hub, gateway });
  const request = (body: object): OrderRequest => orderRequestSchema.parse(body);

  /** Sets a level's on-hand count as a stock count would: a ledger movement, so levels equal the ledger. */
  async function setOnHand(storeId: string, sku: string, onHand: number): Promise<void> {
    const { repos } = hub.app.hub;
    await hub.db.transaction(async (tx) => {
      const [row] = await tx.query<{ on_hand: number }>(
        'SELECT on_hand FROM stock_levels WHERE store_id = $1 AND sku = $2 FOR UPDATE',
        [storeId, sku],
      );
      const movement = {
        storeId,
        sku,
        onHandDelta: onHand - (row?.on_hand ?? 0),
        reservedDelta: 0,
        reason: 'count',
      };
      await repos.stock.insertMovements([movement], tx);
      await repos.stock.applyLevelDeltas([movement], tx);
    });
  }

  const reservedAt = async (orderId: string) =>
    hub.db.query<{ store_id: string; sku: string; qty: number }>(
      'SELECT store_id, sku, qty FROM order_reservations WHERE order_id = $1 ORDER BY sku',
      [orderId],
    );

  beforeAll(async () => {
    hub = await startHub(kind);
    await hub.enroll('DEMO-S1-R1');
  });
  afterAll(() => hub.close());

  it('refuses more than can be promised, naming every short SKU and not the one that could be had', async () => {
    await setOnHand('store-1', 'SKU-00001', 2);
    await setOnHand('store-1', 'SKU-00002', 4);
    const res = await place(
      pickup([
        { sku: 'SKU-00001', qty: 3 },
        { sku: 'SKU-00003', qty: 1 },
        { sku: 'SKU-00002', qty: 5 },
      ]),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toEqual({
      code: 'insufficient_stock',
      message: 'not enough stock for SKU-00001, SKU-00002',
      skus: [
        { sku: 'SKU-00001', requested: 3, available: 2 },
        { sku: 'SKU-00002', requested: 5, available: 4 },
      ],
    });
    expect((await level(hub.db, 'store-1', 'SKU-00003')).reserved).toBe(0);
  });

  it('places an order for exactly what is available', async () => {
    await setOnHand('store-1', 'SKU-00004', 3);
    const res = await place(pickup([{ sku: 'SKU-00004', qty: 3 }]));
    expect(res.statusCode, res.body).toBe(201);
    expect(await level(hub.db, 'store-1', 'SKU-00004')).toEqual({ onHand: 3, reserved: 3 });
  });

  it('refuses SKUs not sold online (unknown, inactive, or priced at the counter) by name, in the order asked, not naming the known one', async () => {
    await hub.db.query("UPDATE products SET active = false WHERE sku = 'SKU-00005'");
    // The counter's open-price item: its catalogue price is 0, so online it would be given away.
    const [open] = await hub.db.query<{ sku: string }>('SELECT sku FROM products WHERE open_price');
    const counterOnly = open?.sku ?? '';
    expect(counterOnly).not.toBe('');
    const orders = await count(hub.db, 'web_orders');
    const res = await place(
      pickup([
        { sku: 'NOPE-1', qty: 1 },
        { sku: 'SKU-00006', qty: 1 },
        { sku: 'SKU-00005', qty: 1 },
        { sku: counterOnly, qty: 1 },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'unknown_sku',
      message: `SKUs not sold online: NOPE-1, SKU-00005, ${counterOnly}`,
      skus: ['NOPE-1', 'SKU-00005', counterOnly],
    });
    expect(await count(hub.db, 'web_orders')).toBe(orders);
    const alone = await place(pickup([{ sku: counterOnly, qty: 1 }]));
    expect(alone.json().error).toMatchObject({ code: 'unknown_sku', skus: [counterOnly] });
  });

  it('a declined card says why, and makes no customer and no reservation', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00007');
    const res = await place({
      ...pickup([{ sku: 'SKU-00007', qty: 1 }], 'declined@example.com'),
      payment: { method: 'card', token: 'tok_decline_lost_card' },
    });
    expect(res.statusCode).toBe(402);
    expect(res.json().error).toEqual({
      code: 'payment_declined',
      message: 'the card was declined',
      reason: 'card_declined',
    });
    expect(await level(hub.db, 'store-1', 'SKU-00007')).toEqual(before);
    expect(await count(hub.db, 'customers', "email = 'declined@example.com'")).toBe(0);
  });

  it('refuses a pickup at a store that does not exist, naming it, before charging', async () => {
    const gateway = new RecordingGateway();
    const body = pickup([{ sku: 'SKU-00008', qty: 1 }], 'placer@example.com', 'store-9');
    const res = await place(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'unknown_store', message: 'no store store-9' });
    await expect(placeOrder(context(gateway), request(body))).rejects.toMatchObject({
      code: 'unknown_store',
    });
    expect(gateway.charges).toEqual([]);
  });

  it('refuses a ship order while the hub has no store to price it by, with a message that ends cleanly', async () => {
    const { repos } = hub.app.hub;
    // Only the settings are stood in: a hub migrated but not yet set up has no store.
    const noStores = Object.assign(Object.create(repos) as Repositories, {
      settings: { firstStoreId: async () => null, forStore: async () => null },
    });
    const gateway = new RecordingGateway();
    const ctx: OrderContext = { ...hub.app.hub, repos: noStores, gateway };
    const refused = placeOrder(ctx, request(ship([{ sku: 'SKU-00008', qty: 1 }])));
    await expect(refused).rejects.toMatchObject({ code: 'unknown_store', message: 'no store' });
    expect(gateway.charges).toEqual([]);
  });

  it('a new e-mail becomes a customer of the pickup store with no consent given; the same e-mail again is the same customer', async () => {
    const first = await place(pickup([{ sku: 'SKU-00009', qty: 1 }], 'new.shopper@example.com'));
    expect(first.statusCode, first.body).toBe(201);
    const customerId = first.json().order.customerId;
    const [row] = await hub.db.query<{
      id: string;
      name: string;
      home_store_id: string;
      consent: { personalization: boolean; marketing: boolean };
    }>('SELECT id, name, home_store_id, consent FROM customers WHERE email = $1', [
      'new.shopper@example.com',
    ]);
    expect(row).toMatchObject({ id: customerId, name: 'Pat Placer', home_store_id: 'store-1' });
    expect(row?.consent).toMatchObject({ personalization: false, marketing: false });
    const again = await place(pickup([{ sku: 'SKU-00009', qty: 1 }], 'New.Shopper@example.com'));
    expect(again.json().order.customerId).toBe(customerId);
    expect(await count(hub.db, 'customers', 'lower(email) = $1', ['new.shopper@example.com'])).toBe(1);
  });

  it("an order from a web session records the session's checkout and converts its cart", async () => {
    const email = 'session.shopper@example.com';
    await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/customers/sign-in',
      headers: KEY,
      payload: { email, name: 'Session Shopper', personalization: true },
    });
    const events = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/events',
      headers: KEY,
      payload: {
        events: [
          { type: 'cart_add', sessionId: 'sess-place', customerEmail: email, sku: 'SKU-00010', qty: 1 },
        ],
      },
    });
    expect(events.json()).toEqual({ accepted: 1, ignored: 0 });
    const res = await place({ ...pickup([{ sku: 'SKU-00010', qty: 1 }], email), sessionId: 'sess-place' });
    expect(res.statusCode, res.body).toBe(201);
    const [cart] = await hub.db.query<{ status: string }>(
      "SELECT status FROM carts WHERE session_id = 'sess-place'",
    );
    expect(cart?.status).toBe('converted');
    const checkouts = await hub.db.query<{ customer_id: string }>(
      "SELECT customer_id FROM customer_events WHERE session_id = 'sess-place' AND type = 'checkout'",
    );
    expect(checkouts).toEqual([{ customer_id: res.json().order.customerId }]);
  });

  describe('an Idempotency-Key', () => {
    it('gets a retry the order it placed, even once the stock is gone, charging the card once for that order', async () => {
      await setOnHand('store-1', 'SKU-00011', 2);
      const gateway = new RecordingGateway();
      const body = request(pickup([{ sku: 'SKU-00011', qty: 2 }]));
      const placed = await placeOrder(context(gateway), body, 'retry-after-sold-out');
      // All of it is now reserved: a new order would be short, the retry is not a new order.
      const retried = await placeOrder(context(gateway), body, 'retry-after-sold-out');
      expect(retried.id).toBe(placed.id);
      expect(retried.number).toBe(placed.number);
      expect(gateway.charges).toEqual([
        {
          amount: placed.totals.gross,
          currency: 'USD',
          token: 'tok_visa',
          idempotencyKey: 'retry-after-sold-out',
          description: `web order ${placed.id}`,
        },
      ]);
      expect(gateway.refunds).toEqual([]);
      expect(await level(hub.db, 'store-1', 'SKU-00011')).toEqual({ onHand: 2, reserved: 2 });
    });

    it('names the charge after its order when the web store sends no key', async () => {
      const gateway = new RecordingGateway();
      const placed = await placeOrder(context(gateway), request(pickup([{ sku: 'SKU-00012', qty: 1 }])));
      expect(gateway.charges).toHaveLength(1);
      expect(gateway.charges[0]).toMatchObject({
        idempotencyKey: placed.id,
        description: `web order ${placed.id}`,
      });
    });

    it('reused with another request is refused naming the order and every part that differs', async () => {
      const headers = { ...KEY, 'idempotency-key': 'reused-key-0001' };
      const first = await place(pickup([{ sku: 'SKU-00013', qty: 1 }]), headers);
      expect(first.statusCode, first.body).toBe(201);
      const other = await place(
        { ...pickup([{ sku: 'SKU-00013', qty: 2 }]), payment: { method: 'card', token: 'tok_mastercard' } },
        headers,
      );
      expect(other.statusCode).toBe(422);
      expect(other.json().error).toEqual({
        code: 'idempotency_mismatch',
        message:
          `this Idempotency-Key placed order ${first.json().number} with another request ` +
          '(lines, payment differ); use a new key for a new order',
        mismatch: ['lines', 'payment'],
        orderId: first.json().orderId,
      });
      expect((await level(hub.db, 'store-1', 'SKU-00013')).reserved).toBe(1);
    });

    it('two requests with one key that both got past the first look place one order and keep its one charge', async () => {
      const wait = barrier(2);
      const gateway = new RecordingGateway(wait);
      const before = await level(hub.db, 'store-1', 'SKU-00014');
      const body = request(pickup([{ sku: 'SKU-00014', qty: 1 }]));
      const [a, b] = await Promise.all([
        placeOrder(context(gateway), body, 'twin-key-0001'),
        placeOrder(context(gateway), body, 'twin-key-0001'),
      ]);
      expect(b.id).toBe(a.id);
      expect(gateway.charges).toHaveLength(2);
      // The card was charged once under that key, and that charge is the order's: nothing goes back.
      expect(gateway.refunds).toEqual([]);
      expect(await level(hub.db, 'store-1', 'SKU-00014')).toEqual({
        ...before,
        reserved: before.reserved + 1,
      });
      expect(await count(hub.db, 'payments', 'idempotency_key = $1', ['charge:twin-key-0001'])).toBe(1);
    });
  });

  describe('the re-check under lock', () => {
    it('stock taken while the card was charged: the order is refused as short and each charge refunded in full', async () => {
      const skus = ['SKU-00015', 'SKU-00016'];
      for (const sku of skus) await setOnHand('store-1', sku, 2);
      // Another web order takes the units between the first look and the reserving transaction.
      let taking = '';
      const gateway = new RecordingGateway(async () => {
        const res = await place(pickup([{ sku: taking, qty: 2 }], 'quicker@example.com'));
        expect(res.statusCode, res.body).toBe(201);
      });
      for (const sku of skus) {
        taking = sku;
        const orders = await count(hub.db, 'web_orders');
        const attempt = placeOrder(context(gateway), request(pickup([{ sku, qty: 1 }])));
        await expect(attempt).rejects.toMatchObject({
          code: 'insufficient_stock',
          message: `not enough stock for ${sku}`,
          details: { skus: [{ sku, requested: 1, available: 0 }] },
        });
        expect(await count(hub.db, 'web_orders')).toBe(orders + 1); // only the quicker one
        expect(await level(hub.db, 'store-1', sku)).toEqual({ onHand: 2, reserved: 2 });
      }
      // Two refused orders on one gateway: two refunds, each of its own charge, in full.
      expect(gateway.refunds).toHaveLength(2);
      for (const [i, charge] of gateway.charges.entries()) {
        const refund = gateway.refunds[i]!;
        expect(refund.amount).toBe(charge.amount);
        // Nothing is left on the charge: the refund really went through.
        const probe = await gateway.card.refund({
          reference: refund.reference,
          amount: 1,
          idempotencyKey: `probe-${i}`,
        });
        expect(probe).toMatchObject({ ok: false, code: 'refund_refused' });
      }
      expect(new Set(gateway.refunds.map((r) => r.reference)).size).toBe(2);
      expect(await ledgerMismatches(hub.db)).toEqual([]);
    });

    it('orders racing for the last unit: one is placed, the rest refused and refunded, never more reserved than on hand', async () => {
      await setOnHand('store-1', 'SKU-00017', 1);
      const racers = 4;
      const wait = barrier(racers);
      const gateway = new RecordingGateway(wait);
      const results = await Promise.allSettled(
        Array.from({ length: racers }, (_, i) =>
          placeOrder(
            context(gateway),
            request(pickup([{ sku: 'SKU-00017', qty: 1 }], `racer${i}@example.com`)),
          ),
        ),
      );
      const placed = results.filter((r) => r.status === 'fulfilled');
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []));
      expect(placed).toHaveLength(1);
      expect(refused.map((e) => e.code)).toEqual(Array(racers - 1).fill('insufficient_stock'));
      expect(gateway.refunds).toHaveLength(racers - 1);
      expect(await level(hub.db, 'store-1', 'SKU-00017')).toEqual({ onHand: 1, reserved: 1 });
      expect(await ledgerMismatches(hub.db)).toEqual([]);
    });
  });

  describe('a ship order', () => {
    it('takes each SKU from the store that can promise the most of it', async () => {
      await setOnHand('store-1', 'SKU-00018', 9);
      await setOnHand('store-2', 'SKU-00018', 4);
      await setOnHand('store-1', 'SKU-00019', 3);
      await setOnHand('store-2', 'SKU-00019', 8);
      const res = await place(
        ship([
          { sku: 'SKU-00018', qty: 2 },
          { sku: 'SKU-00019', qty: 2 },
        ]),
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(await reservedAt(res.json().orderId)).toEqual([
        { store_id: 'store-1', sku: 'SKU-00018', qty: 2 },
        { store_id: 'store-2', sku: 'SKU-00019', qty: 2 },
      ]);
      expect(await level(hub.db, 'store-2', 'SKU-00018')).toEqual({ onHand: 4, reserved: 0 });
      expect(await level(hub.db, 'store-1', 'SKU-00019')).toEqual({ onHand: 3, reserved: 0 });
    });

    it('counts what is already reserved: the store with more on hand but less to promise loses', async () => {
      await setOnHand('store-1', 'SKU-00020', 10);
      await setOnHand('store-2', 'SKU-00020', 6);
      expect((await place(pickup([{ sku: 'SKU-00020', qty: 5 }]))).statusCode).toBe(201);
      const res = await place(ship([{ sku: 'SKU-00020', qty: 1 }]));
      expect(res.statusCode, res.body).toBe(201);
      expect(await reservedAt(res.json().orderId)).toEqual([
        { store_id: 'store-2', sku: 'SKU-00020', qty: 1 },
      ]);
    });

    it('between stores that can promise the same, takes the lower store id, whichever level moved last', async () => {
      // Which row the database returns first follows which was written last; the choice must not.
      await setOnHand('store-2', 'SKU-00021', 6);
      await setOnHand('store-1', 'SKU-00021', 6);
      await setOnHand('store-1', 'SKU-00022', 6);
      await setOnHand('store-2', 'SKU-00022', 6);
      const res = await place(
        ship([
          { sku: 'SKU-00021', qty: 1 },
          { sku: 'SKU-00022', qty: 1 },
        ]),
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(await reservedAt(res.json().orderId)).toEqual([
        { store_id: 'store-1', sku: 'SKU-00021', qty: 1 },
        { store_id: 'store-1', sku: 'SKU-00022', qty: 1 },
      ]);
    });

    it('is refused for a line no single store can promise, though the stores together could', async () => {
      await setOnHand('store-1', 'SKU-00023', 3);
      await setOnHand('store-2', 'SKU-00023', 3);
      const res = await place(ship([{ sku: 'SKU-00023', qty: 5 }]));
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'insufficient_stock',
        skus: [{ sku: 'SKU-00023', requested: 5, available: 3 }],
      });
      expect((await level(hub.db, 'store-1', 'SKU-00023')).reserved).toBe(0);
      expect((await level(hub.db, 'store-2', 'SKU-00023')).reserved).toBe(0);
    });
  });

  describe('who is told', () => {
    it("the pickup store's other registers hear of the order, and the web stock stream of the reservation", async () => {
      await setOnHand('store-1', 'SKU-00024', 7);
      const register = await otherRegisterStream(hub, 'DEMO-S1-R2');
      const web = await openStream(`${await hub.listen()}/api/v1/storefront/stock/stream?sku=SKU-00024`);
      try {
        const res = await place(pickup([{ sku: 'SKU-00024', qty: 2 }]));
        expect(res.statusCode, res.body).toBe(201);
        const orderId = res.json().orderId as string;
        const told = JSON.parse(
          await register.waitFor((d) => d.includes('"collection":"orders"') && d.includes(orderId)),
        );
        expect(told.documents.map((d: { id: string }) => d.id)).toContain(orderId);
        const stock = JSON.parse(
          await web.waitFor((d) => d.includes('SKU-00024') && d.includes('"reserved":2')),
        );
        expect(stock).toEqual({ sku: 'SKU-00024', storeId: 'store-1', onHand: 7, reserved: 2, available: 5 });
      } finally {
        register.close();
        web.close();
      }
    });

    it('the registers of the store a ship order is taken from hear its new stock level', async () => {
      await setOnHand('store-1', 'SKU-00025', 2);
      await setOnHand('store-2', 'SKU-00025', 8);
      const register = await otherRegisterStream(hub, 'DEMO-S2-R1');
      try {
        const res = await place(ship([{ sku: 'SKU-00025', qty: 3 }]));
        expect(res.statusCode, res.body).toBe(201);
        const told = JSON.parse(
          await register.waitFor((d) => d.includes('"collection":"stock"') && d.includes('SKU-00025')),
        );
        expect(told.documents).toContainEqual(
          expect.objectContaining({
            storeId: 'store-2',
            sku: 'SKU-00025',
            onHand: 8,
            reserved: 3,
            available: 5,
          }),
        );
      } finally {
        register.close();
      }
    });
  });
});
