import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../test/support/memory-replicas';
import { aSale } from '../../test/support/domain-fixtures';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { recordSale } from './record-sale';
import { localStock, unacknowledgedUnits } from './stock-view';

const { open } = memoryReplicas('reg');

/** `qty` mugs as receipt S1-R1-000001 (the restart test finds the sale again by that number). */
function sale(qty = 2): SaleDocument {
  return aSale(
    { lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty, unitPrice: 1000, taxCode: 'std' }] },
    { number: 'S1-R1-000001' },
  );
}

describe('register database', () => {
  it('opens the collections and keeps a recorded sale across a restart', async () => {
    const name = `reg-${Date.now()}-a`;
    const db = await open(name);
    expect(Object.keys(db.collections).sort()).toEqual(
      ['audit', 'customers', 'orders', 'products', 'sales', 'settings', 'shifts', 'staff', 'stock'].sort(),
    );
    const s = sale();
    expect(await recordSale(db, s)).toEqual({ ok: true, value: s });
    await db.close();
    const again = await open(name);
    expect((await again.sales.findOne(s.id).exec())?.number).toBe('S1-R1-000001');
  });

  it('refuses an invalid sale and a duplicate, changing nothing', async () => {
    const db = await open();
    const s = sale();
    const broken = { ...s, totals: { ...s.totals, gross: s.totals.gross + 1 } };
    expect(await recordSale(db, broken)).toMatchObject({ ok: false, error: { code: 'sale_invalid' } });
    expect(await db.sales.count().exec()).toBe(0);
    await recordSale(db, s);
    expect(await recordSale(db, s)).toMatchObject({ ok: false, error: { code: 'sale_exists' } });
    expect(await db.sales.count().exec()).toBe(1);
  });

  it('shows stock as the hub level minus unacknowledged sales, resellable returns added back', async () => {
    const db = await open();
    await db.stock.insert({
      id: 'store-1:MUG',
      storeId: 'store-1',
      sku: 'MUG',
      onHand: 10,
      reserved: 0,
      available: 10,
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
    const a = sale(2);
    const b = sale(3);
    await recordSale(db, a);
    await recordSale(db, b);
    expect(await localStock(db, 'store-1', 'MUG', [a.id, b.id])).toEqual({
      sku: 'MUG',
      hubOnHand: 10,
      unacknowledged: 5,
      onHand: 5,
    });
    // a was acknowledged: the hub level (not yet re-pulled here) is what counts for it.
    expect((await localStock(db, 'store-1', 'MUG', [b.id])).onHand).toBe(7);
    const ret = {
      ...a,
      kind: 'return' as const,
      lines: a.lines.map((l) => ({ ...l, qty: -1, disposition: 'damaged' as const })),
    };
    expect(unacknowledgedUnits([ret], 'MUG')).toBe(0);
    expect(
      unacknowledgedUnits(
        [{ ...ret, lines: ret.lines.map((l) => ({ ...l, disposition: 'resellable' as const })) }],
        'MUG',
      ),
    ).toBe(-1);
  });

  it('opening a replica already open in this page closes the first one and keeps its data', async () => {
    const name = `reg-${Date.now()}-dup`;
    const first = await open(name);
    const s = sale();
    await recordSale(first, s);
    const second = await open(name);
    expect(first.closed).toBe(true);
    expect((await second.sales.findOne(s.id).exec())?.number).toBe('S1-R1-000001');
  });

  it('counts only the lines of the SKU asked about', () => {
    const mixed = aSale({
      lines: [
        { lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' },
        { lineId: '2', sku: 'CUP', name: 'Cup', qty: 3, unitPrice: 500, taxCode: 'std' },
        { lineId: '3', sku: 'MUG', name: 'Mug', qty: 1, unitPrice: 1000, taxCode: 'std' },
      ],
    });
    expect(unacknowledgedUnits([mixed], 'MUG')).toBe(3);
    expect(unacknowledgedUnits([mixed], 'CUP')).toBe(3);
    expect(unacknowledgedUnits([mixed], 'PEN')).toBe(0);
  });
});
