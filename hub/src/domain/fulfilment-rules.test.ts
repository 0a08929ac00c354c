/**
 * The fulfilment rules the hub's push of an order rests on, as pure functions with hand-written orders
 * (no hub): which statuses a register's offline steps can reach (only through `picking` and `ready`),
 * the ready e-mail recorded once however often an order is marked ready, the expiry clock started when an
 * order first becomes ready and never restarted by a later hand-over, hand-overs of a ship order or a
 * closed order refused, and the part of the amount not handed over (a partly taken line pro rata,
 * rounded; a whole line exact; never more than was paid). The same rules through a real hub, on both
 * databases, are in hub/test/fulfilment-collections.test.ts and hub/test/fulfilment.test.ts; the state
 * machine's table is in ./fulfilment.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { OrderPickup, OrderStatus, WebOrder } from '@till/shared/schemas/web-order';
import { markReady, planPickupMove, reachable, uncollectedAmount } from './fulfilment';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const LATER = new Date('2026-03-04T16:30:00.000Z');
const PUSHED_AT = '2026-03-02T10:05:00.000Z';
const DAY = 86_400_000;

const line = (lineId: string, sku: string, qty: number, gross: number) => ({
  lineId,
  sku,
  name: sku,
  qty,
  unitPrice: Math.round(gross / qty),
  discount: 0,
  net: gross,
  tax: 0,
  gross,
  taxCode: 'std',
});

function order(status: OrderStatus, extra: Partial<WebOrder> = {}): WebOrder {
  const lines = [line('1', 'A', 3, 1000), line('2', 'B', 2, 500)];
  return {
    id: 'ord-7',
    number: 'W000007',
    status,
    fulfilment: { type: 'pickup', storeId: 'store-1' },
    customerId: null,
    customer: { email: 'kim@example.com', name: 'Kim Counter', phone: null },
    currency: 'USD',
    lines,
    totals: { net: 1500, tax: 0, gross: 1500, discount: 0 } as WebOrder['totals'],
    payment: { method: 'card', amount: 1500, reference: 'ch_7' },
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  };
}

const pickup = (id: string, lines: { lineId: string; qty: number }[]): OrderPickup => ({
  id,
  at: PUSHED_AT,
  lines,
});

describe('markReady', () => {
  it('records the ready e-mail on an order not yet told, and starts the expiry clock', () => {
    const ready = markReady(order('picking'), NOW, 3);
    expect(ready.status).toBe('ready');
    expect(ready.notifications).toEqual([{ kind: 'ready', at: NOW.toISOString(), channel: 'email' }]);
    expect(ready.expiresAt).toBe(new Date(NOW.getTime() + 3 * DAY).toISOString());
  });

  it('does not e-mail a customer who was already told the order is ready', () => {
    const told = [{ kind: 'ready' as const, at: '2026-03-01T12:00:00.000Z', channel: 'email' as const }];
    const again = markReady(order('picking', { notifications: told }), LATER, 7);
    expect(again.notifications).toEqual(told);
    expect(again.status).toBe('ready');
  });
});

describe('reachable', () => {
  it('offline steps pass only through picking and ready: returned needs a collection the hub has seen', () => {
    expect(reachable('ready', 'returned', 'pickup')).toBe(false);
    expect(reachable('placed', 'returned', 'pickup')).toBe(false);
    expect(reachable('picking', 'returned', 'pickup')).toBe(false);
    expect(reachable('collected', 'returned', 'pickup')).toBe(true);
    expect(reachable('placed', 'cancelled', 'pickup')).toBe(true);
    expect(reachable('placed', 'ready', 'pickup')).toBe(true);
  });

  it('a ship order has no register steps to a pickup status', () => {
    expect(reachable('placed', 'ready', 'ship')).toBe(false);
    expect(reachable('placed', 'collected', 'ship')).toBe(false);
    expect(reachable('placed', 'picking', 'ship')).toBe(false);
    expect(reachable('placed', 'cancelled', 'ship')).toBe(true);
  });
});

describe('planPickupMove: hand-overs', () => {
  it('a register cannot hand over units of a ship order, nor mark it through pickup steps', () => {
    const ship = order('placed', { fulfilment: { type: 'ship' } });
    const handed = pickup('p1', [{ lineId: '1', qty: 1 }]);
    expect(planPickupMove(ship, order('ready', { pickups: [handed] }), NOW, 7)).toEqual({
      kind: 'refuse',
      reason: 'not_allowed',
      significant: true,
    });
    expect(planPickupMove(ship, order('collected'), NOW, 7)).toEqual({
      kind: 'refuse',
      reason: 'not_allowed',
      significant: true,
    });
    expect(planPickupMove(ship, order('ready'), NOW, 7)).toMatchObject({
      kind: 'refuse',
      reason: 'not_allowed',
    });
  });

  it('hand-overs of an order the hub closed are refused', () => {
    const handed = pickup('p1', [{ lineId: '1', qty: 1 }]);
    for (const closed of ['cancelled', 'expired', 'collected', 'returned'] as const) {
      expect(planPickupMove(order(closed), order('ready', { pickups: [handed] }), NOW, 7)).toEqual({
        kind: 'refuse',
        reason: 'not_allowed',
        significant: true,
      });
    }
  });

  it('"collected" for an order already collected is nothing to do', () => {
    const all = pickup('ord-7:all:1', [
      { lineId: '1', qty: 3 },
      { lineId: '2', qty: 2 },
    ]);
    const collected = order('collected', { pickups: [all] });
    expect(planPickupMove(collected, order('collected', { pickups: [all] }), NOW, 7)).toEqual({
      kind: 'noop',
    });
    expect(planPickupMove(collected, order('collected'), NOW, 7)).toEqual({ kind: 'noop' });
  });

  it('"collected" with nothing listed records the rest as one hand-over, numbered after those before it', () => {
    const first = pickup('p1', [{ lineId: '2', qty: 2 }]);
    const second = pickup('p2', [{ lineId: '1', qty: 1 }]);
    const master = order('ready', { pickups: [first, second] });
    const plan = planPickupMove(
      master,
      order('collected', { pickups: [first, second], updatedAt: PUSHED_AT }),
      NOW,
      7,
    );
    expect(plan).toEqual({
      kind: 'apply',
      next: {
        ...master,
        status: 'collected',
        updatedAt: PUSHED_AT,
        pickups: [first, second, { id: 'ord-7:all:3', at: PUSHED_AT, lines: [{ lineId: '1', qty: 2 }] }],
      },
      take: [{ sku: 'A', qty: 2 }],
      release: false,
      refund: 0,
    });
  });

  it('a hand-over listed with "collected" is taken as listed; units still waiting keep the order ready', () => {
    const handed = pickup('p1', [{ lineId: '1', qty: 3 }]);
    const plan = planPickupMove(order('ready'), order('collected', { pickups: [handed] }), NOW, 7);
    expect(plan).toMatchObject({ kind: 'apply', take: [{ sku: 'A', qty: 3 }] });
    if (plan.kind !== 'apply') return;
    // One line fully handed over is not the order: line 2 still waits.
    expect(plan.next.status).toBe('ready');
    expect(plan.next.pickups).toEqual([handed]);
  });

  it('a partial hand-over from picking makes the order ready, with the e-mail and the expiry clock', () => {
    const handed = pickup('p1', [{ lineId: '2', qty: 1 }]);
    const plan = planPickupMove(order('picking'), order('ready', { pickups: [handed] }), NOW, 5);
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.next.status).toBe('ready');
    expect(plan.next.notifications).toEqual([{ kind: 'ready', at: NOW.toISOString(), channel: 'email' }]);
    expect(plan.next.expiresAt).toBe(new Date(NOW.getTime() + 5 * DAY).toISOString());
  });

  it('a partial hand-over of a ready order keeps its expiry time and sends no second e-mail', () => {
    const told = [{ kind: 'ready' as const, at: NOW.toISOString(), channel: 'email' as const }];
    const expiresAt = new Date(NOW.getTime() + 7 * DAY).toISOString();
    const ready = order('ready', { notifications: told, expiresAt });
    const handed = pickup('p1', [{ lineId: '1', qty: 1 }]);
    const plan = planPickupMove(ready, order('ready', { pickups: [handed] }), LATER, 7);
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.next.status).toBe('ready');
    expect(plan.next.expiresAt).toBe(expiresAt);
    expect(plan.next.notifications).toEqual(told);
  });
});

describe('uncollectedAmount', () => {
  it('a partly taken line counts pro rata, rounded to the minor unit; an untouched line in full', () => {
    // 1000 for three units: two left is 666.67, one left 333.33.
    const one = order('ready', { pickups: [pickup('p1', [{ lineId: '1', qty: 1 }])] });
    expect(uncollectedAmount(one)).toBe(667 + 500);
    const two = order('ready', { pickups: [pickup('p1', [{ lineId: '1', qty: 2 }])] });
    expect(uncollectedAmount(two)).toBe(333 + 500);
    expect(uncollectedAmount(order('ready'))).toBe(1500);
  });

  it('nothing for lines handed over in full, and never more than the customer paid', () => {
    const all = pickup('p1', [
      { lineId: '1', qty: 3 },
      { lineId: '2', qty: 2 },
    ]);
    expect(uncollectedAmount(order('collected', { pickups: [all] }))).toBe(0);
    const discounted = order('ready', { payment: { method: 'card', amount: 1200, reference: 'ch_7' } });
    expect(uncollectedAmount(discounted)).toBe(1200);
  });
});
