/**
 * Completing a sale against a real RxDB replica (memory storage): numbering after the highest receipt
 * number of this register, the open shift, change from cash only, refusals that record nothing, and the
 * kept payment starting afresh once its sale is recorded.
 */
import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../../../test/support/memory-replicas';
import { priceCart } from '@till/shared/domain/pricing';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { TillDatabase } from '../../../sync/database';
import { aShift, exclusive } from '../../../../test/support/domain-fixtures';
import { type CompleteSaleInput, completeSale } from './complete-sale';
import { loadTenderInProgress, saveTenderInProgress } from './tender-persistence';
import { registerCodeOf } from './tender-math';

const { open } = memoryReplicas('tender');

const registerId = 'reg-3f2a9c1b-0000-4000-8000-000000000000';

function input(db: TillDatabase, tenders: CompleteSaleInput['tenders']): CompleteSaleInput {
  const priced = priceCart(
    { lines: [{ lineId: 'l1', sku: 'MILK', name: 'Milk', qty: 2, unitPrice: 450, taxCode: 'std' }] },
    exclusive,
  );
  if (!priced.ok) throw new Error(priced.error.message);
  return {
    db,
    saleId: newDocumentId(),
    storeId: 'store-1',
    storeCode: '1',
    registerId,
    clerkId: 'staff-bob',
    customerId: null,
    currency: 'USD',
    priced: priced.value,
    tenders,
    approvals: [],
  };
}

describe('completeSale', () => {
  it('numbers sales in sequence, records the open shift, and gives change from cash only', async () => {
    const db = await open();
    const shiftId = 'shift-1';
    const now = new Date().toISOString();
    await db.shifts.insert(aShift({ id: shiftId, registerId, openedAt: now, updatedAt: now }));
    const base = input(db, []);
    const gross = base.priced.totals.gross;
    const first = await completeSale({
      ...base,
      tenders: [
        { method: 'card', amount: 500, reference: 'SIM-1' },
        { method: 'cash', amount: 2000 },
      ],
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const code = registerCodeOf(registerId);
    expect(first.value).toMatchObject({ id: base.saleId, number: `S1-R${code}-000001`, shiftId });
    expect(first.value.tenders).toEqual([
      { method: 'card', amount: 500, reference: 'SIM-1' },
      { method: 'cash', amount: 2000, change: 2500 - gross },
    ]);

    const second = await completeSale({ ...input(db, [{ method: 'cash', amount: gross }]) });
    expect(second.ok && second.value.number).toBe(`S1-R${code}-000002`);
    expect(await db.sales.count().exec()).toBe(2);
  });

  it('refuses an underpaid sale, a card paying more than the total, and a repeat of a recorded sale', async () => {
    const db = await open();
    const base = input(db, []);
    const gross = base.priced.totals.gross;
    expect(await completeSale({ ...base, tenders: [{ method: 'cash', amount: gross - 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'underpaid' },
    });
    expect(await completeSale({ ...base, tenders: [{ method: 'card', amount: gross + 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'overpaid_non_cash' },
    });
    expect(await db.sales.count().exec()).toBe(0);
    expect((await completeSale({ ...base, tenders: [{ method: 'cash', amount: gross }] })).ok).toBe(true);
    expect(await completeSale({ ...base, tenders: [{ method: 'cash', amount: gross }] })).toMatchObject({
      ok: false,
      error: { code: 'sale_exists' },
    });
    expect(await db.sales.count().exec()).toBe(1);
  });
});

describe('the kept payment', () => {
  it('comes back after a reload, and starts afresh once its sale is recorded', async () => {
    const db = await open();
    const base = input(db, []);
    const kept = {
      saleId: base.saleId,
      tenders: [{ method: 'card' as const, amount: 500, reference: 'SIM-9' }],
    };
    await saveTenderInProgress(db, kept);
    expect(await loadTenderInProgress(db)).toEqual(kept);

    const gross = base.priced.totals.gross;
    await completeSale({ ...base, tenders: [...kept.tenders, { method: 'cash', amount: gross - 500 }] });
    const after = await loadTenderInProgress(db);
    expect(after.saleId).not.toBe(base.saleId);
    expect(after.tenders).toEqual([]);
  });
});
