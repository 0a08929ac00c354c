/**
 * `npm run hub`: opens the configured database (PostgreSQL with DATABASE_URL, else PGlite), applies the
 * migrations, seeds an empty database with the demo unless HUB_SEED=none, and listens on PORT (`0` picks
 * a free port; the first line printed names the one it got). With HUB_WORKERS=n (PostgreSQL only) a
 * primary process does the migrating and seeding once and runs n hub processes on the one port
 * (cluster.ts).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { WORKER_HEADER, hubWorkers, isClusterWorker, runPrimary, workerId } from './cluster';
import { type HubConfig, DEMO_ADMIN_KEY, DEMO_STOREFRONT_KEY, loadConfig } from './config';
import { migrate } from './db/migrate';
import { openDb } from './db/open';
import { type SeedSummary, seedDemo } from './domain/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const workers = hubWorkers();
  if (isClusterWorker()) return serve(config, { prepare: false, banner: false });
  if (workers === 1) return serve(config, { prepare: true, banner: true });
  if (!config.databaseUrl) {
    throw new Error(
      `HUB_WORKERS=${workers} needs PostgreSQL (set DATABASE_URL): PGlite runs inside one process`,
    );
  }
  let seed: SeedSummary | null = null;
  await runPrimary({
    workers,
    async prepare() {
      const db = await openDb(config, (err) => console.error('database:', err.message));
      try {
        await migrate(db);
        seed = config.seed === 'demo' ? await seedDemo(db) : null;
      } finally {
        await db.close();
      }
    },
    onListening: (port) => console.log(banner(config, port, seed, workers).join('\n')),
    log: (line) => console.error(line),
  });
}

/**
 * Runs one hub process: its own pool, change bus and streams. In cluster mode the primary has already
 * migrated and seeded, and prints the banner once for all workers.
 */
async function serve(config: HubConfig, options: { prepare: boolean; banner: boolean }): Promise<void> {
  const db = await openDb(config, (err) => console.error('database:', err.message));
  let seed: SeedSummary | null = null;
  if (options.prepare) {
    await migrate(db);
    seed = config.seed === 'demo' ? await seedDemo(db) : null;
  }
  const app = await createApp({ db, config, logger: { level: config.logLevel } });
  const worker = workerId();
  if (worker !== null) {
    // Set on the raw response so event streams (written raw) carry it as well as ordinary replies.
    app.addHook('onRequest', async (_request, reply) => {
      reply.raw.setHeader(WORKER_HEADER, String(worker));
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  if (options.banner) console.log(banner(config, port, seed, 1).join('\n'));

  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** What the hub prints when it listens; the first line names the port. */
function banner(config: HubConfig, port: number, seed: SeedSummary | null, workers: number): string[] {
  const where = config.databaseUrl
    ? `PostgreSQL (${redact(config.databaseUrl)})`
    : `PGlite (${config.dataDir})`;
  const lines = [
    `Till hub listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    `database: ${where}`,
  ];
  if (workers > 1) lines.push(`processes: ${workers} workers sharing the port (HUB_WORKERS)`);
  lines.push(`storefront demo page: http://localhost:${port}/storefront/`);
  if (seed) lines.push(...describeSeed(seed));
  else lines.push('demo enrollment codes (if this database was seeded): DEMO-S1-R1, DEMO-S1-R2, DEMO-S2-R1');
  if (config.storefrontKey === DEMO_STOREFRONT_KEY)
    lines.push(`storefront key: ${DEMO_STOREFRONT_KEY} (demo)`);
  if (config.adminKey === DEMO_ADMIN_KEY) lines.push(`admin key: ${DEMO_ADMIN_KEY} (demo)`);
  lines.push(
    'enrollment codes for real registers: POST /api/v1/admin/enrollment-codes {"storeId"} (admin key)',
  );
  return lines;
}

function describeSeed(seed: SeedSummary): string[] {
  return [
    'seeded the demo:',
    `  stores: ${seed.stores.map((s) => `${s.id} (${s.name})`).join(', ')}`,
    `  enrollment codes: ${seed.codes.map((c) => `${c.code} → ${c.storeId}`).join(', ')}`,
    `  staff PINs: ${seed.staff.map((s) => `${s.name} ${s.pin} (${s.storeId}, ${s.role})`).join('; ')}`,
    `  products: ${seed.products}, e.g. ${seed.sampleProducts.map((p) => `${p.name} [${p.sku}, EAN ${p.barcode}]`).join('; ')}`,
    `  customers with web history, e.g. ${seed.customers.map((c) => c.email).join(', ')}`,
  ];
}

/** A connection string without its password, for the log. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
