/**
 * Edge cases of the sale screen's product index against real RxDB memory storage: deleting and restoring
 * products, codes typed with spaces, names without words, how ties and limits shape the result list, what
 * the search box puts first, build progress page by page, a closed index, and words met for the first time
 * in a live change.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { aProduct } from '../../test/support/domain-fixtures';
import type { Product } from '@till/shared/schemas/product';
import { type TillDatabase, openTillDatabase } from './database';
import { type IndexProgress, type ProductIndex, createProductIndex, wordsOf } from './product-index';

const storage = getRxStorageMemory();
const opened: { db: TillDatabase; indexes: ProductIndex[] }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    for (const index of o.indexes) index.close();
    await o.db.remove();
  }
});

type Entry = { db: TillDatabase; indexes: ProductIndex[] };

/** A fresh register database holding `products`. */
async function open(products: Product[] = []): Promise<Entry> {
  const entry: Entry = {
    db: await openTillDatabase({ name: `edge${Math.random().toString(36).slice(2, 10)}`, storage }),
    indexes: [],
  };
  opened.push(entry);
  if (products.length > 0) await entry.db.products.bulkInsert(products);
  return entry;
}

function indexOf(entry: Entry, batchSize?: number): ProductIndex {
  const index = createProductIndex(entry.db.products, batchSize ? { batchSize } : {});
  entry.indexes.push(index);
  return index;
}

/** An index of `products`, built. */
async function built(products: Product[]): Promise<{ entry: Entry; index: ProductIndex }> {
  const entry = await open(products);
  const index = indexOf(entry);
  await index.ready;
  return { entry, index };
}

async function remove(entry: Entry, sku: string) {
  await (await entry.db.products.findOne(sku).exec())?.remove();
}

const product = aProduct;

const skusOf = (found: Product[]) => found.map((p) => p.sku);

describe('removing products', () => {
  it('makes a deleted product unfindable by barcode, SKU and name, and finds it again once put back', async () => {
    const { entry, index } = await built([
      product('A', 'Green Tea', ['1111']),
      product('B', 'Black Tea', ['2222']),
    ]);
    expect(index.size()).toBe(2);
    await remove(entry, 'A');
    await expect.poll(() => index.skuForBarcode('1111')).toBeUndefined();
    expect(index.size()).toBe(1);
    expect(await index.lookupBarcode('A')).toBeNull();
    expect(index.matchNames('green')).toEqual([]);
    expect(index.matchNames('tea')).toEqual(['B']);
    expect(await index.searchByName('A')).toEqual([]);

    await entry.db.products.insert(product('A', 'Green Tea', ['1111']));
    await expect.poll(() => index.skuForBarcode('1111')).toBe('A');
    expect(index.size()).toBe(2);
    expect(index.matchNames('green')).toEqual(['A']);
    expect((await index.lookupBarcode('A'))?.name).toBe('Green Tea');
  });

  it('keeps a barcode with the product it moved to when the product it left is deleted', async () => {
    const { entry, index } = await built([product('A', 'Old Label', ['5555']), product('B', 'New Label')]);
    // B takes the barcode while A's stored document still lists it.
    await entry.db.products.upsert(product('B', 'New Label', ['5555']));
    await expect.poll(() => index.skuForBarcode('5555')).toBe('B');
    await remove(entry, 'A');
    await expect.poll(() => index.size()).toBe(1);
    expect(index.skuForBarcode('5555')).toBe('B');
    expect((await index.lookupBarcode('5555'))?.sku).toBe('B');
  });

  it('finds a product whose name has no words by barcode and SKU only, counts it once, and drops it on delete', async () => {
    const { entry, index } = await built([product('P', '*** !!', ['7777']), product('Q', 'Tea')]);
    expect(index.size()).toBe(2);
    expect(index.skuForBarcode('7777')).toBe('P');
    expect(index.matchNames('tea')).toEqual(['Q']);
    expect(skusOf(await index.searchByName('P'))).toEqual(['P']);
    // A price change is an update, not a second product.
    await entry.db.products.upsert(product('P', '*** !!', ['7777'], { price: 299 }));
    await expect.poll(async () => (await index.lookupBarcode('7777'))?.price).toBe(299);
    expect(index.size()).toBe(2);
    await remove(entry, 'P');
    await expect.poll(() => index.skuForBarcode('7777')).toBeUndefined();
    expect(index.size()).toBe(1);
  });
});

