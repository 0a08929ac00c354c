/**
 * Pins the rules of a return without a receipt: only a `return_without_receipt` approval allows it, each
 * refusal carries its exact message, every line must be a positive whole quantity, and discounts, the
 * shift and the cash tender are carried onto the return document with the right signs.
 */
import { describe, expect, it } from 'vitest';
import type { Disposition } from '../schemas/sale';
import { type PricedCart, priceCart } from './pricing';
import { buildReturnWithoutReceipt } from './returns';
import { aNoReceiptApproval, context, exclusive, unwrap } from '../../../test/support/domain-fixtures';

function twoMugs(): PricedCart {
  return unwrap(
    priceCart(
      {
        lines: [
          {
            lineId: '1',
            sku: 'MUG',
            name: 'Mug',
            qty: 2,
            unitPrice: 1000,
            taxCode: 'zero',
            discount: { kind: 'amount', amount: 150 },
          },
        ],
      },
      exclusive,
    ),
  );
}

const approval = aNoReceiptApproval({ kind: 'return_without_receipt' });
const resellable = new Map<string, Disposition>([['1', 'resellable']]);

const attempt = (priced: PricedCart, over: Partial<Parameters<typeof buildReturnWithoutReceipt>[0]> = {}) =>
  buildReturnWithoutReceipt({
    priced,
    dispositions: resellable,
    context,
    number: 'S1-R1-000201',
    approvals: [approval],
    ...over,
  });

const refusal = (r: ReturnType<typeof buildReturnWithoutReceipt>) => (r.ok ? 'ok' : r.error);

describe('buildReturnWithoutReceipt refusals', () => {
  it('an approval of another kind does not allow it', () => {
    const other = { ...approval, kind: 'price_override' as const };
    expect(refusal(attempt(twoMugs(), { approvals: [other] }))).toEqual({
      code: 'approval_missing',
      message: 'a return without a receipt needs a manager’s approval',
    });
  });

  it('names both currencies on a mismatch', () => {
    expect(refusal(attempt({ ...twoMugs(), currency: 'EUR' }))).toEqual({
      code: 'currency_mismatch',
      message: 'the items are in EUR, the store in USD',
    });
  });

  it('needs at least one item', () => {
    expect(refusal(attempt({ ...twoMugs(), lines: [] }))).toEqual({
      code: 'return_empty',
      message: 'choose at least one item to return',
    });
  });

  it('takes only positive whole quantities', () => {
    const qtyInvalid = { code: 'qty_invalid', message: 'return a positive whole quantity' };
    const withQty = (qty: number) => {
      const p = twoMugs();
      return { ...p, lines: [{ ...p.lines[0]!, qty }] };
    };
    expect(refusal(attempt(withQty(1.5)))).toEqual(qtyInvalid);
    expect(refusal(attempt(withQty(0)))).toEqual(qtyInvalid);
    expect(refusal(attempt(withQty(-2)))).toEqual(qtyInvalid);
  });

  it('names the item that has no disposition', () => {
    expect(refusal(attempt(twoMugs(), { dispositions: new Map() }))).toEqual({
      code: 'disposition_missing',
      message: 'say where Mug goes: resellable or damaged',
    });
  });
});

describe('the return document without a receipt', () => {
  it('gives the discount back as a negative amount on the line and in the totals', () => {
    const r = attempt(twoMugs());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lines[0]).toMatchObject({ qty: -2, discount: -150, net: -1850, gross: -1850 });
    expect(r.value.totals).toEqual({ net: -1850, tax: 0, gross: -1850, discount: -150 });
    expect(r.value.tenders).toEqual([{ method: 'cash', amount: -1850 }]);
  });

  it('keeps the shift it was made in', () => {
    const r = attempt(twoMugs());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.shiftId).toBe('shift-1');
  });
});
