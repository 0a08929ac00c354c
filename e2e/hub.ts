/**
 * A real hub for end-to-end tests: the hub's own app on PGlite in memory, migrated and seeded with the demo
 * (a small catalogue), listening on a random loopback port. It can be stopped and started again on the
 * same port with the same data, as a hub process restarting would.
 * The register's page replicates straight from the hub from its own origin; the hub answers CORS for it
 * (hub/src/http/cors.ts).
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../hub/src/app';
import { migrate } from '../hub/src/db/migrate';
import { openPglite } from '../hub/src/db/pglite-adapter';
import { SimulatedGateway } from '../hub/src/domain/gateway';
import { seedDemo } from '../hub/src/domain/seed';

/** The cheapest scrypt parameters a PIN verifier may carry: every test hub hashes four demo PINs. */
const CHEAP_PIN_PARAMS = { logN: 14, r: 8, p: 1 };

/** A hub under test. */
export interface E2eHub {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** Products in its catalogue, as a register replicates them. */
  products: number;
  /** Runs SQL on the hub's database, to check what reached it (e.g. audit entries). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Stops listening (open streams are cut); the data stays. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  /** Stops and drops the data. */
  close(): Promise<void>;
}

/** Starts a hub with `products` demo products. */
export async function startE2eHub(options: { products?: number } = {}): Promise<E2eHub> {
  const db = await openPglite('memory://');
  await migrate(db);
  await seedDemo(db, { products: options.products ?? 120, pinParams: CHEAP_PIN_PARAMS });
  const counted = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
  let app: FastifyInstance | null = null;
  let port = 0;
  // The card gateway is another company's service: it keeps its charges while the hub restarts.
  const gateway = new SimulatedGateway();

  async function start(): Promise<void> {
    const next = await createApp({ db, config: {}, gateway });
    await next.listen({ port, host: '127.0.0.1' });
    port = (next.server.address() as AddressInfo).port;
    app = next;
  }
  async function stop(): Promise<void> {
    const running = app;
    app = null;
    await running?.close();
  }

  await start();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    products: counted[0]?.n ?? 0,
    query: (sql, params) => db.query(sql, params),
    stop,
    start,
    async close() {
      await stop();
      await db.close();
    },
  };
}
