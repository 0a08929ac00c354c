/**
 * The register is usable while its first download runs: against a real hub (PGlite), a fresh replica pulls
 * the catalogue in small batches, and the hub's answer to every products pull after the first is held back
 * until the test lets it through. While it is held, the products already written must answer a barcode
 * scan and a name search through the product index, and the initial sync must still be running. Then the
 * pulls go through and the sync completes with the whole catalogue indexed.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestHub, TEST_PRODUCTS, startHub } from '../../test/support/hub';
import { openNodeEventStream } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';
import { type TillDatabase, openTillDatabase } from './database';
import { createHubClient } from './hub-client';
import { type ProductIndex, createProductIndex, wordsOf } from './product-index';
import { type Replication, startReplication } from './replication';

const storage = getRxStorageMemory();

describe('look-ups during the initial sync', () => {
  let hub: TestHub | undefined;
  let db: TillDatabase | undefined;
  let replication: Replication | undefined;
  let index: ProductIndex | undefined;

  afterEach(async () => {
    index?.close();
    await replication?.cancel();
    await db?.remove();
    await hub?.close();
  });

  it('answers a scan and a search with the products already pulled, before the sync ends', async () => {
    hub = await startHub('pglite');
    const hubUrl = await hub.listen();
    // Every products pull after the first waits for `release`: the sync cannot end before the test says so.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let productPulls = 0;
    const gatedFetch: typeof fetch = async (input, init) => {
      if (String(input).includes('/products/pull') && ++productPulls > 1) await held;
      return fetch(input, init);
    };
    let token: string | null = null;
    const client = createHubClient({ baseUrl: hubUrl, token: () => token, fetch: gatedFetch });
    token = (await client.enroll('DEMO-S1-R1', 'lookup-during-sync')).token;
    db = await openTillDatabase({ name: `lds${Math.random().toString(36).slice(2, 10)}`, storage });
    index = createProductIndex(db.products);
    const batch = 10;
    replication = startReplication({
      db,
      client,
      token: () => token,
      openEventStream: openNodeEventStream,
      retryTime: 100,
      identifier: 'lookup-during-sync',
      batchSizes: { products: batch },
    });
    let synced = false;
    const initial = replication.states.products.awaitInitialReplication().then(() => (synced = true));

    const live = index;
    await eventually(() => live.size() === batch, 10_000, 'the first batch in the index');
    const first = (await db.products.find().exec()).map((d) => d.toJSON());
    expect(first).toHaveLength(batch);
    const scanned = first.find((p) => p.barcodes.length > 0);
    if (!scanned) throw new Error('no product of the first batch has a barcode');

    const byScan = await live.lookupBarcode(scanned.barcodes[0] as string);
    const word = wordsOf(scanned.name)[0] as string;
    const bySearch = await live.searchByName(word, 50);
    expect(synced).toBe(false);
    expect(productPulls).toBeGreaterThan(1);
    expect(byScan?.sku).toBe(scanned.sku);
    expect(bySearch.map((p) => p.sku)).toContain(scanned.sku);
    expect(live.size()).toBe(batch);

    release();
    await initial;
    expect(await db.products.count().exec()).toBe(TEST_PRODUCTS);
    await eventually(() => live.size() === TEST_PRODUCTS, 10_000, 'the whole catalogue in the index');
  });
});
