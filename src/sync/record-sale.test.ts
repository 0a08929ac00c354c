/**
 * Recording a sale in the replica: a sale that breaks the contract is refused with every broken rule named
 * (code and field), a second sale with the same id is refused by id, and any other storage failure is
 * thrown rather than passed off as a duplicate. Nothing is written when a sale is refused.
 */
import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../test/support/memory-replicas';
import { aSale } from '../../test/support/domain-fixtures';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { recordSale } from './record-sale';

const { open } = memoryReplicas('rec');

/** Two mugs at $10.00 as receipt S1-R1-000001. */
const twoMugs = (): SaleDocument =>
  aSale({ lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' }] });

describe('recording a sale', () => {
  it('refuses a sale that breaks the contract, naming each broken rule and its field', async () => {
    const db = await open();
    const s = twoMugs();
    const broken: SaleDocument = {
      ...s,
      lines: [{ ...s.lines[0]!, gross: s.lines[0]!.gross + 1 }],
    };
    const result = await recordSale(db, broken);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'sale_invalid',
        message: 'this sale breaks the sale contract: line_gross (lines.0), totals_gross (totals.gross)',
      },
    });
    expect(await db.sales.count().exec()).toBe(0);
  });

  it('refuses a second sale with the same id, by its id, and keeps the first', async () => {
    const db = await open();
    const s = twoMugs();
    expect(await recordSale(db, s)).toEqual({ ok: true, value: s });
    const again = await recordSale(db, { ...s, number: 'S1-R1-000002' });
    expect(again).toEqual({
      ok: false,
      error: { code: 'sale_exists', message: `a sale with id ${s.id} is already recorded` },
    });
    expect((await db.sales.findOne(s.id).exec())?.number).toBe(s.number);
  });

  it('throws a storage failure that is not a duplicate', async () => {
    const db = await open();
    await db.close();
    await expect(recordSale(db, twoMugs())).rejects.toThrow();
  });
});
