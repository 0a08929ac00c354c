/**
 * Two rules of the conflict handlers at their edges: which hand-overs count as new when a web order
 * conflicts (only those the hub has not recorded, and only while the order can still be collected), and
 * what `sameDocument` treats as the same document (key order and each RxDB bookkeeping field ignored).
 */
import { describe, expect, it } from 'vitest';
import type { OrderPickup, OrderStatus, WebOrder } from '@till/shared/schemas/web-order';
import { aWebOrder } from '../../test/support/domain-fixtures';
import { orderConflictHandler, sameDocument } from './conflicts';

const HUB_TIME = '2026-11-27T10:00:00.000Z';
const COUNTER_TIME = '2026-11-27T11:00:00.000Z';

const order = (status: OrderStatus, updatedAt: string, pickups?: OrderPickup[]) => ({
  ...aWebOrder({ id: 'o-pick', status, updatedAt, ...(pickups ? { pickups } : {}) }),
  _deleted: false,
});
const resolve = (master: WebOrder & { _deleted: boolean }, mine: WebOrder & { _deleted: boolean }) =>
  orderConflictHandler.resolve({ realMasterState: master, newDocumentState: mine }, 'test');

const handedOverAtHub: OrderPickup = {
  id: 'pk-hub',
  at: '2026-11-27T09:30:00.000Z',
  lines: [{ lineId: '1', qty: 1 }],
};
const handedOverHere: OrderPickup = { id: 'pk-here', at: COUNTER_TIME, lines: [{ lineId: '1', qty: 1 }] };

describe('web order conflicts: hand-overs', () => {
  it('does not count a hand-over the hub already recorded as new, nor record it twice', async () => {
    const master = order('ready', HUB_TIME, [handedOverAtHub]);
    const mine = order('collected', COUNTER_TIME, [handedOverAtHub]);
    const resolved = await resolve(master, mine);
    // Still a legal move from the hub's state, so asked for again — with the hub's one pickup, once.
    expect(resolved).toEqual({ ...master, status: 'collected', updatedAt: COUNTER_TIME });
  });

  it.each(['placed', 'picking', 'ready'] as const)(
    'keeps a hand-over made at the counter while the hub still has the order %s',
    async (hubStatus) => {
      const master = order(hubStatus, HUB_TIME);
      const mine = order('collected', COUNTER_TIME, [handedOverHere]);
      const resolved = await resolve(master, mine);
      expect(resolved.pickups).toEqual([handedOverHere]);
      expect(resolved.status).toBe('collected');
      expect(resolved.updatedAt).toBe(COUNTER_TIME);
    },
  );

  it.each(['collected', 'cancelled', 'expired', 'returned'] as const)(
    'does not ask again for a hand-over once the hub has the order %s',
    async (hubStatus) => {
      const master = order(hubStatus, HUB_TIME);
      const resolved = await resolve(master, order('collected', COUNTER_TIME, [handedOverHere]));
      expect(resolved).toEqual(master);
    },
  );
});

describe('sameDocument', () => {
  it.each(['_rev', '_meta', '_attachments'])('ignores %s when only it differs', (field) => {
    const doc = { id: 'd1', qty: 2 };
    expect(sameDocument({ ...doc, [field]: 'one' }, { ...doc, [field]: { other: true } })).toBe(true);
    expect(sameDocument({ ...doc, [field]: 'one' }, doc)).toBe(true);
  });

  it('ignores the order of keys at every depth, however many there are', () => {
    const keys = Array.from({ length: 14 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const forwards = Object.fromEntries(keys.map((k, i) => [k, i]));
    const backwards = Object.fromEntries([...keys].reverse().map((k) => [k, forwards[k]]));
    const shuffled = Object.fromEntries([...keys.slice(7), ...keys.slice(0, 7)].map((k) => [k, forwards[k]]));
    expect(sameDocument(forwards, backwards)).toBe(true);
    expect(sameDocument(backwards, shuffled)).toBe(true);
    expect(
      sameDocument({ nested: forwards, list: [backwards] }, { list: [shuffled], nested: backwards }),
    ).toBe(true);
    expect(sameDocument(forwards, { ...backwards, k13: 99 })).toBe(false);
  });
});
