/**
 * The hub of `npm run bench:sync`, run as a child process (as it runs on another machine in a store: one
 * thread for both would time neither): PGlite in memory with the bench catalogue. Sends `{ port, seedMs }`
 * once listening; answers `{ countSales: registerId }` with `{ count }`, and stops on `{ stop: true }`.
 */
import type { AddressInfo } from 'node:net';
import { startHub } from '../test/support/hub';
import { applyLevelDeltas, insertMovements } from '../hub/src/repositories/stock';
import { hash } from '../hub/src/domain/seed-catalogue';
import { PRODUCTS, STOCKED, barcodeOf, nameOf, skuOf } from './sync-bench-catalogue';

const started = performance.now();
const hub = await startHub('pglite');
await hub.db.transaction(async (tx) => {
  for (let from = 41; from <= PRODUCTS; from += 10_000) {
    const ns = Array.from({ length: Math.min(10_000, PRODUCTS - from + 1) }, (_, i) => from + i);
    const rows = ns.map((n) => ({ sku: skuOf(n), name: nameOf(n), price: 99 + (hash(`p${n}`) % 500) * 10 }));
    await tx.query(
      `INSERT INTO products (sku, name, price, currency, tax_code, category)
       SELECT p.sku, p.name, p.price, 'USD', 'std', 'Bench'
       FROM jsonb_to_recordset($1::jsonb) AS p(sku text, name text, price bigint)`,
      [JSON.stringify(rows)],
    );
    await tx.query(
      'INSERT INTO product_barcodes (barcode, sku) SELECT * FROM unnest($1::text[], $2::text[])',
      [ns.map(barcodeOf), ns.map(skuOf)],
    );
  }
  const receipts = Array.from({ length: STOCKED }, (_, i) => ({
    ...{ storeId: 'store-1', sku: skuOf(i + 1), onHandDelta: 1_000, reservedDelta: 0, reason: 'receipt' },
  }));
  await insertMovements(tx, receipts);
  await applyLevelDeltas(tx, receipts);
});
// PGlite runs no autovacuum: without statistics the pull's barcode sub-select takes a 3× slower plan.
await hub.db.exec('ANALYZE');
await hub.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = hub.app.server.address() as AddressInfo;
process.send?.({ port, seedMs: performance.now() - started });
process.on('message', async (message: { countSales?: string; stop?: true }) => {
  if (message.stop) {
    await hub.close();
    process.exit(0);
  }
  const sql = 'SELECT count(*)::int AS n FROM sales WHERE register_id = $1';
  const found = await hub.db.query<{ n: number }>(sql, [message.countSales]);
  process.send?.({ count: found[0]?.n ?? 0 });
});
