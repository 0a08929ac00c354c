import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../test/support/memory-replicas';
import {
  type CartSnapshot,
  SALE_IN_PROGRESS_ID,
  emptyCart,
  listParkedSales,
  loadSaleInProgress,
  parkSale,
  resumeParkedSale,
  saveSaleInProgress,
} from './sale-in-progress';

const { open } = memoryReplicas('sip');

const cart: CartSnapshot = {
  lines: [
    {
      lineId: 'l1',
      sku: 'MUG',
      name: 'Mug',
      qty: 2,
      unitPrice: 1000,
      taxCode: 'std',
      discount: { kind: 'percent', bp: 3000 },
    },
    {
      lineId: 'l2',
      sku: 'TEA',
      name: 'Tea',
      qty: 1,
      unitPrice: 450,
      taxCode: 'reduced',
      override: { unitPrice: 400, reason: 'dented', approvedBy: 'alice' },
    },
  ],
  cartDiscount: { kind: 'amount', amount: 100 },
  customerId: null,
  approvals: [{ kind: 'line_discount', staffId: 'alice', at: '2026-01-01T10:00:00.000Z' }],
};

describe('sale in progress', () => {
  it('restores exactly what was saved, across a reopen of the replica', async () => {
    const name = `sip-${Date.now()}`;
    const first = await open(name);
    expect(await loadSaleInProgress(first)).toEqual({ ok: true, value: null });
    expect((await saveSaleInProgress(first, cart)).ok).toBe(true);
    await first.close();
    const again = await open(name);
    expect(await loadSaleInProgress(again)).toEqual({ ok: true, value: cart });
  });

  it('an empty cart removes the document', async () => {
    const db = await open();
    await saveSaleInProgress(db, cart);
    await saveSaleInProgress(db, emptyCart());
    expect(await db.getLocal(SALE_IN_PROGRESS_ID)).toBeNull();
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: null });
  });

  it('refuses a bad cart and changes nothing', async () => {
    const db = await open();
    await saveSaleInProgress(db, cart);
    const bad = { ...cart, lines: [{ ...cart.lines[0], qty: 1.5 }] } as CartSnapshot;
    const result = await saveSaleInProgress(db, bad);
    expect(result.ok ? null : result.error.code).toBe('cart_invalid');
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: cart });
  });

  it('reports a damaged stored cart with a code instead of half-restoring it', async () => {
    const db = await open();
    await db.upsertLocal(SALE_IN_PROGRESS_ID, { lines: 'nonsense' });
    const result = await loadSaleInProgress(db);
    expect(result.ok ? null : result.error.code).toBe('sale_in_progress_unreadable');
  });

  it('parks the cart, clears it, and resumes it', async () => {
    const db = await open();
    await saveSaleInProgress(db, cart);
    const parked = await parkSale(db, {
      id: 'p1',
      name: 'Blue coat',
      parkedAt: '2026-01-01T10:05:00.000Z',
      clerkId: 'bob',
      cart,
    });
    expect(parked.ok).toBe(true);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: null });
    const list = await listParkedSales(db);
    expect(list.ok && list.value.map((p) => p.name)).toEqual(['Blue coat']);

    const missing = await resumeParkedSale(db, 'nope');
    expect(missing.ok ? null : missing.error.code).toBe('parked_sale_not_found');

    const resumed = await resumeParkedSale(db, 'p1');
    expect(resumed.ok).toBe(true);
    expect(await loadSaleInProgress(db)).toEqual({ ok: true, value: cart });
    expect(await listParkedSales(db)).toEqual({ ok: true, value: [] });
  });

  it('refuses to park an empty cart', async () => {
    const db = await open();
    const result = await parkSale(db, {
      id: 'p1',
      name: 'Nothing',
      parkedAt: '2026-01-01T10:05:00.000Z',
      clerkId: null,
      cart: emptyCart(),
    });
    expect(result.ok ? null : result.error.code).toBe('cart_empty');
    expect(await listParkedSales(db)).toEqual({ ok: true, value: [] });
  });
});
