/**
 * Hand-overs at the counter as the hub merges them into its master order, on both databases. A register
 * that pushes `collected` without listing what it handed over means "everything still waiting": the hub
 * records one hand-over of exactly the units left (never a line already taken in full, never a unit
 * twice) under the id `<orderId>:all:<n>`, n counting the order's hand-overs. Units still waiting keep
 * the order `ready` whatever status the register asked for; hand-overs taken offline from `placed` make
 * the order ready with its e-mail and expiry clock, while one on a ready order restarts neither. Pushing
 * `collected` again for a collected order is nothing to do (no conflict for a manager), a register cannot
 * mark an order `returned` that nobody collected, and hand-overs of an order the hub already closed are
 * refused and recorded. A cancellation at the counter refunds what was not handed over: a line partly
 * taken pro rata, a line untouched in full. These are what the store's stock ledger, the customer's
 * e-mail and card, and the managers' exceptions list rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderPickup, WebOrder } from '@till/shared/schemas/web-order';
import { expireOrders } from '../src/domain/fulfilment-expiry';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  ledgerMismatches,
  level,
  startHub,
} from '../../test/support/hub';
import {
  type RefundWatch,
  STOREFRONT,
  placeWebOrder,
  registerClock,
  watchRefunds,
} from '../../test/support/web-orders';

/** A later `updatedAt` for each register change, as the register's clock would give. */
const later = registerClock();

