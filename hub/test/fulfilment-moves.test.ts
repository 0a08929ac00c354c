/**
 * The hub's own moves of web orders — the operators' pick, ship and cancel, and the expiry of pickup
 * orders nobody collected — on both databases, for what money and stock they move and who hears of it:
 * a retried ship with the same tracking number is harmless while another number on a shipped order is
 * refused with what the order is and what was wanted; picking and shipping never refund, cancelling and
 * expiring refund exactly what was not handed over, once, under their own key (and ask the card for
 * nothing when nothing is owed); a refund the card refuses becomes an exception for a person; a move
 * that moves stock or a pickup order tells the store's other registers and the web, and one that changes
 * nothing anyone replicates wakes no hub process. (The counter's side — hand-overs, a register's cancel —
 * is hub/test/fulfilment.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { expireOrders } from '../src/domain/fulfilment-expiry';
import { moveOrder } from '../src/domain/fulfilment-moves';
import { CHANGES_CHANNEL } from '../src/repositories/changes';
import {
  DATABASES,
  type TestHub,
  auth,
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
import { eventually } from '../../test/support/eventually';
import { type StreamClient, openStream } from '../../test/support/sse-client';

const ADMIN = { authorization: 'Bearer demo-admin-key' };
const DAY_MS = 86_400_000;
/** A register of each store other than the one the tests push from. */
const OTHER_REGISTER: Record<string, string> = { 'store-1': 'DEMO-S1-R2', 'store-2': 'DEMO-S2-R1' };

/** A later `updatedAt` for each register change, as the register's clock would give. */
const later = registerClock();

