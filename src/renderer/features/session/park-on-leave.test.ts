import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '@till/shared/schemas/product';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import { listParkedSales } from '../../../sync/sale-in-progress';
import { bindCartReplica, useCartStore } from '../sale/cart-store';
import { useTenderStore } from '../tender/tender-store';
import { parkCartOnLeave, parkedForName } from './park-on-leave';

const storage = getRxStorageMemory();
const opened: TillDatabase[] = [];
const bob = { id: 'staff-bob', name: 'Bob Clerk' };

const product = (sku: string): Product => ({
  sku,
  name: `Item ${sku}`,
  price: 100,
  currency: 'USD',
  taxCode: 'std',
  barcodes: [],
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

async function open() {
  const db = await openTillDatabase({ name: `leave-${opened.length}-${Date.now()}`, storage });
  opened.push(db);
  bindCartReplica(db);
  return db;
}

beforeEach(() => {
  useCartStore.getState().clear();
  useCartStore.setState({ restored: true });
  useTenderStore.setState({ tenders: [] });
});
afterEach(async () => {
  bindCartReplica(null);
  useTenderStore.setState({ tenders: [] });
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

describe('leaving the register with a sale in the cart', () => {
  it('parks it under the clerk’s name with its item count, and the cart is empty', async () => {
    const db = await open();
    useCartStore.getState().addProduct(product('A'), 2);
    useCartStore.getState().addProduct(product('B'));
    const lines = useCartStore.getState().lines;

    const left = await parkCartOnLeave(bob);
    expect(left).toEqual({ ok: true, value: 'Parked for Bob Clerk — 3 items. Resume it from Parked sales.' });
    expect(useCartStore.getState().lines).toEqual([]);
    const parked = await listParkedSales(db);
    if (!parked.ok) throw new Error(parked.error.message);
    expect(parked.value.map((p) => [p.name, p.clerkId])).toEqual([
      ['Parked for Bob Clerk — 3 items', bob.id],
    ]);

    // The next clerk resumes it from the parked list, exactly as it was.
    const resumed = await useCartStore.getState().resume(parked.value[0]?.id ?? '');
    expect(resumed.ok).toBe(true);
    expect(useCartStore.getState().lines).toEqual(lines);
  });

  it('parks nothing when the cart is empty', async () => {
    const db = await open();
    expect(await parkCartOnLeave(bob)).toEqual({ ok: true, value: null });
    const parked = await listParkedSales(db);
    expect(parked.ok && parked.value).toEqual([]);
  });

  it('refuses while a payment is in progress, leaving the cart as it was', async () => {
    const db = await open();
    useCartStore.getState().addProduct(product('A'));
    const lines = useCartStore.getState().lines;
    useTenderStore.setState({ tenders: [{ method: 'cash', amount: 50 }] });
    const left = await parkCartOnLeave(bob);
    expect(left.ok ? null : left.error.code).toBe('payment_in_progress');
    expect(useCartStore.getState().lines).toEqual(lines);
    const parked = await listParkedSales(db);
    expect(parked.ok && parked.value).toEqual([]);
  });

  it('says why when the sale cannot be parked, and keeps it in the cart', async () => {
    useCartStore.getState().addProduct(product('A'));
    const left = await parkCartOnLeave(bob);
    expect(left.ok ? null : left.error.code).toBe('replica_closed');
    expect(useCartStore.getState().lines).toHaveLength(1);
  });

  it('names one item in the singular', () => {
    expect(parkedForName('Dan Clerk', 1)).toBe('Parked for Dan Clerk — 1 item');
  });
});