/** Lets the hub's clock move on, so that a time it stamps now differs from one it stamped before. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

describe.each(DATABASES)('counter hand-overs merged into the hub order on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  /** Refunds the hub's gateway was asked for. */
  let refunds: RefundWatch;

  const place = (lines: { sku: string; qty: number }[]) =>
    placeWebOrder(hub, lines, { customer: { email: 'cole@example.com', name: 'Cole Lector' } });
  const push = async (assumed: WebOrder | null, next: WebOrder): Promise<WebOrder[]> => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/orders/push',
      headers: auth(token),
      payload: [{ assumedMasterState: assumed, newDocumentState: next }],
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const stored = async (id: string): Promise<WebOrder> => {
    const res = await hub.app.inject({ url: `/api/v1/storefront/orders/${id}`, headers: STOREFRONT });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().order;
  };
  /** Pushes `ready` from `placed` and returns the hub's ready order. */
  const makeReady = async (placed: WebOrder): Promise<WebOrder> => {
    expect(await push(placed, { ...placed, status: 'ready', updatedAt: later() })).toEqual([]);
    const ready = await stored(placed.id);
    expect(ready.status).toBe('ready');
    return ready;
  };
  const movements = (orderId: string) =>
    hub.db.query<{ sku: string; reason: string; on_hand_delta: number; reserved_delta: number }>(
      'SELECT sku, reason, on_hand_delta, reserved_delta FROM stock_movements WHERE order_id = $1 ORDER BY id',
      [orderId],
    );
  const conflicts = (orderId: string) =>
    count(hub.db, 'exceptions', "kind = 'order_conflict' AND order_id = $1", [orderId]);
  const lineOf = (order: WebOrder, sku: string) => {
    const line = order.lines.find((l) => l.sku === sku);
    if (!line) throw new Error(`no line for ${sku}`);
    return line;
  };

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
    refunds = watchRefunds(hub);
  });
  afterAll(() => hub.close());

  it('"collected" after a partial hand-over takes only what was left, as the order\'s second hand-over', async () => {
    const placed = await place([
      { sku: 'SKU-00020', qty: 2 },
      { sku: 'SKU-00021', qty: 1 },
    ]);
    const a = lineOf(placed, 'SKU-00020');
    const b = lineOf(placed, 'SKU-00021');
    const ready = await makeReady(placed);

    // The whole of one line handed over while the other still waits: the order stays ready.
    const first: OrderPickup = { id: 'hand-1', at: later(), lines: [{ lineId: a.lineId, qty: 2 }] };
    expect(await push(ready, { ...ready, pickups: [first], updatedAt: later() })).toEqual([]);
    const partly = await stored(placed.id);
    expect(partly.status).toBe('ready');
    expect(partly.pickups).toEqual([first]);

    // Then "collected" with no new hand-over listed: the rest (line b only) was handed over.
    const collectedAt = later();
    expect(await push(partly, { ...partly, status: 'collected', updatedAt: collectedAt })).toEqual([]);
    const done = await stored(placed.id);
    expect(done.status).toBe('collected');
    expect(done.pickups).toEqual([
      first,
      { id: `${placed.id}:all:2`, at: collectedAt, lines: [{ lineId: b.lineId, qty: 1 }] },
    ]);
    expect(await movements(placed.id)).toEqual([
      { sku: 'SKU-00020', reason: 'order_reserved', on_hand_delta: 0, reserved_delta: 2 },
      { sku: 'SKU-00021', reason: 'order_reserved', on_hand_delta: 0, reserved_delta: 1 },
      { sku: 'SKU-00020', reason: 'order_fulfilled', on_hand_delta: -2, reserved_delta: -2 },
      { sku: 'SKU-00021', reason: 'order_fulfilled', on_hand_delta: -1, reserved_delta: -1 },
    ]);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('"collected" straight from placed (picking and ready taken offline) hands everything over as the first hand-over', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00022');
    const placed = await place([{ sku: 'SKU-00022', qty: 3 }]);
    const picking = { ...placed, status: 'picking' as const, updatedAt: later() };
    const collectedAt = later();
    expect(await push(placed, { ...picking, status: 'collected', updatedAt: collectedAt })).toEqual([]);
    const done = await stored(placed.id);
    expect(done.status).toBe('collected');
    expect(done.pickups).toEqual([
      { id: `${placed.id}:all:1`, at: collectedAt, lines: [{ lineId: placed.lines[0]?.lineId, qty: 3 }] },
    ]);
    expect(await level(hub.db, 'store-1', 'SKU-00022')).toEqual({
      onHand: before.onHand - 3,
      reserved: before.reserved,
    });
  });

  it('"collected" pushed again for an order already collected is nothing to do: no conflict, nothing for a manager', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00023');
    const placed = await place([{ sku: 'SKU-00023', qty: 1 }]);
    const ready = await makeReady(placed);
    const collected = { ...ready, status: 'collected' as const, updatedAt: later() };
    expect(await push(ready, collected)).toEqual([]);
    const master = await stored(placed.id);
    expect(master.status).toBe('collected');

    // The acknowledgement was lost: the register sends it again, from the version it decided on and from
    // the hub's collected one.
    expect(await push(ready, collected)).toEqual([]);
    expect(await push(master, { ...master, updatedAt: later() })).toEqual([]);
    expect(await conflicts(placed.id)).toBe(0);
    expect((await stored(placed.id)).pickups).toEqual(master.pickups);
    expect(await level(hub.db, 'store-1', 'SKU-00023')).toEqual({
      onHand: before.onHand - 1,
      reserved: before.reserved,
    });
  });

  it('a hand-over listed with "collected" is taken as listed: units still waiting keep the order ready', async () => {
    const placed = await place([{ sku: 'SKU-00024', qty: 3 }]);
    const ready = await makeReady(placed);
    const handed: OrderPickup = {
      id: 'hand-2',
      at: later(),
      lines: [{ lineId: placed.lines[0]?.lineId ?? '', qty: 1 }],
    };
    expect(
      await push(ready, { ...ready, status: 'collected', pickups: [handed], updatedAt: later() }),
    ).toEqual([]);
    const after = await stored(placed.id);
    expect(after.status).toBe('ready');
    expect(after.pickups).toEqual([handed]);
    expect((await movements(placed.id)).filter((m) => m.reason === 'order_fulfilled')).toEqual([
      { sku: 'SKU-00024', reason: 'order_fulfilled', on_hand_delta: -1, reserved_delta: -1 },
    ]);
  });

  it('a partial hand-over taken offline from placed makes the order ready: the e-mail recorded once, the expiry clock started', async () => {
    const placed = await place([{ sku: 'SKU-00025', qty: 2 }]);
    expect(placed.notifications ?? []).toEqual([]);
    const handed: OrderPickup = {
      id: 'hand-3',
      at: later(),
      lines: [{ lineId: placed.lines[0]?.lineId ?? '', qty: 1 }],
    };
    const asked = Date.now();
    expect(await push(placed, { ...placed, status: 'ready', pickups: [handed], updatedAt: later() })).toEqual(
      [],
    );
    const after = await stored(placed.id);
    expect(after.status).toBe('ready');
    expect(after.pickups).toEqual([handed]);
    expect(after.notifications).toEqual([{ kind: 'ready', at: expect.any(String), channel: 'email' }]);
    expect(Date.parse(after.notifications?.[0]?.at ?? '')).toBeGreaterThanOrEqual(asked - 1000);
    // Seven days by default, from the push.
    expect(Date.parse(after.expiresAt ?? '') - asked).toBeGreaterThan(6.9 * 86_400_000);
    // The expiry job sees it as ready too: expired after its time, the unit left released.
    const expired = await expireOrders(hub.app.hub, new Date(Date.now() + 8 * 86_400_000));
    expect(expired.map((o) => o.id)).toContain(placed.id);
  });

  it('a partial hand-over of a ready order restarts neither the expiry clock nor the e-mail', async () => {
    const placed = await place([{ sku: 'SKU-00026', qty: 3 }]);
    const ready = await makeReady(placed);
    expect(ready.notifications).toHaveLength(1);
    expect(ready.expiresAt).toBeDefined();
    await pause();
    const handed: OrderPickup = {
      id: 'hand-4',
      at: later(),
      lines: [{ lineId: placed.lines[0]?.lineId ?? '', qty: 1 }],
    };
    expect(await push(ready, { ...ready, pickups: [handed], updatedAt: later() })).toEqual([]);
    const after = await stored(placed.id);
    expect(after.status).toBe('ready');
    expect(after.expiresAt).toBe(ready.expiresAt);
    expect(after.notifications).toEqual(ready.notifications);
    const [row] = await hub.db.query<{ expires_at: Date | string }>(
      'SELECT expires_at FROM web_orders WHERE id = $1',
      [placed.id],
    );
    expect(new Date(row?.expires_at ?? 0).toISOString()).toBe(ready.expiresAt);
  });

  it('a register cannot mark returned an order nobody collected: the hub answers its own state', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00027');
    const placed = await place([{ sku: 'SKU-00027', qty: 1 }]);
    const [fromPlaced] = await push(placed, { ...placed, status: 'returned', updatedAt: later() });
    expect(fromPlaced).toMatchObject({ id: placed.id, status: 'placed' });
    const ready = await makeReady(placed);
    const [fromReady] = await push(ready, { ...ready, status: 'returned', updatedAt: later() });
    expect(fromReady).toMatchObject({ id: placed.id, status: 'ready' });
    expect((await stored(placed.id)).status).toBe('ready');
    expect(await level(hub.db, 'store-1', 'SKU-00027')).toEqual({
      onHand: before.onHand,
      reserved: before.reserved + 1,
    });
  });

  it('hand-overs of an order the hub already expired are refused and recorded; its stock stays on the web', async () => {
    const before = await level(hub.db, 'store-1', 'SKU-00028');
    const placed = await place([{ sku: 'SKU-00028', qty: 2 }]);
    await makeReady(placed);
    await expireOrders(hub.app.hub, new Date(Date.now() + 8 * 86_400_000));
    const master = await stored(placed.id);
    expect(master.status).toBe('expired');
    const handed: OrderPickup = {
      id: 'hand-5',
      at: later(),
      lines: [{ lineId: placed.lines[0]?.lineId ?? '', qty: 1 }],
    };
    const [answer] = await push(master, {
      ...master,
      status: 'ready',
      pickups: [handed],
      updatedAt: later(),
    });
    expect(answer).toMatchObject({ id: placed.id, status: 'expired' });
    const after = await stored(placed.id);
    expect(after.status).toBe('expired');
    expect(after.pickups ?? []).toEqual([]);
    expect(await level(hub.db, 'store-1', 'SKU-00028')).toEqual(before);
    const [raised] = await hub.db.query<{ message: string; details: { reason: string } }>(
      "SELECT message, details FROM exceptions WHERE kind = 'order_conflict' AND order_id = $1",
      [placed.id],
    );
    expect(raised?.message).toBe(
      `order ${placed.number} is expired at the hub, but a register marked it ready`,
    );
    expect(raised?.details.reason).toBe('not_allowed');
  });

  it('cancelled at the counter after a partial hand-over: a partly taken line refunded pro rata, an untouched line in full', async () => {
    const placed = await place([
      { sku: 'SKU-00029', qty: 3 },
      { sku: 'SKU-00030', qty: 2 },
    ]);
    const partly = lineOf(placed, 'SKU-00029');
    const untouched = lineOf(placed, 'SKU-00030');
    const ready = await makeReady(placed);
    const handed: OrderPickup = { id: 'hand-6', at: later(), lines: [{ lineId: partly.lineId, qty: 1 }] };
    expect(await push(ready, { ...ready, pickups: [handed], updatedAt: later() })).toEqual([]);
    const master = await stored(placed.id);
    expect(await push(master, { ...master, status: 'cancelled', updatedAt: later() })).toEqual([]);

    // Two of the three units still waiting: two thirds of that line's gross, to the nearest minor unit
    // (the seeded price makes that share fractional, so the rounding is exercised).
    expect((partly.gross * 2) % 3).not.toBe(0);
    const expected = Math.round((partly.gross * 2) / 3) + untouched.gross;
    expect(expected).toBeLessThan(placed.payment.amount);
    expect(refunds.asked.filter((r) => r.idempotencyKey === `cancel:${placed.id}`)).toEqual([
      { reference: placed.payment.reference, idempotencyKey: `cancel:${placed.id}`, amount: expected },
    ]);
    expect((await stored(placed.id)).status).toBe('cancelled');
  });
});