describe.each(DATABASES)('operator moves and expiry of web orders on %s', (kind) => {
  let hub: TestHub;
  let token: string;

  const place = (lines: { sku: string; qty: number }[], fulfilment?: WebOrderOptions['fulfilment']) =>
    placeWebOrder(hub, lines, {
      customer: { email: 'robin@example.com', name: 'Robin Rowe' },
      ...(fulfilment ? { fulfilment } : {}),
    });
  const push = async (assumed: WebOrder, next: WebOrder) => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/orders/push',
      headers: auth(token),
      payload: [{ assumedMasterState: assumed, newDocumentState: next }],
    });
    expect(res.json(), res.body).toEqual([]);
  };
  const stored = async (id: string): Promise<WebOrder> =>
    (await hub.app.inject({ url: `/api/v1/storefront/orders/${id}`, headers: STOREFRONT })).json().order;
  const operator = (id: string, move: 'pick' | 'ship' | 'cancel', payload?: object) =>
    hub.app.inject({
      method: 'POST',
      url: `/api/v1/admin/orders/${id}/${move}`,
      headers: ADMIN,
      ...(payload ? { payload } : {}),
    });
  /** A pickup order made ready at the counter, as the hub stores it. */
  const readyOrder = async (lines: { sku: string; qty: number }[]): Promise<WebOrder> => {
    const placed = await place(lines);
    await push(placed, { ...placed, status: 'ready', updatedAt: later() });
    return stored(placed.id);
  };
  /** Hands line `lineId` of a ready order over in full at the counter; returns the order after. */
  const handOver = async (order: WebOrder, lineId: string): Promise<WebOrder> => {
    const line = order.lines.find((l) => l.lineId === lineId);
    const pickup = { id: `pk-${order.id}-${lineId}`, at: later(), lines: [{ lineId, qty: line?.qty ?? 0 }] };
    await push(order, { ...order, pickups: [...(order.pickups ?? []), pickup], updatedAt: later() });
    return stored(order.id);
  };
  /** The store a ship order's SKU was reserved at. */
  const reservedAt = async (orderId: string): Promise<string> => {
    const rows = await hub.db.query<{ store_id: string }>(
      "SELECT store_id FROM stock_movements WHERE order_id = $1 AND reason = 'order_reserved'",
      [orderId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]?.store_id ?? '';
  };
  const webStockStream = async (sku: string): Promise<StreamClient> =>
    openStream(`${await hub.listen()}/api/v1/storefront/stock/stream?sku=${sku}`);
  /** The exceptions raised for an order (kind, store, message). */
  const exceptionsOf = async (orderId: string) => {
    const res = await hub.app.inject({
      url: '/api/v1/exceptions?kind=order_unfulfillable&status=all&limit=1000',
      headers: ADMIN,
    });
    return (
      res.json() as { exceptions: { orderId: string; storeId: string | null; message: string }[] }
    ).exceptions
      .filter((e) => e.orderId === orderId)
      .map((e) => ({ storeId: e.storeId, message: e.message }));
  };
  /** Every change notification committed from now on, as the hub processes receive them. */
  const watchNotifications = async () => {
    const payloads: string[] = [];
    const stop = await hub.db.listen(CHANGES_CHANNEL, (p) => payloads.push(p));
    return { payloads, stop };
  };

  /** Refunds the hub's gateway was asked for (and whether it refuses them). */
  let refunds: RefundWatch;
  const refundsOf = (order: WebOrder) =>
    refunds.asked
      .filter((r) => r.reference === order.payment.reference)
      .map(({ idempotencyKey, amount }) => ({ idempotencyKey, amount }));

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
    refunds = watchRefunds(hub);
  });
  afterAll(() => hub.close());

  it('a retried ship with the same tracking number answers the order as shipped; another number is refused', async () => {
    const placed = await place([{ sku: 'SKU-00030', qty: 1 }], { type: 'ship' });
    const early = await operator(placed.id, 'ship', { trackingNumber: 'TRK-1' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({
      code: 'invalid_transition',
      message: `order ${placed.number} is placed (ship); it cannot become shipped`,
      status: 'placed',
      wanted: 'shipped',
    });
    expect((await operator(placed.number, 'pick')).json().order.status).toBe('picked');
    const shipped = (await operator(placed.id, 'ship', { trackingNumber: 'TRK-1', carrier: 'DHL' })).json()
      .order as WebOrder;
    expect(shipped.shipment).toMatchObject({ trackingNumber: 'TRK-1', carrier: 'DHL' });

    // The same request again (its answer was lost): the order as it is, nothing stamped anew.
    const retried = await operator(placed.id, 'ship', { trackingNumber: 'TRK-1', carrier: 'DHL' });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().order).toEqual(shipped);

    // Another parcel number on a shipped order is not a retry: refused, and the first number stands.
    const other = await operator(placed.id, 'ship', { trackingNumber: 'TRK-2' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error).toEqual({
      code: 'invalid_transition',
      message: `order ${placed.number} is shipped (ship); it cannot become shipped`,
      status: 'shipped',
      wanted: 'shipped',
    });
    expect(await stored(placed.id)).toEqual(shipped);
  });

  it('a move of an order the hub does not have is unknown_order naming the key', async () => {
    for (const move of ['pick', 'cancel'] as const) {
      const res = await operator('W424242', move);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toEqual({ code: 'unknown_order', message: 'no order W424242' });
    }
  });

  it('picking and shipping never refund; cancelling a picked order refunds its charge once, under its cancel key', async () => {
    const sent = await place([{ sku: 'SKU-00031', qty: 1 }], { type: 'ship' });
    await moveOrder(hub.app.hub, sent.id, { kind: 'pick' });
    // A repeated pick is a retry too.
    await moveOrder(hub.app.hub, sent.id, { kind: 'pick' });
    await moveOrder(hub.app.hub, sent.id, { kind: 'ship', trackingNumber: 'TRK-31', carrier: null });
    await moveOrder(hub.app.hub, sent.id, { kind: 'ship', trackingNumber: 'TRK-31', carrier: null });
    expect(refundsOf(sent)).toEqual([]);

    const dropped = await place([{ sku: 'SKU-00032', qty: 2 }], { type: 'ship' });
    const droppedAt = await reservedAt(dropped.id);
    const before = await level(hub.db, droppedAt, 'SKU-00032');
    await moveOrder(hub.app.hub, dropped.id, { kind: 'pick' });
    expect(refundsOf(dropped)).toEqual([]);
    const cancelled = await moveOrder(hub.app.hub, dropped.number, { kind: 'cancel' });
    expect(cancelled.status).toBe('cancelled');
    expect(refundsOf(dropped)).toEqual([
      { idempotencyKey: `cancel:${dropped.id}`, amount: dropped.payment.amount },
    ]);
    expect(await level(hub.db, droppedAt, 'SKU-00032')).toEqual({
      onHand: before.onHand,
      reserved: before.reserved - 2,
    });
    // Cancelled again (a retried request): the order as it is, and the card is not asked again.
    expect((await operator(dropped.id, 'cancel')).json().order).toEqual(cancelled);
    expect(refundsOf(dropped)).toHaveLength(1);
    expect(await exceptionsOf(dropped.id)).toEqual([]);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('cancelling a pickup order partly handed over refunds only what was not handed over', async () => {
    const ready = await readyOrder([
      { sku: 'SKU-00033', qty: 1 },
      { sku: 'SKU-00034', qty: 2 },
    ]);
    const [taken, left] = ready.lines;
    const partly = await handOver(ready, taken?.lineId ?? '');
    expect(partly.status).toBe('ready');
    const before = await level(hub.db, 'store-1', 'SKU-00034');
    const res = await operator(partly.id, 'cancel');
    expect(res.statusCode, res.body).toBe(200);
    expect(refundsOf(partly)).toEqual([{ idempotencyKey: `cancel:${partly.id}`, amount: left?.gross }]);
    expect(left?.gross).toBeLessThan(partly.payment.amount);
    expect(await level(hub.db, 'store-1', 'SKU-00034')).toEqual({
      onHand: before.onHand,
      reserved: before.reserved - 2,
    });
  });

  it("cancelling a pickup order tells the store's other registers and gives the stock back to the web at once", async () => {
    const placed = await place([{ sku: 'SKU-00035', qty: 2 }]);
    const before = await level(hub.db, 'store-1', 'SKU-00035');
    const register = await otherRegisterStream(hub, 'DEMO-S1-R2');
    const web = await webStockStream('SKU-00035');
    try {
      expect((await operator(placed.id, 'cancel')).statusCode).toBe(200);
      const orders = JSON.parse(
        await register.waitFor((d) => d.includes('"collection":"orders"') && d.includes(placed.id)),
      );
      expect(orders.documents).toContainEqual(
        expect.objectContaining({ id: placed.id, status: 'cancelled' }),
      );
      await register.waitFor((d) => d.includes('"collection":"stock"') && d.includes('store-1:SKU-00035'));
      const frame = JSON.parse(
        await web.waitFor((d) => d.includes('"storeId":"store-1"') && d.includes('SKU-00035')),
      );
      expect(frame).toMatchObject({ sku: 'SKU-00035', reserved: before.reserved - 2, onHand: before.onHand });
    } finally {
      register.close();
      web.close();
    }
  });

  it("picking a ship order wakes no hub process; shipping it tells the web and the reserving store's registers", async () => {
    const placed = await place([{ sku: 'SKU-00036', qty: 1 }], { type: 'ship' });
    const store = await reservedAt(placed.id);
    const before = await level(hub.db, store, 'SKU-00036');
    const register = await otherRegisterStream(hub, OTHER_REGISTER[store] ?? '');
    const web = await webStockStream('SKU-00036');
    const watch = await watchNotifications();
    try {
      // The placement's notification may still be on its way: wait for a marker change, then start clean.
      await place([{ sku: 'SKU-00026', qty: 1 }]);
      await eventually(() => watch.payloads.some((p) => p.includes('SKU-00026')), 5_000, 'the marker');
      watch.payloads.length = 0;
      expect((await operator(placed.id, 'pick')).json().order.status).toBe('picked');
      expect((await operator(placed.id, 'ship', { trackingNumber: 'TRK-36' })).statusCode).toBe(200);
      await eventually(
        () => watch.payloads.some((p) => p.includes('SKU-00036')),
        5_000,
        'the ship notification',
      );
      // Commits are delivered in order: had the pick notified, its notification would be here first.
      expect(watch.payloads).toHaveLength(1);
      const frame = JSON.parse(await web.waitFor((d) => d.includes(`"storeId":"${store}"`)));
      expect(frame).toMatchObject({
        sku: 'SKU-00036',
        onHand: before.onHand - 1,
        reserved: before.reserved - 1,
      });
      await register.waitFor((d) => d.includes('"collection":"stock"') && d.includes(`${store}:SKU-00036`));
    } finally {
      await watch.stop();
      register.close();
      web.close();
    }
  });

  it('a refund the card refuses on an operator cancel becomes an exception for a person; the order stays cancelled', async () => {
    const pickup = await place([{ sku: 'SKU-00037', qty: 1 }]);
    const ship = await place([{ sku: 'SKU-00037', qty: 1 }], { type: 'ship' });
    refunds.failure = 'refuse';
    try {
      expect((await operator(pickup.id, 'cancel')).statusCode).toBe(200);
      expect((await operator(ship.id, 'cancel')).statusCode).toBe(200);
    } finally {
      refunds.failure = null;
    }
    expect((await stored(pickup.id)).status).toBe('cancelled');
    expect(await exceptionsOf(pickup.id)).toEqual([
      {
        storeId: 'store-1',
        message: `order ${pickup.number} is cancelled but its refund failed: the card account is closed`,
      },
    ]);
    // A ship order belongs to no store's counter: the exception is the chain's.
    expect(await exceptionsOf(ship.id)).toEqual([
      {
        storeId: null,
        message: `order ${ship.number} is cancelled but its refund failed: the card account is closed`,
      },
    ]);
  });

  it("expiry refunds what was not handed over, once, tells the store's registers and gives the stock back", async () => {
    const ready = await readyOrder([
      { sku: 'SKU-00038', qty: 1 },
      { sku: 'SKU-00039', qty: 3 },
    ]);
    const [taken, left] = ready.lines;
    const partly = await handOver(ready, taken?.lineId ?? '');
    const before = await level(hub.db, 'store-1', 'SKU-00039');
    const register = await otherRegisterStream(hub, 'DEMO-S1-R2');
    const web = await webStockStream('SKU-00039');
    try {
      const expired = await expireOrders(hub.app.hub, new Date(Date.now() + 8 * DAY_MS));
      expect(expired.find((o) => o.id === partly.id)?.status).toBe('expired');
      expect(refundsOf(partly)).toEqual([{ idempotencyKey: `expire:${partly.id}`, amount: left?.gross }]);
      expect(await level(hub.db, 'store-1', 'SKU-00039')).toEqual({
        onHand: before.onHand,
        reserved: before.reserved - 3,
      });
      // The stream may first carry the hand-over made just before it opened; then the expiry.
      await register.waitFor((d) => {
        if (!d.includes('"collection":"orders"') || !d.includes(partly.id)) return false;
        const { documents } = JSON.parse(d) as { documents: WebOrder[] };
        return documents.some((o) => o.id === partly.id && o.status === 'expired');
      });
      const frame = JSON.parse(await web.waitFor((d) => d.includes('"storeId":"store-1"')));
      expect(frame).toMatchObject({ sku: 'SKU-00039', reserved: before.reserved - 3 });
      // The next run finds it expired already: no second refund.
      expect(
        (await expireOrders(hub.app.hub, new Date(Date.now() + 9 * DAY_MS))).map((o) => o.id),
      ).not.toContain(partly.id);
      expect(refundsOf(partly)).toHaveLength(1);
      expect(await exceptionsOf(partly.id)).toEqual([]);
    } finally {
      register.close();
      web.close();
    }
  });

  it('an expiry run with nothing due changes nothing and wakes no hub process', async () => {
    const watch = await watchNotifications();
    try {
      // Notifications of earlier tests may still be on their way: wait for a marker change, then start clean.
      await place([{ sku: 'SKU-00027', qty: 1 }]);
      await eventually(() => watch.payloads.some((p) => p.includes('SKU-00027')), 5_000, 'the marker');
      watch.payloads.length = 0;
      expect(await expireOrders(hub.app.hub, new Date(0))).toEqual([]);
      const admin = await hub.app.inject({
        method: 'POST',
        url: '/api/v1/admin/orders/expire',
        headers: ADMIN,
      });
      expect(admin.json()).toEqual({ expired: [] });
      // A change that does notify, committed after the runs: it arrives after anything they sent.
      await place([{ sku: 'SKU-00028', qty: 1 }]);
      await eventually(
        () => watch.payloads.some((p) => p.includes('SKU-00028')),
        5_000,
        'the notification of the order placed after the runs',
      );
      expect(watch.payloads.filter((p) => !p.includes('SKU-00028'))).toEqual([]);
    } finally {
      await watch.stop();
    }
  });

  it('a refund the card refuses on expiry becomes an exception naming the expired order', async () => {
    const ready = await readyOrder([{ sku: 'SKU-00027', qty: 1 }]);
    refunds.failure = 'refuse';
    try {
      await expireOrders(hub.app.hub, new Date(Date.now() + 8 * DAY_MS));
    } finally {
      refunds.failure = null;
    }
    expect((await stored(ready.id)).status).toBe('expired');
    expect(refundsOf(ready)).toEqual([
      { idempotencyKey: `expire:${ready.id}`, amount: ready.payment.amount },
    ]);
    expect(await exceptionsOf(ready.id)).toEqual([
      {
        storeId: 'store-1',
        message: `order ${ready.number} is expired but its refund failed: the card account is closed`,
      },
    ]);
  });

  it('an expiring order with nothing left to hand over asks the card for nothing', async () => {
    // The counter turns an order whose last unit is handed over into `collected`, so a ready order with
    // nothing left is written here by hand: should one exist (a hand edit, an older hub), expiring it must
    // not ask the card for a refund of nothing — the gateway would refuse, and a person would chase it.
    const ready = await readyOrder([{ sku: 'SKU-00029', qty: 1 }]);
    const line = ready.lines[0];
    await hub.app.hub.repos.webOrders.updateStatus({
      ...ready,
      pickups: [{ id: `pk-${ready.id}`, at: later(), lines: [{ lineId: line?.lineId ?? '', qty: 1 }] }],
    });
    const expired = await expireOrders(hub.app.hub, new Date(Date.now() + 8 * DAY_MS));
    expect(expired.map((o) => o.id)).toContain(ready.id);
    expect(refundsOf(ready)).toEqual([]);
    expect(await exceptionsOf(ready.id)).toEqual([]);
  });
});
