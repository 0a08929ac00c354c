/**
 * The pickup order's state machine as the hub applies it to a register's push (the hub is its authority;
 * the shared transitions are in `src/shared/schemas/web-order.ts`). A register asks for a status
 * (`picking`, `ready`, `collected`, `cancelled`) and may append hand-overs (`pickups`); offline it may
 * have taken several steps at once (picking, ready and collected before its push went out), so a move is
 * accepted when a path of register steps leads there. The hub, not the register, records the customer's
 * ready notification and the expiry time, and works out `collected` (every unit handed over) or `ready`
 * (some units still waiting) from the hand-overs.
 */
import {
  type OrderPickup,
  type OrderStatus,
  type WebOrder,
  canTransition,
  remainingUnits,
} from '@till/shared/schemas/web-order';

/** Statuses a register may ask for; `expired`, `picked` and `shipped` are the hub's alone. */
const REGISTER_TARGETS: readonly OrderStatus[] = ['picking', 'ready', 'collected', 'cancelled', 'returned'];
/** Statuses a register's offline steps may pass through on the way to the one it pushed. */
const REGISTER_STEPS: readonly OrderStatus[] = ['picking', 'ready'];
/** Refused requests that a manager must look at: goods or money changed hands at the counter. */
const SIGNIFICANT: readonly OrderStatus[] = ['collected', 'cancelled'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a register's push of an order amounts to. */
export type PickupPlan =
  | { kind: 'noop' }
  | {
      kind: 'apply';
      next: WebOrder;
      /** Units to take out of stock now (fulfilling their reservation), per SKU. */
      take: { sku: string; qty: number }[];
      /** Release what the reservation still holds (cancelled). */
      release: boolean;
      /** Minor units to refund (the part of a cancelled order not handed over). */
      refund: number;
    }
  | { kind: 'refuse'; reason: 'not_allowed' | 'over_collected' | 'unknown_line'; significant: boolean };

/** Whether register steps lead from `from` to `to` for this kind of fulfilment. */
export function reachable(from: OrderStatus, to: OrderStatus, type: 'pickup' | 'ship'): boolean {
  const seen = new Set<OrderStatus>([from]);
  const queue: OrderStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift() as OrderStatus;
    for (const next of REGISTER_TARGETS) {
      if (!canTransition(at, next, type) || seen.has(next)) continue;
      if (next === to) return true;
      if (REGISTER_STEPS.includes(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** The part of an order's amount not handed over yet (each line's gross pro rata, whole lines exact). */
export function uncollectedAmount(order: WebOrder): number {
  const left = remainingUnits(order);
  let sum = 0;
  for (const line of order.lines) {
    const units = Math.max(0, left.get(line.lineId) ?? 0);
    sum += units === line.qty ? line.gross : Math.round((line.gross * units) / line.qty);
  }
  return Math.min(sum, order.payment.amount);
}

/** Marks an order ready: the customer's e-mail is recorded once and the expiry clock starts. */
export function markReady(order: WebOrder, now: Date, expiryDays: number): WebOrder {
  const notified = (order.notifications ?? []).some((n) => n.kind === 'ready');
  return {
    ...order,
    status: 'ready',
    expiresAt: new Date(now.getTime() + expiryDays * DAY_MS).toISOString(),
    notifications: notified
      ? order.notifications
      : [...(order.notifications ?? []), { kind: 'ready', at: now.toISOString(), channel: 'email' }],
  };
}

/**
 * Plans how the hub's `master` moves for a register's `pushed` document. Only the status and new
 * hand-overs are read from the register; everything else of an order is the hub's.
 */
export function planPickupMove(
  master: WebOrder,
  pushed: WebOrder,
  now: Date,
  expiryDays: number,
): PickupPlan {
  const type = master.fulfilment.type;
  const known = new Set((master.pickups ?? []).map((p) => p.id));
  let fresh: OrderPickup[] = (pushed.pickups ?? []).filter((p) => !known.has(p.id));
  const significant = fresh.length > 0 || SIGNIFICANT.includes(pushed.status);
  const refuse = (reason: 'not_allowed' | 'over_collected' | 'unknown_line'): PickupPlan => ({
    kind: 'refuse',
    reason,
    significant,
  });

  if (fresh.length === 0 && pushed.status === 'collected' && master.status !== 'collected') {
    // "Collected" without hand-overs listed: everything still waiting was handed over.
    const lines = [...remainingUnits(master)]
      .filter(([, qty]) => qty > 0)
      .map(([lineId, qty]) => ({ lineId, qty }));
    fresh = [{ id: `${master.id}:all:${known.size + 1}`, at: pushed.updatedAt, lines }];
  }

  if (fresh.length === 0) {
    if (pushed.status === master.status) return { kind: 'noop' };
    if (!REGISTER_TARGETS.includes(pushed.status) || !reachable(master.status, pushed.status, type)) {
      return refuse('not_allowed');
    }
    let next: WebOrder = { ...master, status: pushed.status, updatedAt: pushed.updatedAt };
    if (pushed.status === 'ready') next = markReady(next, now, expiryDays);
    const cancelled = pushed.status === 'cancelled';
    return {
      kind: 'apply',
      next,
      take: [],
      release: cancelled,
      refund: cancelled ? uncollectedAmount(master) : 0,
    };
  }

  // Hand-overs: the order must be ready (or become ready through register steps).
  if (type !== 'pickup' || (master.status !== 'ready' && !reachable(master.status, 'ready', type))) {
    return refuse('not_allowed');
  }
  const left = remainingUnits(master);
  const skuOf = new Map(master.lines.map((l) => [l.lineId, l.sku]));
  const take = new Map<string, number>();
  for (const pickup of fresh) {
    for (const line of pickup.lines) {
      const sku = skuOf.get(line.lineId);
      if (sku === undefined) return refuse('unknown_line');
      const remaining = (left.get(line.lineId) ?? 0) - line.qty;
      if (remaining < 0) return refuse('over_collected');
      left.set(line.lineId, remaining);
      take.set(sku, (take.get(sku) ?? 0) + line.qty);
    }
  }
  const pickups = [...(master.pickups ?? []), ...fresh];
  const done = [...left.values()].every((n) => n <= 0);
  let next: WebOrder = { ...master, pickups, updatedAt: pushed.updatedAt };
  if (done) next = { ...next, status: 'collected' };
  else next = master.status === 'ready' ? { ...next, status: 'ready' } : markReady(next, now, expiryDays);
  return {
    kind: 'apply',
    next,
    take: [...take].map(([sku, qty]) => ({ sku, qty })),
    release: false,
    refund: 0,
  };
}
