/**
 * `npm run hub`: opens the configured database (PostgreSQL with DATABASE_URL, else PGlite), applies the
 * migrations, seeds an empty database with the demo unless HUB_SEED=none, and listens on PORT (`0` picks
 * a free port; the first line printed names the one it got).
 */
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { DEMO_ADMIN_KEY, DEMO_STOREFRONT_KEY, loadConfig } from './config';
import { migrate } from './db/migrate';
import { openDb } from './db/open';
import { type SeedSummary, seedDemo } from './domain/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDb(config, (err) => console.error('database:', err.message));
  await migrate(db);
  const seed = config.seed === 'demo' ? await seedDemo(db) : null;
  const app = await createApp({ db, config, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;

  const where = config.databaseUrl
    ? `PostgreSQL (${redact(config.databaseUrl)})`
    : `PGlite (${config.dataDir})`;
  const lines = [
    `Till hub listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    `database: ${where}`,
    `storefront demo page: http://localhost:${port}/storefront/`,
  ];
  if (seed) lines.push(...describeSeed(seed));
  else lines.push('demo enrollment codes (if this database was seeded): DEMO-S1-R1, DEMO-S1-R2, DEMO-S2-R1');
  if (config.storefrontKey === DEMO_STOREFRONT_KEY)
    lines.push(`storefront key: ${DEMO_STOREFRONT_KEY} (demo)`);
  if (config.adminKey === DEMO_ADMIN_KEY) lines.push(`admin key: ${DEMO_ADMIN_KEY} (demo)`);
  lines.push(
    'enrollment codes for real registers: POST /api/v1/admin/enrollment-codes {"storeId"} (admin key)',
  );
  console.log(lines.join('\n'));

  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
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
