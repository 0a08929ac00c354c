/**
 * The hub under the peer bench, in its own process: `--kind=pglite` (PGlite in memory) or
 * `--kind=postgres` (a fresh database on 127.0.0.1:5432, dropped on stop), migrated and demo-seeded by the
 * test fixture, doing all its real work (validation, ledger, change bus, streams). Seeds the initial-pull
 * sales straight into its table, counts a register's sales, and reports its CPU time. Run by
 * `peer-bench.ts`, never on its own.
 */
import { startHub } from '../../test/support/hub';
import { type ChildRequest, ownCpuSeconds, serveBench } from './child';
import { seedSale } from './docs';

const kind = process.argv.includes('--kind=postgres') ? 'postgres' : 'pglite';
const hub = await startHub(kind);
const base = await hub.listen();

/**
 * Seeds `count` recent sales at `storeId`, pushed by a register no client is, in statements of 5,000 rows:
 * the columns the hub's own sales statement fills, with `(xid, seq)` stamped by the table's defaults.
 */
async function seed(storeId: string, count: number): Promise<number> {
  for (let from = 0; from < count; from += 5_000) {
    const rows = Array.from({ length: Math.min(5_000, count - from) }, (_, i) => {
      const doc = seedSale(storeId, from + i);
      const { id, registerId, number, kind: docKind, customerId, currency, totals, createdAt } = doc;
      return {
        ...{ id, store_id: storeId, register_id: registerId, pushed_by: registerId, number, kind: docKind },
        ...{ customer_id: customerId, currency, gross: totals.gross, created_at: createdAt, doc },
      };
    });
    await hub.db.query(
      `INSERT INTO sales (id, store_id, register_id, pushed_by, number, kind, customer_id, currency, gross,
         created_at, doc)
       SELECT * FROM json_to_recordset($1::json) AS x(id uuid, store_id text, register_id text, pushed_by text,
         number text, kind text, customer_id text, currency text, gross bigint, created_at timestamptz, doc jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  // PGlite runs no autovacuum; PostgreSQL's would have analysed a table this size by now.
  await hub.db.exec('ANALYZE sales');
  return count;
}

async function handle(request: ChildRequest): Promise<unknown> {
  switch (request.op) {
    case 'cpu':
      return ownCpuSeconds();
    case 'count': {
      const sql = 'SELECT count(*)::int AS n FROM sales WHERE pushed_by = $1';
      return (await hub.db.query<{ n: number }>(sql, [request.scope]))[0]?.n ?? 0;
    }
    case 'has': {
      const sql = 'SELECT EXISTS (SELECT 1 FROM sales WHERE id = $1) AS found';
      return (await hub.db.query<{ found: boolean }>(sql, [request.saleId]))[0]?.found ?? false;
    }
    case 'levels': {
      const sql = 'SELECT sku, on_hand FROM stock_levels WHERE store_id = $1';
      const rows = await hub.db.query<{ sku: string; on_hand: number }>(sql, [request.storeId]);
      return Object.fromEntries(rows.map((r) => [r.sku, Number(r.on_hand)]));
    }
    case 'seed':
      return seed(request.storeId, request.count);
    case 'backends': {
      if (kind !== 'postgres') return [];
      const sql = 'SELECT pid FROM pg_stat_activity WHERE datname = current_database()';
      return (await hub.db.query<{ pid: number }>(sql)).map((r) => r.pid);
    }
    default:
      throw new Error(`unsupported request ${request.op}`);
  }
}

serveBench(Number(new URL(base).port), handle, () => hub.close());