describe('codes', () => {
  it('trims spaces around barcodes and SKUs, and finds nothing for a blank code', async () => {
    const { index } = await built([product('SKU-1', 'Oat Milk', ['1234567'])]);
    expect(index.skuForBarcode('  1234567 ')).toBe('SKU-1');
    expect((await index.lookupBarcode('  SKU-1\t'))?.sku).toBe('SKU-1');
    expect(skusOf(await index.searchByName('  SKU-1 '))).toEqual(['SKU-1']);
    expect(index.skuForBarcode('   ')).toBeUndefined();
    expect(await index.lookupBarcode('   ')).toBeNull();
    expect(await index.lookupBarcode('')).toBeNull();
  });

  it('answers SKUs, barcodes and unknown codes correctly before the build has finished', async () => {
    const entry = await open([product('SKU-1', 'Oat Milk', ['1234567']), product('SKU-2', 'Rye Bread')]);
    const index = indexOf(entry);
    // Asked at once, before the build has read anything.
    const [bySku, byBarcode, unknown] = await Promise.all([
      index.lookupBarcode('SKU-2'),
      index.lookupBarcode('1234567'),
      index.lookupBarcode('9999999'),
    ]);
    expect(bySku?.sku).toBe('SKU-2');
    expect(byBarcode?.sku).toBe('SKU-1');
    expect(unknown).toBeNull();
  });
});

describe('ranking', () => {
  it('puts a whole-word match above a prefix-only match, even later in a longer name', async () => {
    const { index } = await built([product('T1', 'Big Teapot'), product('T2', 'Organic Green Tea')]);
    expect(index.matchNames('tea')).toEqual(['T2', 'T1']);
  });

  it('puts a match earlier in the name above a later one, and a shorter name above a longer one', async () => {
    const { index } = await built([
      product('A', 'Big Pot Tea'),
      product('B', 'Big Tea Pot'),
      product('C', 'Big Tea Pot Large Set'),
    ]);
    expect(index.matchNames('tea')).toEqual(['B', 'A', 'C']);
  });

  it('puts a name the query opens above names that only contain its words', async () => {
    const { index } = await built([product('D', 'Dark Choc Bar'), product('O', 'Choc Bars Assorted')]);
    expect(index.matchNames('choc bar')).toEqual(['O', 'D']);
  });

  it('puts inactive products below every active one, even one the query opens', async () => {
    const { index } = await built([
      product('M1', 'Milk Bread'),
      product('M2', 'Milk Old', [], { active: false }),
      product('M3', 'Oat Milk'),
    ]);
    expect(index.matchNames('milk')).toEqual(['M1', 'M3', 'M2']);
    expect(index.matchNames('milk', 2)).toEqual(['M1', 'M3']);
  });

  it('breaks ties in score by name', async () => {
    // Same score; the name comes first alphabetically, though its SKU and arrival come second.
    const { index } = await built([product('N1', 'Red Tea Mug'), product('N2', 'Big Tea Cup')]);
    expect(index.matchNames('tea')).toEqual(['N2', 'N1']);
  });

  it('breaks ties between equal names by SKU, whatever order the products arrived in', async () => {
    const { entry, index } = await built([]);
    for (const [sku, name] of [
      ['B', 'Tea Cup'],
      ['A', 'TEA CUP'],
      ['C', 'tea-cup'],
    ] as const)
      await entry.db.products.insert(product(sku, name));
    await expect.poll(() => index.size()).toBe(3);
    expect(index.matchNames('cup')).toEqual(['A', 'B', 'C']);
    expect(index.matchNames('tea')).toEqual(['A', 'B', 'C']);
  });

  it('lists a product once when several words of its name start with the query', async () => {
    const { index } = await built([product('X', 'Mild Milk'), product('Y', 'Rye Bread')]);
    expect(index.matchNames('mil')).toEqual(['X']);
  });

  it('lists a product once in a catalogue of more than a thousand products', async () => {
    const fillers = Array.from({ length: 1_100 }, (_, i) =>
      product(`F${String(i).padStart(4, '0')}`, `Item ${i}`),
    );
    const { index } = await built([...fillers, product('Z', 'Mild Milk')]);
    expect(index.matchNames('mil')).toEqual(['Z']);
  });
});

describe('query words and limits', () => {
  it('returns nothing for a limit of 0 or below', async () => {
    const { index } = await built([product('A', 'Milk'), product('B', 'Oat Milk')]);
    expect(index.matchNames('milk', 0)).toEqual([]);
    expect(index.matchNames('milk', -1)).toEqual([]);
    expect(await index.searchByName('milk', 0)).toEqual([]);
  });

  it('uses only the first 8 distinct words of a query', async () => {
    const { index } = await built([product('A', 'one two three four five six seven eight')]);
    expect(index.matchNames('one two three four five six seven eight nine')).toEqual(['A']);
    expect(index.matchNames('one one two three four five six seven eight nine')).toEqual(['A']);
    // Each of those 8 words still has to match.
    expect(index.matchNames('one two three four five six seven nine')).toEqual([]);
  });

  it('picks the best names the query opens when more open with it than the limit', async () => {
    const { index } = await built([
      product('A', 'Milkshake Strawberry Milk'),
      product('B', 'Milk Bread'),
      product('C', 'Milk Chocolate Bar'),
      product('D', 'Milk'),
    ]);
    expect(index.matchNames('milk')).toEqual(['D', 'B', 'C', 'A']);
    expect(index.matchNames('milk', 1)).toEqual(['D']);
    expect(index.matchNames('milk', 2)).toEqual(['D', 'B']);
  });

  it('picks the best names holding the words when more hold them than the limit', async () => {
    const { index } = await built([
      product('S1', 'Big Teapot Set'),
      product('S2', 'Iced Teacake'),
      product('S3', 'Mint Tea'),
      product('S4', 'Black Tea'),
      product('S5', 'Green Tea Bags'),
    ]);
    expect(index.matchNames('tea')).toEqual(['S3', 'S4', 'S5', 'S2', 'S1']);
    expect(index.matchNames('tea', 2)).toEqual(['S3', 'S4']);
    expect(skusOf(await index.searchByName('tea', 2))).toEqual(['S3', 'S4']);
  });
});

