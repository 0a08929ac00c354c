/**
 * What a chaos test checks in the database once the dust has settled: every sale sent is stored exactly
 * once, each moved stock once per line, and every level equals both its ledger and what the sales say.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import { openPg } from '../../hub/src/db/pg-adapter';
import type { Db } from '../../hub/src/db/port';
import { ledgerMismatches } from '../support/hub';

/** Levels keyed `store|sku`. */
export type Levels = Map<string, number>;

/** On-hand of every level of the database. */
export async function readLevels(db: Db): Promise<Levels> {
  const rows = await db.query<{ store_id: string; sku: string; on_hand: number }>(
    'SELECT store_id, sku, on_hand FROM stock_levels',
  );
  return new Map(rows.map((r) => [`${r.store_id}|${r.sku}`, r.on_hand]));
}

/** The verdict on the sales a test sent. */
export interface LedgerVerdict {
  sent: number;
  /** Sent sales found in `sales`. */
  stored: number;
  /** Sent sales not in `sales`. */
  lost: string[];
  /** Sales in `sales` this test never sent (a re-send stored under another id would land here). */
  unexpected: string[];
  /** Sales whose stock movements are not exactly one per line (a doubled or missing movement). */
  doubled: { saleId: string; movements: number; lines: number }[];
  /** Levels that disagree with their ledger (`ledgerMismatches`). */
  ledgerMismatches: unknown[];
  /** Levels that disagree with the opening levels minus what the sent sales sold. */
  levelMismatches: { key: string; expected: number; actual: number | undefined }[];
}

/** Compares the database with the sales sent (all of them acknowledged) and the levels before them. */
export async function checkLedger(
  databaseUrl: string,
  sent: readonly SaleDocument[],
  before: Levels,
): Promise<LedgerVerdict> {
  const db = await openPg({ connectionString: databaseUrl, poolSize: 2 });
  try {
    const storedIds = new Set(
      (await db.query<{ id: string }>('SELECT id::text AS id FROM sales')).map((r) => r.id),
    );
    const sentIds = new Set(sent.map((s) => s.id));
    const movements = new Map(
      (
        await db.query<{ sale_id: string; n: number }>(
          `SELECT sale_id::text AS sale_id, count(*)::int AS n FROM stock_movements
           WHERE sale_id IS NOT NULL GROUP BY sale_id`,
        )
      ).map((r) => [r.sale_id, r.n]),
    );
    const doubled = sent
      .map((s) => ({ saleId: s.id, movements: movements.get(s.id) ?? 0, lines: s.lines.length }))
      .filter((d) => d.movements !== d.lines);

    const expected = new Map(before);
    for (const sale of sent) {
      for (const line of sale.lines) {
        const key = `${sale.storeId}|${line.sku}`;
        expected.set(key, (expected.get(key) ?? 0) - line.qty);
      }
    }
    const after = await readLevels(db);
    const levelMismatches = [...expected]
      .filter(([key, value]) => after.get(key) !== value)
      .map(([key, value]) => ({ key, expected: value, actual: after.get(key) }));

    return {
      sent: sent.length,
      stored: sent.filter((s) => storedIds.has(s.id)).length,
      lost: [...sentIds].filter((id) => !storedIds.has(id)),
      unexpected: [...storedIds].filter((id) => !sentIds.has(id)),
      doubled,
      ledgerMismatches: await ledgerMismatches(db),
      levelMismatches,
    };
  } finally {
    await db.close();
  }
}

/** Opens the hub's database for reading levels before a run. */
export function openForChecks(databaseUrl: string): Promise<Db> {
  return openPg({ connectionString: databaseUrl, poolSize: 2 });
}
