/**
 * Pins how returns read their history and refuse bad requests: only earlier returns of the same sale or
 * order count against what can still be returned, a second partial return refunds the difference (net and
 * discount), each refusal carries its exact message, and the document records the shift, the approvals
 * and a cash tender only when money goes out.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import type { WebOrder } from '../schemas/web-order';
import type { CartLineInput } from './pricing';
import { buildReturn, cashRefundNeedsApproval, returnableQuantities } from './returns';
import { aNoReceiptApproval, aSale, aWebOrder, context } from '../../../test/support/domain-fixtures';

const mug: CartLineInput = {
  lineId: '1',
  sku: 'MUG',
  name: 'Mug',
  qty: 3,
  unitPrice: 1000,
  taxCode: 'zero',
  discount: { kind: 'amount', amount: 100 },
};
const freeBag: CartLineInput = {
  lineId: '2',
  sku: 'BAG',
  name: 'Bag',
  qty: 1,
  unitPrice: 0,
  taxCode: 'zero',
};

/** Three mugs ($1.00 off the line) and a free bag, paid in cash. */
const sale = (): SaleDocument =>
  aSale({ lines: [mug, freeBag] }, { tenders: [{ method: 'cash', amount: 5000 }] });

/** A collected web order of two mugs. */
const order = (id: string): WebOrder => aWebOrder({ id }, { qty: 2 });

const returnOne = (original: SaleDocument, previousReturns: SaleDocument[] = [], qty = 1) => {
  const r = buildReturn({
    source: { kind: 'sale', sale: original },
    previousReturns,
    requests: [{ lineId: '1', qty, disposition: 'resellable' }],
    context,
    number: 'S1-R1-000101',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const refusal = (r: { ok: true } | { ok: false; error: { code: string; message: string } }) =>
  r.ok ? 'ok' : r.error;

describe('which earlier documents count against a sale or an order', () => {
  it('counts only returns of this very sale', () => {
    const original = sale();
    const other = sale();
    const noReceipt = { ...returnOne(original), returnOf: null };
    const history = [returnOne(other), original, noReceipt];
    expect(returnableQuantities({ kind: 'sale', sale: original }, history).get('1')).toBe(3);
    expect(
      returnableQuantities({ kind: 'sale', sale: original }, [...history, returnOne(original)]).get('1'),
    ).toBe(2);
  });

  it('counts only returns of this very web order', () => {
    const back = (o: WebOrder) => {
      const r = buildReturn({
        source: { kind: 'order', order: o },
        previousReturns: [],
        requests: [{ lineId: '1', qty: 1, disposition: 'resellable' }],
        context,
        number: 'S1-R1-000102',
      });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const mine = order('order-1');
    const history = [back(order('order-2')), returnOne(sale())];
    expect(returnableQuantities({ kind: 'order', order: mine }, history).get('1')).toBe(2);
    expect(returnableQuantities({ kind: 'order', order: mine }, [...history, back(mine)]).get('1')).toBe(1);
  });
});

describe('partial returns refund the difference', () => {
  it('a second unit gets back the rest of two thirds of the net and of the discount', () => {
    // 3 mugs: net 2900, discount 100. One third is 967 / 33; two thirds are 1933 / 67.
    const original = sale();
    const first = returnOne(original);
    expect(first.lines[0]).toMatchObject({ net: -967, discount: -33 });
    const second = returnOne(original, [first]);
    expect(second.lines[0]).toMatchObject({ net: -966, discount: -34 });
    const last = returnOne(original, [first, second]);
    expect(last.lines[0]).toMatchObject({ net: -967, discount: -33 });
  });
});

describe('buildReturn refusals', () => {
  const request = (lineId: string, qty: number) => ({ lineId, qty, disposition: 'resellable' as const });
  const attempt = (
    requests: ReturnType<typeof request>[],
    previousReturns: SaleDocument[] = [],
    currency = 'USD',
  ) => {
    const original = sale();
    return buildReturn({
      source: { kind: 'sale', sale: original },
      previousReturns: previousReturns.map((r) => ({ ...r, returnOf: { saleId: original.id } })),
      requests,
      context: { ...context, currency },
      number: 'S1-R1-000103',
    });
  };

  it('names both currencies on a mismatch', () => {
    expect(refusal(attempt([request('1', 1)], [], 'EUR'))).toEqual({
      code: 'currency_mismatch',
      message: 'the original is in USD, the store in EUR',
    });
  });

  it('explains each refused request', () => {
    expect(refusal(attempt([]))).toEqual({
      code: 'return_empty',
      message: 'choose at least one item to return',
    });
    expect(refusal(attempt([request('9', 1)]))).toEqual({
      code: 'line_not_found',
      message: 'the original has no line 9',
    });
    expect(refusal(attempt([request('1', 1), request('1', 1)]))).toEqual({
      code: 'line_repeated',
      message: 'line 1 is listed twice',
    });
    expect(refusal(attempt([request('1', -1)]))).toEqual({
      code: 'qty_invalid',
      message: 'return a positive whole quantity',
    });
    expect(refusal(attempt([request('1', 2)], [returnOne(sale(), [], 2)]))).toEqual({
      code: 'return_exceeds_sold',
      message: 'only 1 of Mug can still be returned (asked 2)',
    });
  });
});

describe('what the return document records', () => {
  const approval = aNoReceiptApproval();

  it('keeps the shift and records approvals only when there are some', () => {
    const original = sale();
    const args = {
      source: { kind: 'sale' as const, sale: original },
      previousReturns: [],
      requests: [{ lineId: '1', qty: 1, disposition: 'resellable' as const }],
      context,
      number: 'S1-R1-000104',
    };
    const plain = buildReturn(args);
    const empty = buildReturn({ ...args, approvals: [] });
    const approved = buildReturn({ ...args, approvals: [approval] });
    if (!plain.ok || !empty.ok || !approved.ok) throw new Error('return refused');
    expect(plain.value.shiftId).toBe('shift-1');
    expect('approvals' in plain.value).toBe(false);
    expect('approvals' in empty.value).toBe(false);
    expect(approved.value.approvals).toEqual([approval]);
  });

  it('pays no cash tender when the items returned cost nothing', () => {
    const r = buildReturn({
      source: { kind: 'sale', sale: sale() },
      previousReturns: [],
      requests: [{ lineId: '2', qty: 1, disposition: 'resellable' }],
      context,
      number: 'S1-R1-000105',
      refundTo: 'cash',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.tenders).toEqual([]);
  });

  it('needs no approval to refund in cash when the card paid nothing', () => {
    const original = {
      ...sale(),
      tenders: [
        { method: 'cash' as const, amount: 5000, change: 0 },
        { method: 'card' as const, amount: 0 },
      ],
    };
    expect(cashRefundNeedsApproval({ kind: 'sale', sale: original })).toBe(false);
  });
});
