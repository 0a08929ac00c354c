/**
 * Concurrent pushes: 20 registers push sales over the same SKUs at once — on PostgreSQL through two hub
 * processes, so several transactions really overlap. Rows are locked in one fixed order, so there is no
 * deadlock (no transaction had to be retried), no update is lost and stock equals the ledger.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type TestHub,
  auth,
  ledgerMismatches,
  level,
  pushBody,
  startHub,
  startSecondHub,
} from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

const SKUS = ['SKU-00011', 'SKU-00012', 'SKU-00013', 'SKU-00014', 'SKU-00015', 'SKU-00016'];

describe.each(DATABASES)('concurrent pushes on %s', (kind) => {
  let hub: TestHub;
  let second: { app: FastifyInstance; close(): Promise<void> } | null = null;
  beforeAll(async () => {
    hub = await startHub(kind);
    if (hub.url) second = await startSecondHub(hub.url);
  });
  afterAll(async () => {
    await second?.close();
    await hub.close();
  });

  it('20 clients pushing overlapping SKUs: no deadlock, no lost update, stock exact', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hub.enroll(i % 2 ? 'DEMO-S1-R1' : 'DEMO-S1-R2')),
    );
    const before = new Map(
      await Promise.all(SKUS.map(async (s) => [s, (await level(hub.db, 'store-1', s)).onHand] as const)),
    );
    const sold = new Map(SKUS.map((s) => [s, 0]));
    const requests = tokens.map(async ({ token }, c) => {
      for (let r = 0; r < 5; r++) {
        const sales = Array.from({ length: 8 }, (_, k) => {
          // Each sale takes three SKUs in an order that differs per client, the classic deadlock recipe.
          const picks = [0, 1, 2].map((j) => SKUS[(c * 7 + r * 3 + k + j * (c % 2 ? 1 : 5)) % SKUS.length]!);
          const lines = [...new Set(picks)].map((sku) => ({ sku, qty: 1 + ((c + k) % 3) }));
          for (const l of lines) sold.set(l.sku, sold.get(l.sku)! + l.qty);
          return makeSale('store-1', lines);
        });
        const app = c % 2 && second ? second.app : hub.app;
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/sync/sales/push',
          headers: auth(token),
          payload: pushBody(sales),
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    });
    await Promise.all(requests);
    for (const sku of SKUS) {
      expect((await level(hub.db, 'store-1', sku)).onHand).toBe(before.get(sku)! - sold.get(sku)!);
    }
    expect(await ledgerMismatches(hub.db)).toEqual([]);
    expect(hub.db.stats.retries).toBe(0);
    expect(second?.app.hub.db.stats.retries ?? 0).toBe(0);
  });
});
