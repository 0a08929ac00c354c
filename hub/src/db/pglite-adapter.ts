/**
 * The database port on embedded PGlite (PostgreSQL compiled to WebAssembly). One connection: PGlite runs
 * transactions one at a time, which is what a single small store needs; LISTEN/NOTIFY works in-process.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './port';

/** Opens PGlite with its data in `dataDir` (a folder, created if missing) or `memory://`. */
export async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  return pgliteDb(pg);
}

/** Wraps an open PGlite instance (tests pass a clone of a migrated template). */
export function pgliteDb(pg: PGlite): Db {
  return {
    kind: 'pglite',
    stats: { retries: 0 },
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await pg.query<R>(sql, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async transaction(fn) {
      // One connection, one transaction at a time: no deadlocks to retry.
      return pg.transaction((tx) => {
        const q: Queryable = {
          async query<R>(sql: string, params?: readonly unknown[]) {
            const result = await tx.query<R>(sql, params as unknown[] | undefined);
            return result.rows;
          },
        };
        return fn(q);
      });
    },
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return async () => unlisten();
    },
    async close() {
      await pg.close();
    },
  };
}