describe('searchByName', () => {
  it('puts a barcode typed into the box first, does not repeat it, and keeps to the limit', async () => {
    const { index } = await built([
      product('C1', 'USB Cable 2000', ['2000']),
      product('K1', '2000 Watt Kettle'),
    ]);
    expect(index.matchNames('2000')).toEqual(['K1', 'C1']);
    expect(skusOf(await index.searchByName('2000'))).toEqual(['C1', 'K1']);
    expect(skusOf(await index.searchByName(' 2000 '))).toEqual(['C1', 'K1']);
    expect(skusOf(await index.searchByName('2000', 1))).toEqual(['C1']);
  });
});

describe('build progress', () => {
  it('reports each page, stays not ready until the build has finished, and never has total below indexed', async () => {
    const entry = await open(['A', 'B', 'C', 'D', 'E'].map((s) => product(s, `Item ${s}`)));
    const index = indexOf(entry, 2);
    const seen: IndexProgress[] = [];
    index.progress$.subscribe((p) => seen.push(p));
    await index.ready;
    expect(seen[0]).toEqual({ indexed: 0, total: 0, ready: false });
    expect(seen).toContainEqual({ indexed: 2, total: 5, ready: false });
    expect(seen).toContainEqual({ indexed: 4, total: 5, ready: false });
    expect(seen.slice(0, -1).every((p) => !p.ready)).toBe(true);
    expect(seen.at(-1)).toEqual({ indexed: 5, total: 5, ready: true });
    for (const p of seen) expect(p.total).toBeGreaterThanOrEqual(p.indexed);
  });

  it('indexes the whole catalogue when each page holds a single product', async () => {
    const entry = await open(['A', 'B', 'C', 'D'].map((s) => product(s, `Item ${s}`, [`code-${s}`])));
    const index = indexOf(entry, 1);
    await index.ready;
    expect(index.size()).toBe(4);
    for (const s of ['A', 'B', 'C', 'D']) expect(index.skuForBarcode(`code-${s}`)).toBe(s);
  });
});

describe('close', () => {
  it('stops following changes: a product added afterwards is not found', async () => {
    const { entry, index } = await built([product('A', 'Oat Milk', ['1111'])]);
    // A second index shows when the change has been delivered.
    const witness = indexOf(entry);
    await witness.ready;
    let completed = false;
    index.progress$.subscribe({ complete: () => (completed = true) });
    index.close();
    expect(completed).toBe(true);
    await entry.db.products.insert(product('B', 'Rye Bread', ['2222']));
    await expect.poll(() => witness.skuForBarcode('2222')).toBe('B');
    expect(index.skuForBarcode('2222')).toBeUndefined();
    expect(index.matchNames('rye')).toEqual([]);
    expect(index.size()).toBe(1);
  });

  it('stops the start-up build when closed before it has read anything', async () => {
    const entry = await open(['A', 'B', 'C'].map((s) => product(s, `Item ${s}`, [`code-${s}`])));
    const index = indexOf(entry, 1);
    index.close();
    await index.ready;
    expect(index.size()).toBe(0);
    expect(index.skuForBarcode('code-A')).toBeUndefined();
  });
});

describe('words', () => {
  it('splits on any run of non-letters and digits and folds accents', async () => {
    expect(wordsOf('Crème--Brûlée')).toEqual(['creme', 'brulee']);
    expect(wordsOf('  tea...,bags//40 ')).toEqual(['tea', 'bags', '40']);
    const { index } = await built([product('P', 'Crème--Brûlée')]);
    expect(index.matchNames('brul')).toEqual(['P']);
    expect(index.matchNames('CREME brûlée')).toEqual(['P']);
  });

  it('finds a word first seen in a live change after earlier searches', async () => {
    const { entry, index } = await built([product('A', 'Milk Bread')]);
    expect(index.matchNames('milk')).toEqual(['A']);
    // "milk" is already known; "stout" is new to the catalogue.
    await entry.db.products.insert(product('S', 'Milk Stout'));
    await expect.poll(() => index.matchNames('stout')).toEqual(['S']);
    await entry.db.products.upsert(product('A', 'Milk Loaf'));
    await expect.poll(() => index.matchNames('loaf')).toEqual(['A']);
    expect(index.matchNames('bread')).toEqual([]);
  });
});
