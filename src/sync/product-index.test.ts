/**
 * The sale screen's product index against real RxDB memory storage: barcode hits and misses, updates that
 * move barcodes and rename products, ranking with accents, and a build racing replication's writes.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { aProduct } from '../../test/support/domain-fixtures';
import { type TillDatabase, openTillDatabase } from './database';
import { type IndexProgress, type ProductIndex, createProductIndex, wordsOf } from './product-index';

const storage = getRxStorageMemory();
const opened: { db: TillDatabase; index?: ProductIndex }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.index?.close();
    await o.db.remove();
  }
});

async function open(): Promise<{ db: TillDatabase; index?: ProductIndex }> {
  const entry = {
    db: await openTillDatabase({ name: `idx${Math.random().toString(36).slice(2, 10)}`, storage }),
  };
  opened.push(entry);
  return entry;
}

function indexOf(entry: { db: TillDatabase; index?: ProductIndex }, batchSize?: number): ProductIndex {
  entry.index = createProductIndex(entry.db.products, batchSize ? { batchSize } : {});
  return entry.index;
}

const product = aProduct;

describe('wordsOf', () => {
  it('folds case and accents and splits on anything that is not a letter or digit', () => {
    expect(wordsOf('Crème Brûlée 6×125 g')).toEqual(['creme', 'brulee', '6', '125', 'g']);
    expect(wordsOf('Straße Smørrebrød ŁÓDŹ')).toEqual(['strasse', 'smorrebrod', 'lodz']);
    // Decomposed input (a letter then a combining accent) folds the same way.
    expect(wordsOf('Cafe\u0301 OLÉ')).toEqual(['cafe', 'ole']);
    expect(wordsOf('  ')).toEqual([]);
  });
});

describe('product index', () => {
  it('finds products by barcode and by SKU, and misses unknown codes', async () => {
    const entry = await open();
    await entry.db.products.bulkInsert([
      product('SKU-1', 'Oat Milk 1 L', ['2000000000015', '12345678']),
      product('SKU-2', 'Rye Bread', ['2000000000022']),
    ]);
    const index = indexOf(entry);
    await index.ready;
    expect(index.skuForBarcode('2000000000015')).toBe('SKU-1');
    expect(index.skuForBarcode('12345678')).toBe('SKU-1');
    expect((await index.lookupBarcode(' 2000000000022\n'))?.name).toBe('Rye Bread');
    expect((await index.lookupBarcode('SKU-2'))?.sku).toBe('SKU-2');
    // The sale screen may hand the function around on its own.
    const { lookupBarcode } = index;
    expect((await lookupBarcode('12345678'))?.sku).toBe('SKU-1');
    expect(await index.lookupBarcode('2000000000039')).toBeNull();
    expect(await index.lookupBarcode('')).toBeNull();
    expect(index.skuForBarcode('2000000000039')).toBeUndefined();
  });

  it('answers a scan before the build has finished, from the collection', async () => {
    const entry = await open();
    await entry.db.products.bulkInsert([product('SKU-1', 'Oat Milk', ['2000000000015'])]);
    const index = indexOf(entry);
    // Nothing is indexed yet (the build has not read a page), yet the scan is answered.
    expect(index.skuForBarcode('2000000000015')).toBeUndefined();
    expect((await index.lookupBarcode('2000000000015'))?.sku).toBe('SKU-1');
    expect(await index.lookupBarcode('9999999999999')).toBeNull();
  });

  it('follows updates: a replaced barcode misses, a moved one hits its new product, a rename is searchable', async () => {
    const entry = await open();
    const { products } = entry.db;
    await products.bulkInsert([product('A', 'Green Tea', ['1111']), product('B', 'Earl Grey Tea', ['2222'])]);
    const index = indexOf(entry);
    await index.ready;
    await products.upsert(product('A', 'Green Tea', ['3333']));
    // The barcode 2222 moves from B to A; B is then saved without it, which must not unmap it from A.
    await products.upsert(product('A', 'Jasmine Green Tea', ['3333', '2222']));
    await products.upsert(product('B', 'Earl Grey Tea', []));
    await expect.poll(() => index.skuForBarcode('3333')).toBe('A');
    expect(index.skuForBarcode('1111')).toBeUndefined();
    expect(index.skuForBarcode('2222')).toBe('A');
    expect(index.matchNames('jasm')).toEqual(['A']);
    expect(index.matchNames('green')).toEqual(['A']);
    await (await products.findOne('A').exec())?.remove();
    await expect.poll(() => index.skuForBarcode('3333')).toBeUndefined();
    expect(index.matchNames('tea')).toEqual(['B']);
    expect(await index.lookupBarcode('2222')).toBeNull();
  });

  it('searches word prefixes ignoring case and accents, best matches first', async () => {
    const entry = await open();
    await entry.db.products.bulkInsert([
      product('P1', 'Whole Milk 2 L'),
      product('P2', 'Oat Milk 1 L'),
      product('P3', 'Milk Chocolate Bar'),
      product('P4', 'Milkshake Vanilla'),
      product('P5', 'Crème Brûlée Dessert', ['4006381333931']),
      product('P6', 'Creamy Milk Old', [], { active: false }),
      product('P7', 'Chocolate Milk Drink'),
      product('P8', 'Dark Chocolate Bar'),
    ]);
    const index = indexOf(entry);
    await index.ready;
    // The name opening with the query first, then whole-word hits by position, prefix-only hits, inactive last.
    expect(index.matchNames('milk')).toEqual(['P3', 'P4', 'P2', 'P1', 'P7', 'P6']);
    expect(index.matchNames('MILK choc')).toEqual(['P3', 'P7']);
    expect(index.matchNames('creme')).toEqual(['P5']);
    expect(index.matchNames('BRÛL')).toEqual(['P5']);
    expect(index.matchNames('brulee dess')).toEqual(['P5']);
    expect(index.matchNames('cre')).toEqual(['P5', 'P6']);
    expect(index.matchNames('milk', 2)).toEqual(['P3', 'P4']);
    expect(index.matchNames('chocolate bar')).toEqual(['P8', 'P3']);
    expect(index.matchNames('tea')).toEqual([]);
    expect(index.matchNames(' -- ')).toEqual([]);
    const found = await index.searchByName('milk choc');
    expect(found.map((p) => p.name)).toEqual(['Milk Chocolate Bar', 'Chocolate Milk Drink']);
    // A whole barcode or SKU typed into the search box is the first result.
    expect((await index.searchByName('4006381333931')).map((p) => p.sku)).toEqual(['P5']);
    expect((await index.searchByName('P8')).map((p) => p.sku)).toEqual(['P8']);
  });

  it('ends up complete when replication writes behind and ahead of the build', async () => {
    const entry = await open();
    const { products } = entry.db;
    const total = 6_000;
    const all = Array.from({ length: total }, (_, i) => {
      const n = String(i).padStart(5, '0');
      return product(`SKU-${n}`, `Item ${n} Blue`, [`200${n}`]);
    });
    await products.bulkInsert(all.slice(2_000));
    const index = indexOf(entry, 200);
    const seen: IndexProgress[] = [];
    index.progress$.subscribe((p) => seen.push(p));
    await firstValueFrom(index.progress$.pipe(filter((p) => p.indexed > 0)));
    // Lower SKUs land behind the build's cursor (only the change stream can index them), and products
    // already read are renamed.
    for (let from = 0; from < 2_000; from += 500) {
      await products.bulkInsert(all.slice(from, from + 500));
      await products.bulkUpsert(
        all.slice(from + 2_000, from + 2_100).map((p) => ({ ...p, name: p.name.replace('Blue', 'Red') })),
      );
      if (from === 0) expect(seen.at(-1)?.ready).toBe(false);
    }
    await index.ready;
    await expect.poll(() => index.size()).toBe(total);
    for (const p of all) expect(index.skuForBarcode(p.barcodes[0] as string)).toBe(p.sku);
    expect(index.matchNames('item', total + 1)).toHaveLength(total);
    expect(index.matchNames('red', total)).toHaveLength(400);
    expect(index.matchNames('blue', total)).toHaveLength(total - 400);
    expect(seen.at(-1)?.ready).toBe(true);
    expect(seen.filter((p) => !p.ready).length).toBeGreaterThan(2);
  });

  it('never lets a page read before a write overwrite the newer version', async () => {
    const entry = await open();
    const { products } = entry.db;
    await products.bulkInsert(['A', 'B', 'C'].map((s) => product(s, `Old ${s}`, [`old-${s}`])));
    // The write commits between the index's storage read of the first page and its processing of that page.
    const storage = products.storageInstance;
    const racingStorage = new Proxy(storage, {
      get(target, prop) {
        if (prop !== 'query') return Reflect.get(target, prop, target);
        return async (...args: Parameters<typeof storage.query>) => {
          const page = await target.query(...args);
          if (!entry.index?.skuForBarcode('new-B')) {
            await products.upsert(product('B', 'Fresh B', ['new-B']));
            await expect.poll(() => entry.index?.skuForBarcode('new-B')).toBe('B');
          }
          return page;
        };
      },
    });
    const racing = new Proxy(products, {
      get: (target, prop) => (prop === 'storageInstance' ? racingStorage : Reflect.get(target, prop, target)),
    });
    const index = createProductIndex(racing);
    entry.index = index;
    await index.ready;
    expect(index.skuForBarcode('new-B')).toBe('B');
    expect(index.skuForBarcode('old-B')).toBeUndefined();
    expect(index.matchNames('fresh')).toEqual(['B']);
    expect(index.matchNames('old')).toEqual(['A', 'C']);
  });
});
