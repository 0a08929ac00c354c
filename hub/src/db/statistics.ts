/**
 * Planner statistics. A pull reads one page in `(store, xid, seq)` order through the change index — but
 * only when the planner knows how big the table is: on a table it believes empty (never analysed: PGlite
 * has no autovacuum, and a PostgreSQL table just filled by a seed or an import is analysed late) it
 * fetches every row after the checkpoint and sorts them for each page, which turns an initial pull of a
 * hundred thousand sales from linear into quadratic. So the hub analyses itself: at start, and then
 * periodically any table that grew by more than a tenth since it was last analysed. Growth is read from
 * the table's file size against the page count the last `ANALYZE` recorded, which works on both engines
 * (PGlite keeps no table statistics counters).
 */
import type { Db, Queryable } from './port';

/** How often growth is checked: PGlite has nothing else to do it; PostgreSQL's autovacuum also does. */
const INTERVAL_MS = { pglite: 10_000, postgres: 30_000 } as const;

const STALE_SQL = `
SELECT c.oid::regclass::text AS name FROM pg_class c
WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
  AND pg_relation_size(c.oid) / current_setting('block_size')::int > greatest(c.relpages, 0) * 1.1 + 8
ORDER BY 1`;

/** Analyses the tables that grew by more than a tenth (and 8 pages) since their last analysis; returns them. */
export async function analyzeGrownTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(STALE_SQL);
  // `regclass` text is already a quoted, schema-qualified-when-needed identifier.
  for (const { name } of rows) await db.query(`ANALYZE ${name}`);
  return rows.map((r) => r.name);
}

/**
 * Keeps statistics fresh: analyses grown tables now and every interval after, until the returned stop
 * function is called. A failed check (database restarting) is tried again at the next interval.
 */
export async function keepStatistics(db: Db, intervalMs: number = INTERVAL_MS[db.kind]): Promise<() => void> {
  await analyzeGrownTables(db);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    analyzeGrownTables(db)
      .catch(() => undefined)
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
