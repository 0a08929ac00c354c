/**
 * BOPIS and ship fulfilment through the API, on both databases: a register moves a pickup order through
 * picking and ready (the ready e-mail shows on the storefront's order) and hands it over in parts; the
 * ledger moves exactly the units handed over, a repeated push moves nothing more, a hand-over the hub's
 * state no longer allows becomes an `order_conflict` exception (once) while the hub's state stands, a
 * ready order nobody collects expires and its stock goes back to the web, and ship orders are picked and
 * shipped with a tracking number by the operators' route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { expireOrders } from '../src/domain/fulfilment-expiry';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  ledgerMismatches,
  level,
  otherRegisterStream,
  startHub,
} from '../../test/support/hub';
import {
  type RefundWatch,
  STOREFRONT,
  type WebOrderOptions,
  placeWebOrder,
  registerClock,
  watchRefunds,
} from '../../test/support/web-orders';

const ADMIN = { authorization: 'Bearer demo-admin-key' };

/** A later `updatedAt` for each register change, as the register's clock would give. */
const later = registerClock();

describe.each(DATABASES)('order fulfilment on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  const place = (lines: { sku: string; qty: number }[], fulfilment?: WebOrderOptions['fulfilment']) =>
    placeWebOrder(hub, lines, fulfilment ? { fulfilment } : {});
  const push = (assumed: WebOrder | null, next: WebOrder) =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/orders/push',
      headers: auth(token),
      payload: [{ assumedMasterState: assumed, newDocumentState: next }],
    });
  const stored = async (id: string): Promise<WebOrder> =>
    (await hub.app.inject({ url: `/api/v1/storefront/orders/${id}`, headers: STOREFRONT })).json().order;
  const admin = (url: string, payload?: object) =>
    hub.app.inject({ method: 'POST', url, headers: ADMIN, ...(payload ? { payload } : {}) });

  /** Refunds the hub's gateway was asked for (and whether it refuses them). */
  let refunds: RefundWatch;

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
    refunds = watchRefunds(hub);
  });
  afterAll(() => hub.close());

  it('picking → ready records the e-mail on the order; a partial pickup moves only its units', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00010');
    const placed = await place([{ sku: 'SKU-00010', qty: 3 }]);
    const picking = { ...placed, status: 'picking' as const, updatedAt: later() };
    expect((await push(placed, picking)).json()).toEqual([]);
    const ready = { ...picking, status: 'ready' as const, updatedAt: later() };
    expect((await push(picking, ready)).json()).toEqual([]);
    const shown = await stored(placed.number);
    expect(shown.status).toBe('ready');
    expect(shown.notifications).toEqual([{ kind: 'ready', at: expect.any(String), channel: 'email' }]);
    expect(Date.parse(shown.expiresAt ?? '') - Date.now()).toBeGreaterThan(6 * 86_400_000);

    const first = { id: 'pk-1', at: later(), lines: [{ lineId: '1', qty: 2 }] };
    const partial = { ...shown, pickups: [first], updatedAt: later() };
    expect((await push(shown, partial)).json()).toEqual([]);
    expect(await level(hub.db, 'store-1', 'SKU-00010')).toEqual({
      onHand: before.onHand - 2,
      reserved: before.reserved + 1,
    });
    const afterPartial = await stored(placed.id);
    expect(afterPartial.status).toBe('ready');

    // The same push again (an acknowledgement lost) moves nothing more.
    await push(shown, partial);
    expect((await level(hub.db, 'store-1', 'SKU-00010')).onHand).toBe(before.onHand - 2);

    const rest = { id: 'pk-2', at: later(), lines: [{ lineId: '1', qty: 1 }] };
    const done = {
      ...afterPartial,
      status: 'collected' as const,
      pickups: [first, rest],
      updatedAt: later(),
    };
    expect((await push(afterPartial, done)).json()).toEqual([]);
    expect((await stored(placed.id)).status).toBe('collected');
    expect(await level(hub.db, 'store-1', 'SKU-00010')).toEqual({
      onHand: before.onHand - 3,
      reserved: before.reserved,
    });
    expect(await ledgerMismatches(hub.db)).toEqual([]);
    // The ledger says why: one reservation for the order, one hand-over movement per pickup.
    const moves = await hub.db.query<{ reason: string; on_hand_delta: number; reserved_delta: number }>(
      'SELECT reason, on_hand_delta, reserved_delta FROM stock_movements WHERE order_id = $1 ORDER BY id',
      [placed.id],
    );
    expect(moves).toEqual([
      { reason: 'order_reserved', on_hand_delta: 0, reserved_delta: 3 },
      { reason: 'order_fulfilled', on_hand_delta: -2, reserved_delta: -2 },
      { reason: 'order_fulfilled', on_hand_delta: -1, reserved_delta: -1 },
    ]);
  });

  it('cancelled at the counter: the card refunded once, the stock back on the web, the store told', async () => {
    const other = await otherRegisterStream(hub, 'DEMO-S1-R2');
    try {
      const before = await level(hub.db, 'store-1', 'SKU-00017');
      const placed = await place([{ sku: 'SKU-00017', qty: 2 }]);
      const cancelled = { ...placed, status: 'cancelled' as const, updatedAt: later() };
      expect((await push(placed, cancelled)).json()).toEqual([]);
      expect(refunds.asked.filter((r) => r.idempotencyKey === `cancel:${placed.id}`)).toEqual([
        {
          reference: placed.payment.reference,
          idempotencyKey: `cancel:${placed.id}`,
          amount: placed.totals.gross,
        },
      ]);
      expect(await level(hub.db, 'store-1', 'SKU-00017')).toEqual(before);
      const moves = await hub.db.query<{ reason: string; reserved_delta: number }>(
        'SELECT reason, reserved_delta FROM stock_movements WHERE order_id = $1 ORDER BY id',
        [placed.id],
      );
      expect(moves).toEqual([
        { reason: 'order_reserved', reserved_delta: 2 },
        { reason: 'order_released', reserved_delta: -2 },
      ]);
      await other.waitFor((d) => d.includes('"collection":"orders"') && d.includes(placed.id));
      // Pushed again from the version it was decided on: the hub already agrees, so no conflict, no refund.
      expect((await push(placed, cancelled)).json()).toEqual([]);
      expect(refunds.asked.filter((r) => r.idempotencyKey === `cancel:${placed.id}`)).toHaveLength(1);
    } finally {
      other.close();
    }
  });

  it('a refund the card refuses on a counter cancellation becomes an exception for a person', async () => {
    const placed = await place([{ sku: 'SKU-00018', qty: 1 }]);
    refunds.failure = 'refuse';
    try {
      expect((await push(placed, { ...placed, status: 'cancelled', updatedAt: later() })).json()).toEqual([]);
    } finally {
      refunds.failure = null;
    }
    expect((await stored(placed.id)).status).toBe('cancelled');
    const res = await hub.app.inject({
      url: '/api/v1/exceptions?kind=order_unfulfillable&status=all&limit=1000',
      headers: ADMIN,
    });
    const mine = (res.json() as { exceptions: { orderId: string; message: string }[] }).exceptions.filter(
      (e) => e.orderId === placed.id,
    );
    expect(mine.map((e) => e.message)).toEqual([
      `order ${placed.number} was cancelled but its refund failed: the card account is closed`,
    ]);
  });

  it('steps taken offline (picking, ready, collected) arrive as one push and apply', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00011');
    const placed = await place([{ sku: 'SKU-00011', qty: 2 }]);
    const collected = { ...placed, status: 'collected' as const, updatedAt: later() };
    expect((await push(placed, collected)).json()).toEqual([]);
    expect(await level(hub.db, 'store-1', 'SKU-00011')).toEqual({
      onHand: before.onHand - 2,
      reserved: before.reserved,
    });
  });

  it('a register cannot expire, ship or over-collect: the hub answers its own state and nothing moves', async () => {
    const placed = await place([{ sku: 'SKU-00012', qty: 1 }]);
    const ready = { ...placed, status: 'ready' as const, updatedAt: later() };
    await push(placed, ready);
    const master = await stored(placed.id);
    for (const status of ['expired', 'shipped', 'placed'] as const) {
      const res = await push(master, { ...master, status, updatedAt: later() });
      expect(res.json()[0]).toMatchObject({ id: placed.id, status: 'ready' });
    }
    const tooMany = { id: 'pk-x', at: later(), lines: [{ lineId: '1', qty: 2 }] };
    const res = await push(master, { ...master, pickups: [tooMany], updatedAt: later() });
    expect(res.json()[0]).toMatchObject({ status: 'ready' });
    expect((await level(hub.db, 'store-1', 'SKU-00012')).reserved).toBeGreaterThanOrEqual(1);
    expect(await count(hub.db, 'exceptions', "kind = 'order_conflict' AND order_id = $1", [placed.id])).toBe(
      1,
    );
    const [raised] = await hub.db.query<{ message: string; details: { handedOver: unknown[] } }>(
      "SELECT message, details FROM exceptions WHERE kind = 'order_conflict' AND order_id = $1",
      [placed.id],
    );
    expect(raised?.message).toBe(
      `order ${placed.number} is ready at the hub, but a register marked it ready (over collected)`,
    );
    expect(raised?.details.handedOver).toEqual([tooMany]);
  });

  it('cancelled on the web while collected at the counter: an exception, once; the hub state stands', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00013');
    const placed = await place([{ sku: 'SKU-00013', qty: 1 }]);
    const ready = { ...placed, status: 'ready' as const, updatedAt: later() };
    await push(placed, ready);
    const master = await stored(placed.id);
    const cancel = await admin(`/api/v1/admin/orders/${placed.number}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(await level(hub.db, 'store-1', 'SKU-00013')).toEqual(before);

    const collected = { ...master, status: 'collected' as const, updatedAt: later() };
    const res = await push(master, collected);
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ id: placed.id, status: 'cancelled' });
    await push(master, collected);
    const list = await hub.app.inject({ url: '/api/v1/exceptions?kind=order_conflict', headers: ADMIN });
    const mine = list.json().exceptions.filter((e: { orderId: string }) => e.orderId === placed.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].details).toMatchObject({ hubStatus: 'cancelled', pushedStatus: 'collected' });
    expect(mine[0].message).toBe(
      `order ${placed.number} is cancelled at the hub, but a register marked it collected`,
    );
    expect(await level(hub.db, 'store-1', 'SKU-00013')).toEqual(before);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('a ready order nobody collects expires: its reservation goes back to the web', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00014');
    const placed = await place([{ sku: 'SKU-00014', qty: 2 }]);
    await push(placed, { ...placed, status: 'ready', updatedAt: later() });
    expect((await level(hub.db, 'store-1', 'SKU-00014')).reserved).toBe(before.reserved + 2);
    // Not yet: the run now leaves it alone.
    expect((await admin('/api/v1/admin/orders/expire')).json().expired).not.toContain(placed.number);
    const expired = await expireOrders(hub.app.hub, new Date(Date.now() + 8 * 86_400_000));
    expect(expired.map((o) => o.number)).toContain(placed.number);
    expect((await stored(placed.id)).status).toBe('expired');
    expect(await level(hub.db, 'store-1', 'SKU-00014')).toEqual(before);
    const stock = await hub.app.inject({ url: '/api/v1/storefront/stock?sku=SKU-00014' });
    const store1 = stock.json().stores.find((s: { storeId: string }) => s.storeId === 'store-1');
    expect(store1.reserved).toBe(before.reserved);
    // A register that still thinks it ready cannot collect it now.
    const master = await stored(placed.id);
    expect(
      (await push(master, { ...master, status: 'collected', updatedAt: later() })).json()[0],
    ).toMatchObject({
      status: 'expired',
    });
  });

  it('ship orders: pick, then ship with a tracking number; refused moves are 409 and change nothing', async () => {
    const placed = await place([{ sku: 'SKU-00015', qty: 1 }], { type: 'ship' });
    expect(
      (await hub.app.inject({ method: 'POST', url: `/api/v1/admin/orders/${placed.id}/pick` })).statusCode,
    ).toBe(401);
    const early = await admin(`/api/v1/admin/orders/${placed.id}/ship`, { trackingNumber: '1Z999' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_transition');
    expect((await admin(`/api/v1/admin/orders/${placed.id}/pick`)).json().order.status).toBe('picked');
    const totalBefore = (
      await hub.db.query<{ n: number }>(
        "SELECT sum(on_hand)::int AS n FROM stock_levels WHERE sku = 'SKU-00015'",
      )
    )[0]?.n;
    const shipped = await admin(`/api/v1/admin/orders/${placed.id}/ship`, {
      trackingNumber: '1Z999',
      carrier: 'UPS',
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json().order.shipment).toMatchObject({ trackingNumber: '1Z999', carrier: 'UPS' });
    expect((await stored(placed.id)).shipment?.trackingNumber).toBe('1Z999');
    // Shipping again with the same number is a retry: nothing moves twice.
    expect(
      (await admin(`/api/v1/admin/orders/${placed.id}/ship`, { trackingNumber: '1Z999' })).statusCode,
    ).toBe(200);
    const totalAfter = (
      await hub.db.query<{ n: number }>(
        "SELECT sum(on_hand)::int AS n FROM stock_levels WHERE sku = 'SKU-00015'",
      )
    )[0]?.n;
    expect(totalAfter).toBe((totalBefore ?? 0) - 1);
    expect((await admin(`/api/v1/admin/orders/${placed.id}/cancel`)).statusCode).toBe(409);
    const pickup = await place([{ sku: 'SKU-00016', qty: 1 }]);
    expect((await admin(`/api/v1/admin/orders/${pickup.id}/pick`)).json().error.code).toBe(
      'invalid_transition',
    );
    expect((await admin('/api/v1/admin/orders/W999999/pick')).statusCode).toBe(404);
    const list = await hub.app.inject({
      url: '/api/v1/admin/orders?type=ship&status=shipped',
      headers: ADMIN,
    });
    expect(list.json().orders.map((o: WebOrder) => o.id)).toContain(placed.id);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });
});
