/**
 * Parking and resuming at their edges: resuming one parked cart leaves the others; the parking limit, with
 * the cart in progress kept when it refuses; a cart that only has a discount or a customer is still in
 * progress; every refusal says what went wrong in words and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../test/support/memory-replicas';
import {
  type CartSnapshot,
  MAX_PARKED,
  PARKED_SALES_ID,
  type ParkedSale,
  emptyCart,
  listParkedSales,
  loadSaleInProgress,
  parkSale,
  resumeParkedSale,
  saveSaleInProgress,
} from './sale-in-progress';

const { open } = memoryReplicas('park');

const cartOf = (sku: string): CartSnapshot => ({
  ...emptyCart(),
  lines: [{ lineId: 'l1', sku, name: sku, qty: 1, unitPrice: 500, taxCode: 'std' }],
});

const parked = (n: number, cart = cartOf(`SKU-${n}`)): ParkedSale => ({
  id: `p${n}`,
  name: `Customer ${n}`,
  parkedAt: `2026-01-01T10:${String(n).padStart(2, '0')}:00.000Z`,
  clerkId: 'bob',
  cart,
});

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error?.code);

describe('parking and resuming', () => {
  it('resuming one parked cart leaves the others parked, in their order', async () => {
    const db = await open();
    for (const n of [1, 2, 3]) expect((await parkSale(db, parked(n))).ok).toBe(true);
    expect((await resumeParkedSale(db, 'p2')).ok).toBe(true);
    const list = await listParkedSales(db);
    expect(list.ok && list.value.map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: cartOf('SKU-2') });
  });

  it(`parks up to ${MAX_PARKED} carts; the next is refused and stays the cart in progress`, async () => {
    const db = await open();
    for (let n = 1; n <= MAX_PARKED; n++) expect((await parkSale(db, parked(n))).ok).toBe(true);
    const extra = cartOf('SKU-EXTRA');
    await saveSaleInProgress(db, extra);
    const refused = await parkSale(db, parked(MAX_PARKED + 1, extra));
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'too_many_parked',
        message: `at most ${MAX_PARKED} sales can be parked; resume or clear one first`,
      },
    });
    const list = await listParkedSales(db);
    expect(list.ok && list.value).toHaveLength(MAX_PARKED);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: extra });
  });

  it('refuses an empty cart, a broken cart and an unknown parked cart in words, changing nothing', async () => {
    const db = await open();
    expect((await parkSale(db, parked(1))).ok).toBe(true);
    expect(await parkSale(db, parked(2, emptyCart()))).toEqual({
      ok: false,
      error: { code: 'cart_empty', message: 'an empty cart cannot be parked' },
    });
    const broken = parked(3, { ...cartOf('SKU-3'), lines: [{ ...cartOf('SKU-3').lines[0]!, qty: 0 }] });
    const refused = await parkSale(db, broken);
    expect(codeOf(refused)).toBe('cart_invalid');
    expect(refused.ok ? '' : refused.error.message).toMatch(/^the cart cannot be parked: /);
    expect(await resumeParkedSale(db, 'p9')).toEqual({
      ok: false,
      error: { code: 'parked_sale_not_found', message: 'that parked sale is no longer there' },
    });
    const list = await listParkedSales(db);
    expect(list.ok && list.value.map((p) => p.id)).toEqual(['p1']);
  });

  it('reads a damaged parked list as unreadable, and parks nothing over it', async () => {
    const db = await open();
    await db.upsertLocal(PARKED_SALES_ID, { sales: 'nonsense' });
    const list = await listParkedSales(db);
    expect(codeOf(list)).toBe('parked_sales_unreadable');
    expect(list.ok ? '' : list.error.message).toMatch(/^the parked sales could not be read: /);
    expect(codeOf(await parkSale(db, parked(1)))).toBe('parked_sales_unreadable');
    expect((await db.getLocal(PARKED_SALES_ID))?.toJSON().data).toEqual({ sales: 'nonsense' });
  });
});

describe('the cart in progress', () => {
  it('keeps a cart with no lines but a cart discount, or a customer: only an empty cart is nothing', async () => {
    const db = await open();
    const discountOnly: CartSnapshot = { ...emptyCart(), cartDiscount: { kind: 'amount', amount: 100 } };
    await saveSaleInProgress(db, discountOnly);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: discountOnly });
    const customerOnly: CartSnapshot = { ...emptyCart(), customerId: 'cust-1' };
    await saveSaleInProgress(db, customerOnly);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: customerOnly });
  });

  it('says why a cart cannot be saved, and why a saved one cannot be read', async () => {
    const db = await open();
    const bad = await saveSaleInProgress(db, {
      ...cartOf('MUG'),
      lines: [{ ...cartOf('MUG').lines[0]!, qty: 1.5 }],
    });
    expect(bad.ok ? '' : bad.error.message).toMatch(/^the cart cannot be saved: .+/);
    await db.upsertLocal('sale-in-progress', { lines: 'nonsense' });
    const unreadable = await loadSaleInProgress(db);
    expect(unreadable.ok ? '' : unreadable.error.message).toMatch(/^the saved sale could not be read: .+/);
  });
});
