/**
 * The pickup and ship state machines, move by move: every (from, to) pair of statuses is allowed or
 * refused as the table says, offline register steps are followed, hand-overs are checked against what is
 * left, and the hub (not the register) records the ready notification and the expiry time.
 */
import { describe, expect, it } from 'vitest';
import {
  type OrderStatus,
  type WebOrder,
  canTransition,
  orderStatusSchema,
} from '@till/shared/schemas/web-order';
import { planPickupMove, reachable, uncollectedAmount } from './fulfilment';

const ALL = orderStatusSchema.options;

/** The moves each fulfilment allows, written out by hand (not derived from the code under test). */
const PICKUP: Record<OrderStatus, OrderStatus[]> = {
  placed: ['picking', 'ready', 'cancelled'],
  picking: ['ready', 'cancelled'],
  ready: ['collected', 'cancelled', 'expired'],
  collected: ['returned'],
  picked: [],
  shipped: [],
  cancelled: [],
  expired: [],
  returned: [],
};
const SHIP: Record<OrderStatus, OrderStatus[]> = {
  placed: ['picked', 'cancelled'],
  picked: ['shipped', 'cancelled'],
  shipped: ['returned'],
  picking: [],
  ready: [],
  collected: [],
  cancelled: [],
  expired: [],
  returned: [],
};

const NOW = new Date('2026-03-02T10:00:00.000Z');
const LATER = '2026-03-02T10:05:00.000Z';

function order(status: OrderStatus, extra: Partial<WebOrder> = {}): WebOrder {
  return {
    id: 'ord-1',
    number: 'W000001',
    status,
    fulfilment: { type: 'pickup', storeId: 'store-1' },
    customerId: 'cus-1',
    customer: { email: 'sam@example.com', name: 'Sam Shopper', phone: null },
    currency: 'USD',
    lines: [
      {
        lineId: '1',
        sku: 'A',
        name: 'A',
        qty: 3,
        unitPrice: 100,
        discount: 0,
        net: 300,
        tax: 0,
        gross: 300,
        taxCode: 'std',
      },
      {
        lineId: '2',
        sku: 'B',
        name: 'B',
        qty: 1,
        unitPrice: 250,
        discount: 0,
        net: 250,
        tax: 0,
        gross: 250,
        taxCode: 'std',
      },
    ],
    totals: { net: 550, tax: 0, gross: 550, discount: 0 } as WebOrder['totals'],
    payment: { method: 'card', amount: 550, reference: 'ch_1' },
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...extra,
  };
}

describe('order state machine', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canTransition(from, to, 'pickup')).toBe(PICKUP[from].includes(to));
    expect(canTransition(from, to, 'ship')).toBe(SHIP[from].includes(to));
  });

  it('register steps taken offline lead on; hub-only statuses are never reachable by a register', () => {
    expect(reachable('placed', 'collected', 'pickup')).toBe(true);
    expect(reachable('picking', 'collected', 'pickup')).toBe(true);
    expect(reachable('placed', 'expired', 'pickup')).toBe(false);
    expect(reachable('cancelled', 'collected', 'pickup')).toBe(false);
    expect(reachable('collected', 'cancelled', 'pickup')).toBe(false);
    expect(reachable('placed', 'shipped', 'ship')).toBe(false);
  });
});

describe('planPickupMove', () => {
  it('ready records the e-mail once and starts the expiry clock', () => {
    const plan = planPickupMove(order('picking'), order('ready', { updatedAt: LATER }), NOW, 7);
    expect(plan.kind).toBe('apply');
    if (plan.kind !== 'apply') return;
    expect(plan.next.status).toBe('ready');
    expect(plan.next.notifications).toEqual([{ kind: 'ready', at: NOW.toISOString(), channel: 'email' }]);
    expect(plan.next.expiresAt).toBe('2026-03-09T10:00:00.000Z');
    expect(plan.take).toEqual([]);
  });

  it('a partial pickup takes only its units and stays ready; the rest makes it collected', () => {
    const first = { id: 'p1', at: LATER, lines: [{ lineId: '1', qty: 2 }] };
    const ready = order('ready');
    const plan = planPickupMove(ready, order('ready', { pickups: [first] }), NOW, 7);
    expect(plan).toMatchObject({ kind: 'apply', take: [{ sku: 'A', qty: 2 }], release: false });
    if (plan.kind !== 'apply') return;
    expect(plan.next.status).toBe('ready');
    expect(uncollectedAmount(plan.next)).toBe(100 + 250);
    const rest = {
      id: 'p2',
      at: LATER,
      lines: [
        { lineId: '1', qty: 1 },
        { lineId: '2', qty: 1 },
      ],
    };
    const second = planPickupMove(plan.next, order('collected', { pickups: [first, rest] }), NOW, 7);
    expect(second).toMatchObject({
      kind: 'apply',
      take: [
        { sku: 'A', qty: 1 },
        { sku: 'B', qty: 1 },
      ],
    });
    if (second.kind === 'apply') expect(second.next.status).toBe('collected');
  });

  it('"collected" with no hand-over listed hands over everything left', () => {
    const plan = planPickupMove(order('ready'), order('collected'), NOW, 7);
    expect(plan).toMatchObject({
      kind: 'apply',
      take: [
        { sku: 'A', qty: 3 },
        { sku: 'B', qty: 1 },
      ],
    });
  });

  it('refuses more units than are left, unknown lines, and hand-overs of a closed order', () => {
    const tooMany = { id: 'p1', at: LATER, lines: [{ lineId: '1', qty: 4 }] };
    expect(planPickupMove(order('ready'), order('ready', { pickups: [tooMany] }), NOW, 7)).toEqual({
      kind: 'refuse',
      reason: 'over_collected',
      significant: true,
    });
    const unknown = { id: 'p1', at: LATER, lines: [{ lineId: '9', qty: 1 }] };
    expect(planPickupMove(order('ready'), order('ready', { pickups: [unknown] }), NOW, 7)).toMatchObject({
      reason: 'unknown_line',
    });
    expect(planPickupMove(order('cancelled'), order('collected'), NOW, 7)).toMatchObject({
      kind: 'refuse',
      significant: true,
    });
  });

  it('a register cannot expire, ship or re-open an order; the same status is nothing to do', () => {
    for (const to of ['expired', 'shipped', 'picked', 'placed'] as const) {
      expect(planPickupMove(order('ready'), order(to), NOW, 7)).toMatchObject({
        kind: 'refuse',
        significant: false,
      });
    }
    expect(planPickupMove(order('ready'), order('picking'), NOW, 7).kind).toBe('refuse');
    expect(planPickupMove(order('ready'), order('ready'), NOW, 7)).toEqual({ kind: 'noop' });
  });

  it('cancelling refunds what was not handed over', () => {
    const handed = { id: 'p1', at: LATER, lines: [{ lineId: '2', qty: 1 }] };
    const plan = planPickupMove(order('ready', { pickups: [handed] }), order('cancelled'), NOW, 7);
    expect(plan).toMatchObject({ kind: 'apply', release: true, refund: 300 });
  });
});
