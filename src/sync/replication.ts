/**
 * Replication of every register collection with the hub (DESIGN.md §2–3): pull pages from opaque
 * `(xid, seq)` checkpoints, push with quarantine, and one shared event stream that tells each collection
 * what changed (and `RESYNC` on every reconnect). Failed requests are retried by RxDB after `retryTime`.
 */
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { type CollectionName, collectionNames, collections } from '../shared/schemas/collections';
import type { TillDatabase } from './database';
import { type OpenEventStream, createSyncStream, withDeletedFlag } from './event-stream';
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
}

/** A running replication of every collection. */
export interface Replication {
  states: Record<CollectionName, RxReplicationState<unknown, unknown>>;
  quarantine: Quarantine;
  stream: ReturnType<typeof createSyncStream>;
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
  const quarantine = createQuarantine(options.db);
  const sizes = { ...defaultBatchSizes, ...options.batchSizes };

  const states = Object.fromEntries(
    collectionNames.map((name) => {
      const spec = collections[name];
      const pulls = spec.direction !== 'push';
      const pushes = spec.direction !== 'pull';
      const state = replicateRxCollection<Record<string, unknown>, unknown>({
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
                handler: async (checkpoint: unknown, batchSize: number) => {
                  const page = await options.client.pull<Record<string, unknown>>(
                    name,
                    checkpoint,
                    batchSize,
                  );
                  return { documents: page.documents.map(withDeletedFlag), checkpoint: page.checkpoint };
                },
              },
            }
          : {}),
        ...(pushes
          ? {
              push: {
                batchSize: sizes[name],
                handler: createPushHandler<Record<string, unknown>>({
                  collection: name,
                  primaryKey: spec.primaryKey,
                  client: options.client,
                  quarantine,
                }),
              },
            }
          : {}),
      });
      return [name, state];
    }),
  ) as Record<CollectionName, RxReplicationState<unknown, unknown>>;

  const all = () => Object.values(states);
  return {
    states,
    quarantine,
    stream,
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
      stream.close();
      await Promise.all(all().map((s) => s.cancel()));
    },
  };
}
