/** The push handler against a real hub with a small body limit: big batches are split, never stuck. */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestHub, count, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import { openTillDatabase } from './database';
import { createHubClient } from './hub-client';
import { createPushHandler } from './push-handler';
import { createQuarantine } from './quarantine';

describe('push handler and the hub’s body limit', () => {
  let hub: TestHub;
  let url: string;
  beforeAll(async () => {
    hub = await startHub('pglite', { bodyLimit: 16_000 });
    url = await hub.listen();
  });
  afterAll(async () => hub.close());

  it('halves an oversized batch until it fits, and quarantines a sale too large on its own', async () => {
    const { token } = await hub.enroll('DEMO-S1-R1');
    const client = createHubClient({ baseUrl: url, token: () => token, fetch });
    const db = await openTillDatabase({
      name: `push${Math.random().toString(36).slice(2, 10)}`,
      storage: getRxStorageMemory(),
    });
    try {
      const quarantine = createQuarantine(db);
      const push = createPushHandler<Record<string, unknown>>({
        collection: 'sales',
        primaryKey: 'id',
        client,
        quarantine,
      });
      const small = Array.from({ length: 40 }, () => makeSale('store-1', [{ sku: 'SKU-00010', qty: 1 }]));
      const huge = makeSale(
        'store-1',
        Array.from({ length: 120 }, () => ({ sku: 'SKU-00010', qty: 1 })),
      );
      const rows = [...small.slice(0, 20), huge, ...small.slice(20)].map((d) => ({
        assumedMasterState: undefined,
        newDocumentState: { ...d, _deleted: false },
      }));
      expect(await push(rows as never)).toEqual([]);
      for (const sale of small) expect(await count(hub.db, 'sales', 'id = $1', [sale.id])).toBe(1);
      expect(await count(hub.db, 'sales', 'id = $1', [huge.id])).toBe(0);
      expect(await quarantine.list()).toMatchObject([{ id: huge.id, code: 'document_too_large' }]);
    } finally {
      await db.remove();
    }
  });
});
