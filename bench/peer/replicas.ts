/**
 * The one client of the peer bench: the register's RxDB 17 database (`openTillDatabase`, memory storage),
 * replicated either by the register's own hub replication (`src/sync/replication.ts`) or by RxDB's
 * CouchDB replication plugin (the `sales` collection, the only one a CouchDB peer can serve). Push
 * batches of 100, pull batches of 1,000, retries after 200 ms on both.
 */
import { replicateCouchDB } from 'rxdb/plugins/replication-couchdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { type TillDatabase, openTillDatabase } from '../../src/sync/database';
import { createHubClient } from '../../src/sync/hub-client';
import { type Replication, startReplication } from '../../src/sync/replication';
import { openNodeEventStream } from '../../test/support/register';

/** Documents a push request carries. */
export const PUSH_BATCH = 100;
/** Documents a pull request asks for. */
export const PULL_BATCH = 1_000;
const RETRY_MS = 200;

const storage = getRxStorageMemory();
let opened = 0;

/** A client database and its replication, which starts only when told (until then it is offline). */
export interface Replica {
  db: TillDatabase;
  /** Starts replicating (returns at once). */
  start(): void;
  /** Resolves once every replicated collection has caught up with the server. */
  awaitInitial(): Promise<void>;
  close(): Promise<void>;
}

/** A register identity on a hub. */
export interface Enrolled {
  token: string;
  registerId: string;
  storeId: string;
}

/** Enrolls a register with a demo code (untimed set-up). */
export async function enroll(hubUrl: string, code: string): Promise<Enrolled> {
  const client = createHubClient({ baseUrl: hubUrl, token: () => null, fetch });
  const { token, registerId, storeId } = await client.enroll(code, `peer-${++opened}`);
  return { token, registerId, storeId };
}

/**
 * A register replica on a hub. `salesBatch` is the register's batch size for sales, used for both its
 * pushes and its pulls: 100 where the workload pushes, 1,000 where it pulls.
 */
export async function hubReplica(hubUrl: string, who: Enrolled, salesBatch: number): Promise<Replica> {
  const name = `peerhub${++opened}`;
  const db = await openTillDatabase({ name, storage });
  const client = createHubClient({ baseUrl: hubUrl, token: () => who.token, fetch, timeoutMs: 60_000 });
  let replication: Replication | null = null;
  return {
    db,
    start() {
      replication = startReplication({
        db,
        client,
        token: () => who.token,
        openEventStream: openNodeEventStream,
        retryTime: RETRY_MS,
        batchSizes: { sales: salesBatch },
        identifier: name,
      });
    },
    awaitInitial: () => (replication ?? fail()).awaitInitial(),
    async close() {
      await replication?.cancel();
      await db.remove();
    },
  };
}

/** A replica of the `sales` collection on a CouchDB database (`dbUrl` without a trailing slash). */
export async function couchReplica(dbUrl: string): Promise<Replica> {
  const name = `peercouch${++opened}`;
  const db = await openTillDatabase({ name, storage });
  let state: RxReplicationState<unknown, unknown> | null = null;
  return {
    db,
    start() {
      state = replicateCouchDB({
        replicationIdentifier: name,
        collection: db.sales as never,
        url: `${dbUrl}/`,
        live: true,
        retryTime: RETRY_MS,
        waitForLeadership: false,
        pull: { batchSize: PULL_BATCH },
        push: { batchSize: PUSH_BATCH },
      }) as RxReplicationState<unknown, unknown>;
    },
    awaitInitial: async () => {
      await (state ?? fail()).awaitInitialReplication();
    },
    async close() {
      await state?.cancel();
      await db.remove();
    },
  };
}

function fail(): never {
  throw new Error('the replica was not started');
}
