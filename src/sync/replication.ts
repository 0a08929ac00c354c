/**
 * Replication of every register collection with the hub (docs/architecture.md, "Sync protocol"): pull
 * pages from opaque `(xid, seq)` checkpoints, push with quarantine, and one shared event stream that tells
 * each collection what changed (and `RESYNC` on every reconnect). Failed requests are retried by RxDB after
 * `retryTime`.
 */
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import { collections } from '@till/shared/schemas/collections';
import {
  type Checkpoint,
  type CollectionName,
  collectionNames,
  isPulled,
  isPushed,
} from '@till/shared/sync/protocol';
import type { TillDatabase } from './database';
import { type OpenEventStream, createSyncStream, withDeletedFlag } from './event-stream';
import { type Backoff, createBackoff } from './backoff';
import type { HubClient } from './hub-client';
import { createPushHandler } from './push-handler';
import { type Quarantine, createQuarantine } from './quarantine';

/** Batch sizes: large pages for the catalogue's initial sync, moderate for the rest. */
export const defaultBatchSizes: Record<CollectionName, number> = {
  products: 1000,
  stock: 1000,
  sales: 500,
  orders: 200,
  customers: 200,
  staff: 200,
  shifts: 100,
  audit: 500,
  settings: 10,
};

/** What replication needs. */
export interface ReplicationOptions {
  db: TillDatabase;
  client: HubClient;
  token: () => string | null;
  openEventStream: OpenEventStream;
  /** Milliseconds between retries of a failed request (RxDB's retryTime). */
  retryTime?: number;
  batchSizes?: Partial<Record<CollectionName, number>>;
  /** Identifies this register's replication; changing it restarts from empty checkpoints. */
  identifier: string;
  /** Shared back-off for failed requests (default: 0.5 s doubling to 30 s, released when the stream reopens). */
  backoff?: Backoff;
  /** Told when the number of quarantined documents changes. */
  onQuarantine?: (count: number) => void;
  /** Told after every pull or push: `error` null on success. Feeds the sync status. */
  onResult?: (collection: CollectionName, error: unknown | null) => void;
}

/** How far the first sync of each collection has got, for a progress bar. */
export interface SyncProgress {
  /** Documents received from the hub so far, per collection. */
  received: Record<CollectionName, number>;
  /** Collections that have caught up with the hub at least once. */
  caughtUp: CollectionName[];
  /** True once every collection has caught up. */
  done: boolean;
}

/** A running replication of every collection. */
export interface Replication {
  states: Record<CollectionName, RxReplicationState<unknown, unknown>>;
  quarantine: Quarantine;
  stream: ReturnType<typeof createSyncStream>;
  /** Initial sync progress (documents received per collection, and which have caught up). */
  progress$: Observable<SyncProgress>;
  /** Resolves when every collection has caught up with the hub at least once. */
  awaitInitial(): Promise<void>;
  /** Resolves when nothing is waiting to be pushed or pulled. */
  awaitInSync(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Pulls every collection from its checkpoint now (after the network comes back, say). */
  reSync(): void;
  cancel(): Promise<void>;
}

/** Starts replicating every collection. Requires an enrolled register (a token). */
export function startReplication(options: ReplicationOptions): Replication {
  const token = options.token();
  if (!token) throw new Error('startReplication: the register is not enrolled');
  const stream = createSyncStream(options.openEventStream, options.client.streamUrl(), token);
  const quarantine = createQuarantine(options.db, options.onQuarantine);
  const sizes = { ...defaultBatchSizes, ...options.batchSizes };
  const backoff = options.backoff ?? createBackoff();
  const subs: Subscription[] = [stream.state$.subscribe((s) => s === 'open' && backoff.poke())];

  /** Runs one request behind the shared back-off and reports its outcome. */
  async function guarded<R>(name: CollectionName, request: () => Promise<R>): Promise<R> {
    await backoff.wait();
    try {
      const result = await request();
      backoff.succeed();
      options.onResult?.(name, null);
      return result;
    } catch (error) {
      backoff.fail();
      options.onResult?.(name, error);
      throw error;
    }
  }

  const pushHandlers = Object.fromEntries(
    collectionNames.map((name) => [
      name,
      createPushHandler<Record<string, unknown>>({
        collection: name,
        primaryKey: collections[name].primaryKey,
        client: options.client,
        quarantine,
      }),
    ]),
  ) as Record<CollectionName, ReturnType<typeof createPushHandler<Record<string, unknown>>>>;

  const states = Object.fromEntries(
    collectionNames.map((name) => {
      const pulls = isPulled(name);
      const pushes = isPushed(name);
      const state = replicateRxCollection<Record<string, unknown>, Checkpoint>({
        collection: options.db.collections[name] as never,
        replicationIdentifier: `${options.identifier}:${name}`,
        live: true,
        retryTime: options.retryTime ?? 5_000,
        waitForLeadership: false,
        autoStart: true,
        ...(pulls
          ? {
              pull: {
                batchSize: sizes[name],
                stream$: stream.for(name) as never,
                handler: async (checkpoint: Checkpoint | undefined, batchSize: number) => {
                  const page = await options.client.pull(name, checkpoint, batchSize);
                  return { documents: page.documents.map(withDeletedFlag), checkpoint: page.checkpoint };
                },
              },
            }
          : {}),
        ...(pushes
          ? {
              push: {
                batchSize: sizes[name],
                handler: (rows: RxReplicationWriteToMasterRow<Record<string, unknown>>[]) =>
                  guarded(name, () => pushHandlers[name](rows)),
              },
            }
          : {}),
      });
      return [name, state];
    }),
  ) as Record<CollectionName, RxReplicationState<unknown, unknown>>;

  const all = () => Object.values(states);
  const progress$ = trackProgress(states, subs);
  return {
    states,
    quarantine,
    stream,
    progress$,
    async awaitInitial() {
      await Promise.all(all().map((s) => s.awaitInitialReplication()));
    },
    async awaitInSync() {
      await Promise.all(all().map((s) => s.awaitInSync()));
    },
    async pause() {
      await Promise.all(all().map((s) => s.pause()));
    },
    async resume() {
      await Promise.all(all().map((s) => s.start()));
    },
    reSync() {
      for (const s of all()) s.reSync();
    },
    async cancel() {
      for (const sub of subs) sub.unsubscribe();
      backoff.poke();
      stream.close();
      await Promise.all(all().map((s) => s.cancel()));
    },
  };
}

/** Counts documents received per collection until each has caught up; publishes every 500 documents. */
function trackProgress(
  states: Record<CollectionName, RxReplicationState<unknown, unknown>>,
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
        if (sinceLast >= 500) {
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
