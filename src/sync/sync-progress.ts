/**
 * The first sync's progress, for the progress bar and the sync details: documents received per
 * collection, and which collections have caught up with the hub at least once.
 */
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { type CollectionName, collectionNames } from '@till/shared/sync/protocol';

/** How far the first sync of each collection has got, for a progress bar. */
export interface SyncProgress {
  /** Documents received from the hub so far, per collection. */
  received: Record<CollectionName, number>;
  /** Collections that have caught up with the hub at least once. */
  caughtUp: CollectionName[];
  /** True once every collection has caught up. */
  done: boolean;
}

/** The part of a collection's replication the progress is read from. */
export type ProgressSource = Pick<
  RxReplicationState<unknown, unknown>,
  'received$' | 'awaitInitialReplication'
>;

/** A snapshot is published after this many documents (and whenever a collection catches up). */
export const PROGRESS_EVERY = 500;

/**
 * Counts documents received per collection until each has caught up. Publishing every document would
 * re-render the progress bar tens of thousands of times during a catalogue's first sync, so a snapshot
 * goes out every PROGRESS_EVERY documents. The subscriptions are added to `subs` (ended on cancel).
 */
export function trackProgress(
  states: Record<CollectionName, ProgressSource>,
  subs: Subscription[],
): Observable<SyncProgress> {
  const received = Object.fromEntries(collectionNames.map((n) => [n, 0])) as Record<CollectionName, number>;
  const caughtUp = new Set<CollectionName>();
  const snapshot = (): SyncProgress => ({
    received: { ...received },
    caughtUp: [...caughtUp],
    done: caughtUp.size === collectionNames.length,
  });
  const progress$ = new BehaviorSubject<SyncProgress>(snapshot());
  let sinceLast = 0;
  for (const name of collectionNames) {
    const state = states[name];
    subs.push(
      state.received$.subscribe(() => {
        received[name] += 1;
        sinceLast += 1;
        if (sinceLast >= PROGRESS_EVERY) {
          sinceLast = 0;
          progress$.next(snapshot());
        }
      }),
    );
    void state.awaitInitialReplication().then(
      () => {
        caughtUp.add(name);
        progress$.next(snapshot());
      },
      () => undefined,
    );
  }
  return progress$.asObservable();
}
