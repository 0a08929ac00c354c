/**
 * Tracks this register's sales that have not reached the hub yet: the count and the oldest, for the sync
 * status, and "has this sale reached the hub?" per sale. A sale is acknowledged once RxDB has recorded the
 * hub's state of it (after a successful push, or after pulling it back), which survives restarts.
 */
import { getAssumedMasterState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, type Subscription } from 'rxjs';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from './database';

/** Sales waiting for the hub. */
export interface PendingSales {
  count: number;
  /** ISO time of the oldest waiting sale, or null when none waits. */
  oldest: string | null;
}

const CHUNK = 500;
/** How RxDB marks the replica writes its pull makes (`replication-downstream-<checkpoint key>`). */
const PULLED = 'replication-downstream-';

/**
 * Watches the sales replication and keeps the set of unacknowledged sales made on this register: those
 * naming `registerIds` (its id, and the ids it had before re-enrolling in the same store, whose sales may
 * still wait in this replica). Sales pulled from the hub are the hub's already and never count.
 */
export async function trackPendingSales(
  db: TillDatabase,
  state: RxReplicationState<unknown, unknown>,
  registerIds: readonly string[],
) {
  const mine = new Set(registerIds);
  const pending = new Map<string, string>(); // id → createdAt
  const pending$ = new BehaviorSubject<PendingSales>({ count: 0, oldest: null });
  // Sales the hub acknowledged while the scan below runs. RxDB announces a sale as sent before it records
  // the hub's state of it, so on a slow disk the scan can re-add a sale that sent$ already removed, and the
  // re-check after it can still read no record: these are dropped once the scan is over.
  let sentDuringScan: Set<string> | null = new Set();
  // Once per turn of the event loop at most: a drain acknowledges sales by the thousand, one at a time, and
  // finding the oldest on each of them made it quadratic (10,000 sales, 50 million comparisons).
  let scheduled = false;
  const publish = () => {
    // Nothing until the start-up scan is over: half-way, the count would include sales not yet checked.
    if (scheduled || sentDuringScan !== null) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      let oldest: string | null = null;
      for (const at of pending.values()) if (oldest === null || at < oldest) oldest = at;
      pending$.next({ count: pending.size, oldest });
    });
  };

  const subs: Subscription[] = [];
  // Subscribe before the initial scan so nothing pushed meanwhile is missed.
  subs.push(
    state.sent$.subscribe((doc) => {
      const id = (doc as { id?: string }).id;
      if (!id) return;
      sentDuringScan?.add(id);
      if (pending.delete(id)) publish();
    }),
    db.sales.eventBulks$.subscribe((bulk) => {
      // Written by the pull (RxDB's own mark for it, which its push checks too): the hub has these sales.
      if (bulk.context.startsWith(PULLED)) return;
      for (const ev of bulk.events) {
        const sale = ev.documentData as SaleDocument;
        if (ev.operation !== 'INSERT' || !mine.has(sale.registerId)) continue;
        pending.set(sale.id, sale.createdAt);
        publish();
      }
    }),
  );

  await state.startPromise;
  const internal = state.internalReplicationState;
  const scanned = await db.sales.find({ selector: { registerId: { $in: [...mine] } } }).exec();
  for (const d of scanned) pending.set(d.primary, d.createdAt);
  // Then leave out what the hub has acknowledged: RxDB's record of the hub's state, which survives restarts.
  // Read after the scan, so a sale acknowledged while it ran (pushed, or pulled back) is left out too.
  if (internal) {
    const ids = [...pending.keys()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const known = await getAssumedMasterState(internal as never, ids.slice(i, i + CHUNK));
      for (const id of Object.keys(known)) pending.delete(id);
    }
  }
  for (const id of sentDuringScan) pending.delete(id);
  sentDuringScan = null;
  publish();

  return {
    pending$: pending$.asObservable(),
    /** Whether the sale with `id` is still waiting for the hub. */
    isPending: (id: string) => pending.has(id),
    stop() {
      for (const s of subs) s.unsubscribe();
      pending$.complete();
    },
  };
}
