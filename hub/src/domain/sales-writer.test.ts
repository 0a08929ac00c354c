/** Unit tests of the group commit: concurrent pushes share a transaction, and a failure stays with its request. */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { Db } from '../db/port';
import { SalesWriter } from './sales-writer';

const sale = (id: string) =>
  ({
    id,
    storeId: 'store-1',
    kind: 'sale',
    customerId: null,
    lines: [],
    totals: { gross: 0 },
  }) as unknown as SaleDocument;

/** A database that records each statement's sale ids and fails any statement containing `bad`. */
function fakeDb(): Db & { batches: string[][] } {
  const batches: string[][] = [];
  const db: Db & { batches: string[][] } = {
    kind: 'postgres' as const,
    stats: { retries: 0 },
    batches,
    async query<R>(_sql: string, params?: readonly unknown[]) {
      const ids = (JSON.parse(String(params?.[0])) as { id: string }[]).map((s) => s.id);
      batches.push(ids);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (ids.includes('bad')) throw new Error('boom');
      return [{ inserted: ids }] as R[];
    },
    exec: async () => undefined,
    transaction: async (fn) => fn(db),
    listen: async () => async () => undefined,
    close: async () => undefined,
  };
  return db;
}

describe('SalesWriter', () => {
  it('applies requests that queue up during a transaction together, and isolates a failing one', async () => {
    const db = fakeDb();
    const writer = new SalesWriter(db, 1);
    const first = writer.apply([sale('a')]);
    const second = writer.apply([sale('b'), sale('c')]);
    const third = writer.apply([sale('bad')]);
    const fourth = writer.apply([sale('b')]);
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    await expect(third).rejects.toThrow('boom');
    await expect(fourth).resolves.toBeUndefined();
    // a alone; then b, c, bad (and b again, deduplicated) in one statement; it failed, so one by one.
    expect(db.batches).toEqual([['a'], ['b', 'c', 'bad'], ['b', 'c'], ['bad'], ['b']]);
  });
});
