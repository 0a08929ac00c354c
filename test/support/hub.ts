/**
 * Hub fixtures: a real hub on PGlite (in memory) or on PostgreSQL (a fresh database per hub, dropped
 * afterwards), migrated and seeded with a small demo catalogue. Every integration test runs once per
 * database kind with `describe.each(DATABASES)`.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp } from '../../hub/src/app';
import type { HubConfig } from '../../hub/src/config';
import { openPg } from '../../hub/src/db/pg-adapter';
import type { Db, DbKind } from '../../hub/src/db/port';
import { databasesFromEnv } from './databases';
import { openTestPglite, prepareTestDatabase } from './hub-template';
import { type StreamClient, openStream } from './sse-client';

export { TEST_PRODUCTS } from './hub-template';

/** The database kinds the suites run on (`TILL_TEST_DATABASES`, test/support/databases.ts). */
export const DATABASES: readonly DbKind[] = databasesFromEnv(process.env.TILL_TEST_DATABASES);

/** The server the PostgreSQL runs create their databases on. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A hub under test. */
export interface TestHub {
  kind: DbKind;
  app: FastifyInstance;
  db: Db;
  /** Connection string of the test database (PostgreSQL only), for a second hub on the same data. */
  url: string | null;
  /** Enrolls a register with a demo code and returns its token. */
  enroll(code?: string): Promise<{ token: string; registerId: string; storeId: string }>;
  /** Listens on a free loopback port (once) and returns `http://127.0.0.1:<port>`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Creates an empty PostgreSQL database and returns its URL and a dropper. */
export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `till_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Starts a migrated, seeded hub on `kind`. */
export async function startHub(
  kind: DbKind,
  config: Partial<HubConfig> = {},
  options: {
    /** Seed the demo PINs with the production scrypt cost (for tests of the seed's verifiers themselves). */
    productionPins?: boolean;
  } = {},
): Promise<TestHub> {
  let db: Db;
  let url: string | null = null;
  let drop: () => Promise<void> = async () => undefined;
  if (kind === 'postgres') {
    const created = await createDatabase();
    url = created.url;
    drop = created.drop;
    db = await openPg({ connectionString: url, poolSize: 25 });
  } else {
    db = await openTestPglite(options.productionPins);
  }
  let app: FastifyInstance;
  try {
    if (kind === 'postgres') await prepareTestDatabase(db, options.productionPins);
    app = await createApp({ db, config: { ...config } });
  } catch (err) {
    await db.close().catch(() => undefined);
    await drop();
    throw err;
  }
  return {
    kind,
    app,
    db,
    url,
    async listen() {
      if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
      return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    },
    async enroll(code = 'DEMO-S1-R1') {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/registers/enroll',
        payload: { code, name: 'test' },
      });
      if (res.statusCode !== 201) throw new Error(`enroll failed: ${res.body}`);
      return res.json();
    },
    async close() {
      // The test database is dropped even when closing the app or the pool fails.
      try {
        await app.close();
        await db.close();
      } finally {
        await drop();
      }
    },
  };
}

/** Starts a second hub on the same PostgreSQL database (another process, as far as the database knows). */
export async function startSecondHub(url: string): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const db = await openPg({ connectionString: url, poolSize: 5 });
  const app = await createApp({ db });
  return {
    app,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** `Authorization` header for a token. */
export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * The sync stream of another register of a store, enrolled with `code` (say `DEMO-S1-R2`), open and past
 * its RESYNC: what the store's other registers hear of a change. Close it when done.
 */
export async function otherRegisterStream(hub: TestHub, code: string): Promise<StreamClient> {
  const base = await hub.listen();
  const stream = await openStream(`${base}/api/v1/sync/stream`, auth((await hub.enroll(code)).token));
  await stream.waitFor((d) => d === 'RESYNC');
  return stream;
}

/** The push body for new documents. */
export const pushBody = (docs: readonly unknown[]) =>
  docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }));

/** Reads one level straight from the database. */
export async function level(
  db: Db,
  storeId: string,
  sku: string,
): Promise<{ onHand: number; reserved: number }> {
  const rows = await db.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM stock_levels WHERE store_id = $1 AND sku = $2',
    [storeId, sku],
  );
  return { onHand: rows[0]?.on_hand ?? 0, reserved: rows[0]?.reserved ?? 0 };
}

/** Counts rows of a table (optionally filtered by a condition with parameters). */
export async function count(db: Db, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

/** Recomputes every level from the ledger and returns the pairs that disagree (none, if all is well). */
export async function ledgerMismatches(db: Db): Promise<unknown[]> {
  return db.query(
    `SELECT l.store_id, l.sku, l.on_hand, l.reserved, m.on_hand AS ledger_on_hand, m.reserved AS ledger_reserved
     FROM stock_levels l
     FULL JOIN (SELECT store_id, sku, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved
                FROM stock_movements GROUP BY store_id, sku) m USING (store_id, sku)
     WHERE l.on_hand IS DISTINCT FROM m.on_hand OR l.reserved IS DISTINCT FROM m.reserved`,
  );
}
