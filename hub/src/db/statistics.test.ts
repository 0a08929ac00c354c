/**
 * Planner statistics on embedded PGlite (no autovacuum): a table filled after its last analysis is
 * analysed once it grew, and then left alone until it grows again; a pull page then reads the change
 * index in order instead of sorting every row after the checkpoint.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteDb } from './pglite-adapter';
import type { Db } from './port';
import { analyzeGrownTables } from './statistics';

describe('analyzeGrownTables', () => {
  let db: Db;
  beforeAll(async () => {
    db = pgliteDb(await PGlite.create('memory://'));
    await db.exec(`CREATE TABLE big (store_id text, xid bigint, seq bigint, doc text);
      CREATE INDEX big_changes ON big (store_id, xid, seq);
      CREATE TABLE small (id int);`);
  });
  afterAll(() => db.close());

  const plan = async () =>
    (
      await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT doc FROM big WHERE store_id = 's' AND (xid, seq) > (0, 0) ORDER BY xid, seq LIMIT 1000`,
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');

  it('analyses a table that grew, only once, and the page query then follows the index', async () => {
    await db.exec(`INSERT INTO big SELECT 's', i, i, repeat('x', 200) FROM generate_series(1, 20000) i;
      INSERT INTO small VALUES (1);`);
    const before = await db.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE relname = 'big'`,
    );
    expect(before[0]!.reltuples).toBeLessThanOrEqual(0);

    expect(await analyzeGrownTables(db)).toEqual(['big']);
    const after = await db.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE relname = 'big'`,
    );
    expect(after[0]!.reltuples).toBeGreaterThan(10_000);
    expect(await plan()).toMatch(/Index Scan using big_changes/);
    expect(await plan()).not.toMatch(/Sort/);

    // Nothing grew since: nothing is analysed again.
    expect(await analyzeGrownTables(db)).toEqual([]);
    await db.exec(`INSERT INTO big SELECT 's', i, i, repeat('x', 200) FROM generate_series(20001, 30000) i`);
    expect(await analyzeGrownTables(db)).toEqual(['big']);
  });
});
