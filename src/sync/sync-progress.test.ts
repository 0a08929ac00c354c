/**
 * First-sync progress from each collection's replication: a snapshot every 500 documents received (not
 * one per document), one whenever a collection catches up, `done` only when all have, and nothing more
 * once its subscriptions are ended.
 */
import { Subject, type Subscription } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type CollectionName, collectionNames } from '@till/shared/sync/protocol';
import { PROGRESS_EVERY, type ProgressSource, type SyncProgress, trackProgress } from './sync-progress';

/** Per collection: a `received$` to emit on, and its first replication to settle by hand. */
function fakeStates() {
  const received = new Map<CollectionName, Subject<unknown>>();
  const settle = new Map<CollectionName, { resolve: () => void; reject: (e: Error) => void }>();
  const states = Object.fromEntries(
    collectionNames.map((name) => {
      const subject = new Subject<unknown>();
      received.set(name, subject);
      const initial = new Promise<void>((resolve, reject) => settle.set(name, { resolve, reject }));
      const state = { received$: subject.asObservable(), awaitInitialReplication: () => initial };
      return [name, state as unknown as ProgressSource];
    }),
  ) as Record<CollectionName, ProgressSource>;
  return {
    states,
    receive: (name: CollectionName, n: number) => {
      for (let i = 0; i < n; i++) received.get(name)!.next({});
    },
    catchUp: (name: CollectionName) => settle.get(name)!.resolve(),
    fail: (name: CollectionName) => settle.get(name)!.reject(new Error('cancelled')),
  };
}

function track() {
  const fake = fakeStates();
  const subs: Subscription[] = [];
  const seen: SyncProgress[] = [];
  trackProgress(fake.states, subs).subscribe((p) => seen.push(p));
  return { ...fake, subs, seen, last: (): SyncProgress => seen[seen.length - 1]! };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('first-sync progress', () => {
  it('starts at nothing received, nothing caught up, not done', () => {
    const t = track();
    expect(t.seen).toHaveLength(1);
    expect(t.last().caughtUp).toEqual([]);
    expect(t.last().done).toBe(false);
    expect(Object.values(t.last().received).every((n) => n === 0)).toBe(true);
  });

  it('publishes once every 500 documents, counted across collections, with the count per collection', () => {
    const t = track();
    t.receive('products', PROGRESS_EVERY - 1);
    expect(t.seen).toHaveLength(1);
    t.receive('stock', 1);
    expect(t.seen).toHaveLength(2);
    expect(t.last().received).toMatchObject({ products: PROGRESS_EVERY - 1, stock: 1, sales: 0 });
    t.receive('products', PROGRESS_EVERY - 1);
    expect(t.seen).toHaveLength(2);
    t.receive('products', 1);
    expect(t.seen).toHaveLength(3);
    expect(t.last().received.products).toBe(2 * PROGRESS_EVERY - 1);
  });

  it('publishes when a collection catches up, and is done only when every collection has', async () => {
    const t = track();
    t.catchUp('settings');
    await settled();
    expect(t.seen).toHaveLength(2);
    expect(t.last().caughtUp).toEqual(['settings']);
    expect(t.last().done).toBe(false);
    const [last, ...rest] = collectionNames.filter((n) => n !== 'settings');
    for (const name of rest) t.catchUp(name);
    await settled();
    expect(t.last().done).toBe(false);
    t.catchUp(last!);
    await settled();
    expect(t.last().done).toBe(true);
    expect([...t.last().caughtUp].sort()).toEqual([...collectionNames].sort());
  });

  it('does not count a collection whose first replication ended without catching up (cancelled)', async () => {
    const t = track();
    t.fail('orders');
    await settled();
    expect(t.seen).toHaveLength(1);
    expect(t.last().caughtUp).toEqual([]);
  });

  it('counts nothing more once its subscriptions are ended', () => {
    const t = track();
    for (const sub of t.subs) sub.unsubscribe();
    t.receive('products', PROGRESS_EVERY);
    expect(t.seen).toHaveLength(1);
  });

  it('hands out copies: a published snapshot does not change as more documents arrive', () => {
    const t = track();
    t.receive('products', PROGRESS_EVERY);
    const first = t.last();
    t.receive('products', PROGRESS_EVERY);
    expect(first.received.products).toBe(PROGRESS_EVERY);
  });
});
