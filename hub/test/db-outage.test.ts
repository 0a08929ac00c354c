/**
 * Outage semantics on PostgreSQL: the hub reaches its database through a TCP relay the test controls, so
 * "stopping PostgreSQL" (no new connections, every open one cut) touches nobody else's server. While it is
 * down every request — reads, writes, enrollment, register calls with a cached token — answers 503
 * `db_unavailable` with `Retry-After` (never 500 `internal`); once it is back, the same requests succeed.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { migrate } from '../src/db/migrate';
import { openPg } from '../src/db/pg-adapter';
import type { Db } from '../src/db/port';
import { seedDemo } from '../src/domain/seed';
import { DATABASES, auth, createDatabase, pushBody } from '../../test/support/hub';
import { eventually } from '../../test/support/eventually';
import { makeSale } from '../../test/support/sales';

/** A TCP relay to PostgreSQL that can be stopped (refusing and cutting connections) and started again. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = async () => {
    server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      const cut = () => {
        client.destroy();
        upstream.destroy();
      };
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', cut);
        s.on('close', () => {
          sockets.delete(s);
          cut();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    start,
    async stop() {
      const closing = new Promise((resolve) => server?.close(resolve));
      for (const s of sockets) s.destroy();
      await closing;
    },
  };
}

describe.runIf(DATABASES.includes('postgres'))('PostgreSQL down', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createDatabase();
    const direct = new URL(database.url);
    relay = await startRelay(direct);
    const relayed = new URL(database.url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    db = await openPg({ connectionString: relayed.toString(), poolSize: 4, connectTimeoutMs: 1000 });
    await migrate(db);
    await seedDemo(db, { products: 40 });
    app = await createApp({ db });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await relay?.stop();
    await database?.drop();
  });

  it('answers 503 db_unavailable with Retry-After while it is down, and recovers', async () => {
    const { token } = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/registers/enroll',
        payload: { code: 'DEMO-S1-R1', name: 'outage' },
      })
    ).json();
    const requests = [
      () => app.inject({ url: '/api/v1/storefront/products?q=Oat' }),
      () => app.inject({ url: '/api/v1/storefront/stock?sku=SKU-00001' }),
      // The token is cached by now: the request gets past authentication and fails at the data.
      () => app.inject({ url: '/api/v1/sync/products/pull', headers: auth(token) }),
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/sync/sales/push',
          headers: auth(token),
          payload: pushBody([makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }])]),
        }),
      () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/registers/enroll',
          payload: { code: 'DEMO-S1-R2', name: 'during the outage' },
        }),
    ];
    for (const request of requests) expect((await request()).statusCode).toBeLessThan(300);

    await relay.stop();
    for (const request of [...requests, () => app.inject({ url: '/health' })]) {
      const res = await request();
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('db_unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }

    await relay.start();
    await eventually(async () => (await app.inject({ url: '/health' })).statusCode === 200, 15_000);
    for (const request of requests) expect((await request()).statusCode).toBeLessThan(300);
  });
});
