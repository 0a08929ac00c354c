/**
 * Pulling by (xid, seq) checkpoint (docs/architecture.md, Sync protocol): pages visit every row exactly
 * once even while writers commit concurrently, a slow transaction committed after a faster one is still
 * pulled, and a token reads only its own store's data. Sales are pushed by one register and pulled by
 * another (a register never pulls back what it pushed: hub/test/sale-origin.test.ts).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SalesRepository } from '../src/repositories/sales';
import { DATABASES, TEST_PRODUCTS, type TestHub, auth, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

interface Page {
  documents: { id?: string; sku?: string; storeId?: string }[];
  checkpoint: { xid: string; seq: number };
}

describe.each(DATABASES)('pull on %s', (kind) => {
  let hub: TestHub;
  /** The register that pushes. */
  let writer: { token: string; registerId: string };
  /** Another register of the same store, that pulls. */
  let token: string;
  const pull = async (collection: string, checkpoint: unknown, limit = 100, t = token): Promise<Page> => {
    const cp = checkpoint === null ? '' : encodeURIComponent(JSON.stringify(checkpoint));
    const res = await hub.app.inject({
      url: `/api/v1/sync/${collection}/pull?checkpoint=${cp}&limit=${limit}`,
      headers: auth(t),
    });
    if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const drain = async (collection: string, from: unknown, limit: number) => {
    const docs: Page['documents'] = [];
    let checkpoint = from;
    for (;;) {
      const page = await pull(collection, checkpoint, limit);
      docs.push(...page.documents);
      checkpoint = page.checkpoint;
      if (page.documents.length < limit) return { docs, checkpoint };
    }
  };

  beforeAll(async () => {
    hub = await startHub(kind);
    writer = await hub.enroll('DEMO-S1-R1');
    token = (await hub.enroll('DEMO-S1-R2')).token;
  });
  afterAll(() => hub.close());

  it('pages the catalogue and answers the same checkpoint when nothing is new', async () => {
    const { docs, checkpoint } = await drain('products', null, 7);
    expect(docs).toHaveLength(TEST_PRODUCTS);
    expect(new Set(docs.map((d) => d.sku)).size).toBe(TEST_PRODUCTS);
    const again = await pull('products', checkpoint, 7);
    expect(again).toEqual({ documents: [], checkpoint });
  });

  it('refuses a malformed checkpoint and an out-of-range limit with 400', async () => {
    const bad = await hub.app.inject({
      url: '/api/v1/sync/products/pull?checkpoint=%7Bnope',
      headers: auth(token),
    });
    expect(bad.json().error.code).toBe('invalid_checkpoint');
    const limit = await hub.app.inject({ url: '/api/v1/sync/products/pull?limit=0', headers: auth(token) });
    expect(limit.statusCode).toBe(400);
    const unknown = await hub.app.inject({ url: '/api/v1/sync/nope/pull', headers: auth(token) });
    expect(unknown.statusCode).toBe(404);
  });

  it("reads only the token's store", async () => {
    const { docs } = await drain('stock', null, 500);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.storeId === 'store-1')).toBe(true);
    const staff = await drain('staff', null, 100);
    expect(staff.docs.map((d) => d.id).sort()).toEqual(['staff-alice', 'staff-bob']);
    const customers = await drain('customers', null, 100);
    expect(customers.docs.length).toBeGreaterThan(0);
    const other = (await hub.enroll('DEMO-S2-R1')).token;
    const theirs = await pull('customers', null, 100, other);
    const mine = new Set(customers.docs.map((d) => d.id));
    expect(theirs.documents.some((d) => mine.has(d.id))).toBe(false);
  });

  it('visits every sale exactly once while writers commit concurrently', async () => {
    const start = (await drain('sales', null, 1000)).checkpoint;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const sales = [0, 1, 2].map((k) =>
          makeSale('store-1', [{ sku: `SKU-000${10 + ((w + i + k) % 20)}`, qty: 1 }]),
        );
        ids.push(...sales.map((s) => s.id));
        const res = await hub.app.inject({
          method: 'POST',
          url: '/api/v1/sync/sales/push',
          headers: auth(writer.token),
          payload: pushBody(sales),
        });
        expect(res.statusCode).toBe(200);
      }
      return ids;
    });
    const seen: string[] = [];
    let checkpoint: unknown = start;
    let writing = true;
    const all = Promise.all(writers).finally(() => (writing = false));
    while (writing) {
      const page = await pull('sales', checkpoint, 5);
      seen.push(...page.documents.map((d) => d.id as string));
      checkpoint = page.checkpoint;
      // Let the writers' I/O run: on PGlite a query can complete without yielding to the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const pushed = (await all).flat();
    seen.push(...(await drain('sales', checkpoint, 5)).docs.map((d) => d.id as string));
    expect(seen.length).toBe(pushed.length);
    expect(new Set(seen)).toEqual(new Set(pushed));
  });

  // PostgreSQL only, and no PGlite case of the xmin bound (`xid < pg_snapshot_xmin(...)`) can exist: PGlite
  // has one connection and runs one transaction at a time, and a query outside a transaction waits for the
  // running one to end. So when a pull (or a stream's starting point) is read, no transaction is open, the
  // snapshot's xmin is the next transaction id, and every committed row lies below it: the bound never holds
  // a row back there, and a hub without it answers every PGlite pull the same.
  if (kind === 'postgres')
    it('pulls a slow transaction that commits after a faster one', async () => {
      const { checkpoint: start } = await drain('sales', null, 1000);
      const slow = makeSale('store-1', [{ sku: 'SKU-00031', qty: 1 }]);
      const fast = makeSale('store-1', [{ sku: 'SKU-00032', qty: 1 }]);
      const client = new pg.Client({ connectionString: hub.url! });
      await client.connect();
      try {
        await client.query('BEGIN');
        // The slow transaction takes its xid (and a seq) first…
        await new SalesRepository({
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
        }).apply([{ doc: slow, pushedBy: writer.registerId }]);
        // …then a faster one commits.
        const res = await hub.app.inject({
          method: 'POST',
          url: '/api/v1/sync/sales/push',
          headers: auth(writer.token),
          payload: pushBody([fast]),
        });
        expect(res.statusCode).toBe(200);
        const during = await pull('sales', start, 100);
        // The fast row is held back while an older transaction is open: taking it would move the
        // checkpoint past the slow row.
        expect(during.documents.map((d) => d.id)).not.toContain(fast.id);
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      const after = await drain('sales', start, 100);
      expect(after.docs.map((d) => d.id)).toEqual([slow.id, fast.id]);
    });
});
