/**
 * The push handler against a real hub with a small body limit: big batches are split, never stuck, and
 * documents the hub refuses by name are quarantined while the rest goes through. (Failures a real hub
 * cannot be made to produce on demand are in push-handler-faults.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { rowsOf, usePushHarness } from '../../test/support/push-harness';
import { makeSale } from '../../test/support/sales';
import { createHubClient } from './hub-client';
import { createPushHandler } from './push-handler';

describe('push handler against a real hub', () => {
  const h = usePushHarness({ bodyLimit: 16_000 });
  const handler = () =>
    createPushHandler<Record<string, unknown>>({
      collection: 'sales',
      primaryKey: 'id',
      client: createHubClient({ baseUrl: h.url, token: () => h.token, fetch }),
      quarantine: h.quarantine,
    });

  it('halves an oversized batch until it fits, and quarantines a sale too large on its own', async () => {
    const small = Array.from({ length: 40 }, () => makeSale('store-1', [{ sku: 'SKU-00010', qty: 1 }]));
    const huge = makeSale(
      'store-1',
      Array.from({ length: 120 }, () => ({ sku: 'SKU-00010', qty: 1 })),
    );
    expect(await handler()(rowsOf([...small.slice(0, 20), huge, ...small.slice(20)]))).toEqual([]);
    expect(await h.onHub(small)).toBe(small.length);
    expect(await h.onHub([huge])).toBe(0);
    expect(await h.quarantine.list()).toMatchObject([{ id: huge.id, code: 'document_too_large' }]);
  });

  it('a 400 quarantines exactly the documents it names, with its reasons, and pushes the rest', async () => {
    const good = Array.from({ length: 7 }, () => makeSale('store-1', [{ sku: 'SKU-00011', qty: 1 }]));
    // A bug wrote sales with zero quantities past recordSale's check; the hub refuses them by name.
    const broken = Array.from({ length: 3 }, () => {
      const sale = makeSale('store-1', [{ sku: 'SKU-00011', qty: 1 }]);
      return { ...sale, lines: sale.lines.map((l) => ({ ...l, qty: 0 })) };
    });
    const batch = [good[0], broken[0], ...good.slice(1, 4), broken[1], ...good.slice(4), broken[2]];
    expect(await handler()(rowsOf(batch as SaleDocument[]))).toEqual([]);
    expect(await h.onHub(good)).toBe(good.length);
    expect(await h.onHub(broken)).toBe(0);
    const entries = await h.quarantine.list();
    expect(entries.map((e) => e.id).sort()).toEqual(broken.map((b) => b.id).sort());
    for (const e of entries) {
      expect(e).toMatchObject({ collection: 'sales', code: 'qty_zero' });
      expect(e.message).not.toBe('');
    }
  });
  it('a 403 naming documents of another store quarantines exactly those and pushes the rest', async () => {
    const good = Array.from({ length: 5 }, () => makeSale('store-1', [{ sku: 'SKU-00013', qty: 1 }]));
    const foreign = makeSale('store-2', [{ sku: 'SKU-00013', qty: 1 }]);
    expect(await handler()(rowsOf([...good.slice(0, 2), foreign, ...good.slice(2)]))).toEqual([]);
    expect(await h.onHub(good)).toBe(good.length);
    expect(await h.onHub([foreign])).toBe(0);
    expect(await h.quarantine.list()).toMatchObject([
      { collection: 'sales', id: foreign.id, code: 'forbidden_store' },
    ]);
  });

  it('a 409 naming an id stored with other content quarantines exactly that one', async () => {
    const stored = makeSale('store-1', [{ sku: 'SKU-00014', qty: 1 }]);
    const push = handler();
    expect(await push(rowsOf([stored]))).toEqual([]);
    // A bug reused the id for another sale: the hub refuses it rather than keep either silently.
    const reused = { ...makeSale('store-1', [{ sku: 'SKU-00014', qty: 2 }]), id: stored.id };
    const good = Array.from({ length: 4 }, () => makeSale('store-1', [{ sku: 'SKU-00014', qty: 1 }]));
    expect(await push(rowsOf([good[0], reused, ...good.slice(1)] as SaleDocument[]))).toEqual([]);
    expect(await h.onHub(good)).toBe(good.length);
    expect(await h.quarantine.list()).toMatchObject([
      { collection: 'sales', id: stored.id, code: 'id_conflict' },
    ]);
    const [row] = await h.hub.db.query<{ number: string }>('SELECT number FROM sales WHERE id = $1', [
      stored.id,
    ]);
    expect(row?.number).toBe(stored.number);
  });
});
