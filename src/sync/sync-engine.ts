/**
 * The register's sync, assembled: opens the replica for an enrollment, replicates it with the hub and keeps
 * the sync status current (connection, sales waiting, last exchange, problems, quarantine). The renderer
 * starts one engine at start-up; tests start one per simulated register.
 */
import type { RxStorage } from 'rxdb';
import type { Subscription } from 'rxjs';
import { type TillDatabase, openTillDatabase } from './database';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { replicaNameFor } from './enrollment';
import type { OpenEventStream } from './event-stream';
import { createHubClient } from './hub-client';
import { trackPendingSales } from './pending-sales';
import { type Replication, startReplication } from './replication';
import { createSyncStatus } from './status';

/** What the engine needs from its platform. */
export interface SyncEngineOptions {
  storage: RxStorage<unknown, unknown>;
  enrollment: StoredEnrollment;
  fetch: typeof globalThis.fetch;
  openEventStream: OpenEventStream;
  /** Overrides the replica's database name (tests); default: one per hub and store. */
  databaseName?: string;
  retryTime?: number;
}

/** Starts the register's sync. */
export async function startSyncEngine(options: SyncEngineOptions) {
  const { enrollment } = options;
  const status = createSyncStatus();
  const client = createHubClient({
    baseUrl: enrollment.hubUrl,
    token: () => enrollment.token,
    fetch: options.fetch,
    onExchange: (outcome) => status.exchange(outcome),
  });
  const db: TillDatabase = await openTillDatabase({
    name: options.databaseName ?? replicaNameFor(enrollment),
    storage: options.storage,
  });
  const replication: Replication = startReplication({
    db,
    client,
    token: () => enrollment.token,
    openEventStream: options.openEventStream,
    identifier: `${enrollment.hubUrl}|${enrollment.storeId}`,
    retryTime: options.retryTime ?? 1_000,
    onResult: (collection, error) => status.collection(collection, error),
    onQuarantine: (count) => status.quarantined(count),
  });
  status.quarantined((await replication.quarantine.list()).length);
  const subs: Subscription[] = [
    replication.stream.state$.subscribe((s) => {
      status.stream(s);
      // A dropped stream alone cannot tell a hub that is down from one that merely cut the connection;
      // one cheap request can, and its outcome moves the status to offline (or back to online).
      if (s === 'reconnecting') client.health().catch(() => undefined);
    }),
  ];
  const pending = await trackPendingSales(db, replication.states.sales, [
    enrollment.registerId,
    ...(enrollment.formerRegisterIds ?? []),
  ]);
  subs.push(pending.pending$.subscribe((p) => status.pending(p)));

  return {
    db,
    client,
    replication,
    status$: status.status$,
    status: status.current,
    isPending: pending.isPending,
    /** Stops syncing and closes the replica (its data stays on disk). */
    async stop() {
      for (const s of subs) s.unsubscribe();
      pending.stop();
      await replication.cancel();
      await db.close();
    },
  };
}

/** A running sync engine. */
export type SyncEngine = Awaited<ReturnType<typeof startSyncEngine>>;
