/**
 * Replication of every register collection with the hub (docs/architecture.md, "Sync protocol"): pull
 * pages from opaque `(xid, seq)` checkpoints, push with quarantine, and one shared event stream that tells
 * each collection what changed (and `RESYNC` on every reconnect). Failed requests are retried by RxDB after
 * `retryTime`.
 */
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow } from 'rxdb';
import type { Observable, Subscription } from 'rxjs';
import { collections } from '@till/shared/schemas/collections';
import {
  type Checkpoint,
  type CollectionName,
  collectionNames,
  isPulled,
  isPushed,
} from '@till/shared/sync/protocol';
import type { TillDatabase } from './database';
import { type OpenEventStream, type ReplicatedDocument, createSyncStream } from './event-stream';
import { type Backoff, createBackoff } from './backoff';
import { type HubClient, HubError } from './hub-client';
import { pullPages } from './pull-pages';
import { createPushHandler } from './push-handler';
import { type Quarantine, createQuarantine } from './quarantine';
import { type SyncProgress, trackProgress } from './sync-progress';

export type { SyncProgress } from './sync-progress';

/**
 * Batch sizes: large for the catalogue's initial sync, moderate for the rest. A pull batch over the
 * protocol's page limit is fetched as several pages and written to the replica as one (`pull-pages.ts`).
 */
export const defaultBatchSizes: Record<CollectionName, number> = {
  products: 5000,
  stock: 5000,
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

  // Set while paused or cancelled: a request waiting out an outage then gives up and leaves it to RxDB.
  let stopped = false;
  // Whether the back-off's failures are an unreachable or busy hub, which any successful pull disproves.
  let failingTransiently = false;

  /**
   * Runs one push behind the shared back-off and reports its outcome. An unreachable or busy hub is waited
   * out here rather than thrown to RxDB: RxDB would add its own `retryTime` before trying again, so the
   * first sale after an outage would land up to that late, whereas this wait ends the moment the stream
   * reopens or a pull goes through (`backoff.poke()`).
   */
  async function guarded<R>(name: CollectionName, request: () => Promise<R>): Promise<R> {
    for (;;) {
      await backoff.wait();
      try {
        const result = await request();
        failingTransiently = false;
        backoff.succeed();
        options.onResult?.(name, null);
        return result;
      } catch (error) {
        failingTransiently = isTransient(error);
        backoff.fail();
        options.onResult?.(name, error);
        if (stopped || !failingTransiently) throw error;
      }
    }
  }

  /** One pull batch; a pull that goes through after an outage releases the pushes waiting it out. */
  async function pull(name: CollectionName, checkpoint: Checkpoint | undefined, batchSize: number) {
    const batch = await pullPages(options.client, name, checkpoint, batchSize);
    if (failingTransiently && backoff.failures() > 0) backoff.poke();
    // RxDB wants `_deleted` on each document (the hub never deletes). Set in place: the documents were
    // just parsed for this batch, and a copy of each would be the only reason to allocate.
    for (const doc of batch.documents) doc._deleted = doc._deleted === true;
    return batch as { documents: ReplicatedDocument[]; checkpoint: Checkpoint };
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
                handler: (checkpoint: Checkpoint | undefined, batchSize: number) =>
                  pull(name, checkpoint, batchSize),
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
      stopped = true;
      backoff.poke();
      await Promise.all(all().map((s) => s.pause()));
    },
    async resume() {
      stopped = false;
      await Promise.all(all().map((s) => s.start()));
    },
    reSync() {
      // Called when the network is back: a push waiting out the outage goes now too.
      backoff.poke();
      for (const s of all()) s.reSync();
    },
    async cancel() {
      stopped = true;
      for (const sub of subs) sub.unsubscribe();
      backoff.poke();
      stream.close();
      await Promise.all(all().map((s) => s.cancel()));
    },
  };
}

/** Failures that say nothing about the request: the hub is unreachable, timed out, or too busy. */
function isTransient(error: unknown): boolean {
  return error instanceof HubError && (error.status === 0 || error.status === 503 || error.status === 504);
}
