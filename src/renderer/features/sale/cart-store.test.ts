import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withEan13CheckDigit } from '@till/shared/schemas/product';
import type { Product } from '@till/shared/schemas/product';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import { createProductIndex } from '../../../sync/product-index';
import { listParkedSales, loadSaleInProgress } from '../../../sync/sale-in-progress';
import { followCart, useCartSaveStore } from './cart-persistence';
import { bindCartReplica, useCartStore } from './cart-store';
import { MISREAD_WORDS, scanToCart } from './scan-to-cart';

const storage = getRxStorageMemory();
const opened: TillDatabase[] = [];
let stops: (() => void)[] = [];

const product = (sku: string, price: number, barcodes: string[] = []): Product => ({
  sku,
  name: `Item ${sku}`,
  price,
  currency: 'USD',
  taxCode: 'std',
  barcodes,
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function open() {
  const db = await openTillDatabase({ name: `cart-${opened.length}-${Date.now()}`, storage });
  opened.push(db);
  return db;
}

/** Waits until `check` holds, polling the event loop (the persistence writes are asynchronous). */
async function until(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition never held');
}

beforeEach(() => {
  useCartStore.getState().clear();
  useCartStore.setState({ restored: true });
});
afterEach(async () => {
  for (const stop of stops) stop();
  stops = [];
  bindCartReplica(null);
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

describe('cart store', () => {
  it('adds products, merges the same SKU, and refuses bad input without changing anything', () => {
    const cart = useCartStore.getState();
    expect(cart.addProduct(product('A', 100)).ok).toBe(true);
    expect(cart.addProduct(product('A', 100), 2).ok).toBe(true);
    expect(cart.addProduct(product('B', 250)).ok).toBe(true);
    const lines = useCartStore.getState().lines;
    expect(lines.map((l) => [l.sku, l.qty])).toEqual([
      ['A', 3],
      ['B', 1],
    ]);
    const a = lines[0]?.lineId as string;
    const refused = useCartStore.getState().setQty(a, 0);
    expect(refused.ok ? null : refused.error.code).toBe('qty_invalid');
    const badDiscount = useCartStore.getState().setLineDiscount(a, { kind: 'percent', bp: 10_001 });
    expect(badDiscount.ok ? null : badDiscount.error.code).toBe('discount_invalid');
    const noReason = useCartStore
      .getState()
      .overridePrice(a, { unitPrice: 50, reason: ' ', approvedBy: null });
    expect(noReason.ok ? null : noReason.error.code).toBe('reason_missing');
    const missing = useCartStore.getState().voidLine('nope');
    expect(missing.ok ? null : missing.error.code).toBe('line_not_found');
    expect(useCartStore.getState().lines).toEqual(lines);
  });

  it('a discounted line is not merged into: the next unit gets a line of its own', () => {
    const cart = useCartStore.getState();
    cart.addProduct(product('A', 100));
    const id = useCartStore.getState().lines[0]?.lineId as string;
    cart.setLineDiscount(id, { kind: 'percent', bp: 1000 });
    cart.addProduct(product('A', 100));
    expect(useCartStore.getState().lines.map((l) => l.qty)).toEqual([1, 1]);
  });

  it('restores the saved cart, follows every change, parks and resumes through the replica', async () => {
    const db = await open();
    useCartStore.setState({ restored: false });
    stops.push(followCart(db));
    await until(() => useCartStore.getState().restored);
    useCartStore.getState().addProduct(product('A', 100), 2);
    await until(async () => {
      const saved = await loadSaleInProgress(db);
      return saved.ok && saved.value?.lines[0]?.qty === 2;
    });

    // A "reload": the store forgets, a new follower restores exactly the saved cart.
    const before = useCartStore.getState().lines;
    stops.pop()?.();
    expect(useCartStore.getState().lines).toEqual([]);
    stops.push(followCart(db));
    await until(() => useCartStore.getState().restored);
    expect(useCartStore.getState().lines).toEqual(before);

    const parked = await useCartStore.getState().park('Blue coat', 'bob');
    expect(parked.ok).toBe(true);
    expect(useCartStore.getState().lines).toEqual([]);
    const list = await listParkedSales(db);
    expect(list.ok && list.value.map((p) => p.name)).toEqual(['Blue coat']);

    useCartStore.getState().addProduct(product('B', 5));
    const busy = await useCartStore.getState().resume(parked.ok ? parked.value.id : '');
    expect(busy.ok ? null : busy.error.code).toBe('cart_not_empty');
    useCartStore.getState().clear();
    const resumed = await useCartStore.getState().resume(parked.ok ? parked.value.id : '');
    expect(resumed.ok).toBe(true);
    expect(useCartStore.getState().lines).toEqual(before);
    // Every queued write lands before the replica is removed.
    await until(() => useCartSaveStore.getState().saved);
    expect(useCartSaveStore.getState().problem).toBeNull();
  });
});

describe('scanning into the cart', () => {
  it('adds by barcode (an in-store code wins over a scale label), says unknown and misread codes', async () => {
    const db = await open();
    const inStore = withEan13CheckDigit('200000000005');
    const gtin = '4006381333931';
    const scale = withEan13CheckDigit('210123400000');
    await db.products.bulkInsert([
      product('IN', 409, [inStore]),
      product('GT', 199, [gtin]),
      product('SC', 0, [scale]),
    ]);
    const index = createProductIndex(db.products);
    await index.ready;

    expect(await scanToCart(index, inStore, 'USD')).toEqual({ kind: 'added', name: 'Item IN' });
    expect(await scanToCart(index, gtin, 'USD')).toEqual({ kind: 'added', name: 'Item GT' });
    // The same label with a price of $2.75 in the value digits.
    const label = withEan13CheckDigit('210123400275');
    expect(await scanToCart(index, label, 'USD')).toEqual({ kind: 'added', name: 'Item SC' });
    const lines = useCartStore.getState().lines;
    expect(lines.map((l) => [l.sku, l.qty, l.unitPrice])).toEqual([
      ['IN', 1, 409],
      ['GT', 1, 199],
      ['SC', 1, 275],
    ]);

    const unknown = withEan13CheckDigit('400000000000');
    expect(await scanToCart(index, unknown, 'USD')).toMatchObject({
      kind: 'unknown',
      message: `Barcode ${unknown} is not in the catalogue.`,
    });
    const misread = `${gtin.slice(0, 12)}0`;
    expect(await scanToCart(index, misread, 'USD')).toMatchObject({
      kind: 'misread',
      message: MISREAD_WORDS,
    });
    expect(useCartStore.getState().lines).toHaveLength(3);
    index.close();
  });
});
