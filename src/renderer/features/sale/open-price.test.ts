import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approvalsNeeded } from '@till/shared/domain/approvals';
import type { Product } from '@till/shared/schemas/product';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import { createProductIndex } from '../../../sync/product-index';
import { useCartStore } from './cart-store';
import { readOpenPrice } from './open-price-dialog';
import { readQuickKeys } from './quick-keys';
import { scanToCart } from './scan-to-cart';

const storage = getRxStorageMemory();
const opened: TillDatabase[] = [];

const product = (sku: string, price: number, extra: Partial<Product> = {}): Product => ({
  sku,
  name: `Item ${sku}`,
  price,
  currency: 'USD',
  taxCode: 'std',
  barcodes: [],
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const giftCard = product('GIFT', 0, { openPrice: true, barcodes: ['GIFTCARD'] });

beforeEach(() => {
  useCartStore.getState().clear();
  useCartStore.setState({ restored: true });
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

describe('open-price items', () => {
  it('are never added at their catalogue price: the price must be typed', () => {
    const refused = useCartStore.getState().addProduct(giftCard);
    expect(refused.ok ? null : refused.error.code).toBe('price_required');
    expect(useCartStore.getState().lines).toEqual([]);
  });

  it('carry the typed price as the line’s own price, not as an override needing a manager', () => {
    const cart = useCartStore.getState();
    expect(cart.addOpenPrice(giftCard, 2500).ok).toBe(true);
    expect(cart.addOpenPrice(giftCard, 1000).ok).toBe(true);
    const lines = useCartStore.getState().lines;
    // Two gift cards of different values are two lines, never one merged line.
    expect(lines.map((l) => [l.sku, l.qty, l.unitPrice, l.override ?? null])).toEqual([
      ['GIFT', 1, 2500, null],
      ['GIFT', 1, 1000, null],
    ]);
    const thresholds = {
      lineDiscountBp: 2000,
      cartDiscountBp: 1000,
      discountAmount: 5000,
      overrideDropBp: 1000,
    };
    expect(approvalsNeeded({ lines }, thresholds)).toEqual([]);
  });

  it('refuse a zero, negative or broken price and a product with a shelf price, changing nothing', () => {
    const cart = useCartStore.getState();
    for (const bad of [0, -100, 1.5, Number.NaN]) {
      const refused = cart.addOpenPrice(giftCard, bad);
      expect(refused.ok ? null : refused.error.code).toBe('price_invalid');
    }
    const fixed = cart.addOpenPrice(product('A', 100), 500);
    expect(fixed.ok ? null : fixed.error.code).toBe('not_open_price');
    expect(useCartStore.getState().lines).toEqual([]);
  });

  it('read the typed amount exactly and say what is wrong with zero or nonsense', () => {
    expect(readOpenPrice('12.50', 'USD')).toEqual({ ok: true, value: 1250 });
    expect(readOpenPrice(' 7 ', 'USD')).toEqual({ ok: true, value: 700 });
    expect(readOpenPrice('500', 'JPY')).toEqual({ ok: true, value: 500 });
    const zero = readOpenPrice('0.00', 'USD');
    expect(zero.ok ? null : zero.error).toEqual({ code: 'price_zero', message: 'Type a price above zero.' });
    for (const bad of ['', 'abc', '1.234', '-5']) {
      const refused = readOpenPrice(bad, 'USD');
      expect(refused.ok ? null : refused.error.code).toBe('amount_invalid');
    }
  });

  it('scanned, ask for the price instead of adding a line', async () => {
    const db = await openTillDatabase({ name: `open-price-${Date.now()}`, storage });
    opened.push(db);
    await db.products.bulkInsert([giftCard, product('A', 100, { barcodes: ['ITEMA'] })]);
    const index = createProductIndex(db.products);
    await index.ready;
    expect(await scanToCart(index, 'GIFTCARD', 'USD')).toEqual({ kind: 'needs-price', product: giftCard });
    expect(useCartStore.getState().lines).toEqual([]);
    expect(await scanToCart(index, 'ITEMA', 'USD')).toEqual({ kind: 'added', name: 'Item A' });
    expect(useCartStore.getState().lines.map((l) => l.sku)).toEqual(['A']);
    index.close();
  });
});

describe('quick keys', () => {
  it('list the categories’ products first, then the open-price items, so tapping one asks its price', async () => {
    const db = await openTillDatabase({ name: `quick-keys-${Date.now()}`, storage });
    opened.push(db);
    await db.products.bulkInsert([
      product('B1', 300, { category: 'Bakery' }),
      product('A0', 100, { category: 'Bakery', openPrice: true }),
      product('P1', 200, { category: 'Produce' }),
      product('X1', 400, { category: 'Dairy' }),
      product('G1', 0, { category: 'Gift cards', openPrice: true }),
      product('G2', 0, { category: 'Gift cards', openPrice: true, active: false }),
    ]);
    const keys = await readQuickKeys(db);
    expect(keys.map((k) => k.sku)).toEqual(['B1', 'P1', 'A0', 'G1']);
  });
});
