/**
 * Pull batches larger than a protocol page, against a real hub (PGlite) holding 2,540 products: a batch
 * is fetched as consecutive pages and holds exactly what those pages hold, in order, ending at the last
 * page's checkpoint; a short batch means the hub has no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PULL_LIMIT, type WireDocument } from '@till/shared/sync/protocol';
import { type TestHub, TEST_PRODUCTS, startHub } from '../../test/support/hub';
import { type HubClient, createHubClient } from './hub-client';
import { pullPages } from './pull-pages';

const ADDED = 2_500;
const TOTAL = TEST_PRODUCTS + ADDED;

describe('pullPages', () => {
  let hub: TestHub;
  let client: HubClient;
  const requested: number[] = [];

  beforeAll(async () => {
    hub = await startHub('pglite');
    const rows = Array.from({ length: ADDED }, (_, i) => ({
      sku: `PP-${String(i).padStart(5, '0')}`,
      name: `Item ${i}`,
    }));
    await hub.db.query(
      `INSERT INTO products (sku, name, price, currency, tax_code, category)
       SELECT p.sku, p.name, 100, 'USD', 'std', 'Paging' FROM jsonb_to_recordset($1::jsonb) AS p(sku text, name text)`,
      [JSON.stringify(rows)],
    );
    const baseUrl = await hub.listen();
    let token: string | null = null;
    const counting: typeof fetch = (input, init) => {
      const limit = new URL(String(input)).searchParams.get('limit');
      if (limit) requested.push(Number(limit));
      return fetch(input, init);
    };
    client = createHubClient({ baseUrl, token: () => token, fetch: counting });
    token = (await client.enroll('DEMO-S1-R1', 'pull-pages')).token;
  });
  afterAll(async () => {
    await hub.close();
  });

  it('fetches a batch as consecutive pages and stops at the end of the catalogue', async () => {
    const skus = (docs: WireDocument[]) => docs.map((d) => d.sku);
    // The same catalogue page by page, as the protocol serves it.
    const pages: WireDocument[] = [];
    let at = null as Parameters<HubClient['pull']>[1];
    for (;;) {
      const page = await client.pull('products', at, MAX_PULL_LIMIT);
      if (page.documents.length === 0) break;
      pages.push(...page.documents);
      at = page.checkpoint;
    }
    expect(pages).toHaveLength(TOTAL);

    requested.length = 0;
    const first = await pullPages(client, 'products', null, 2_200);
    expect(requested).toEqual([1_000, 1_000, 200]);
    expect(skus(first.documents)).toEqual(skus(pages.slice(0, 2_200)));

    requested.length = 0;
    const rest = await pullPages(client, 'products', first.checkpoint, 2_200);
    expect(requested).toEqual([1_000]);
    expect(skus(rest.documents)).toEqual(skus(pages.slice(2_200)));
    expect(rest.checkpoint).toEqual(at);

    const none = await pullPages(client, 'products', rest.checkpoint, 2_200);
    expect(none.documents).toEqual([]);
  });
});
