import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { buildWebOrderReturn, mergeReturns, webOrderReturnable } from './web-order-returns';

const order: WebOrder = {
  id: 'ord-1',
  number: 'W000001',
  status: 'collected',
  fulfilment: { type: 'pickup', storeId: 'store-1' },
  customerId: null,
  customer: { email: 'ann@example.com', name: 'Ann', phone: null },
  currency: 'USD',
  lines: [
    {
      lineId: '1',
      sku: 'A',
      name: 'Mug',
      qty: 3,
      unitPrice: 1000,
      discount: 100,
      net: 2900,
      tax: 232,
      gross: 3132,
      taxCode: 'std',
    },
    {
      lineId: '2',
      sku: 'B',
      name: 'Tea',
      qty: 1,
      unitPrice: 500,
      discount: 0,
      net: 500,
      tax: 40,
      gross: 540,
      taxCode: 'std',
    },
  ],
  totals: { net: 3400, tax: 272, gross: 3672, discount: 100 },
  payment: { method: 'card', amount: 3672, reference: 'ch_1' },
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};
const context = {
  storeId: 'store-1',
  registerId: 'reg-1',
  clerkId: 'staff-1',
  customerId: null,
  currency: 'USD',
};

function give(
  previous: SaleDocument[],
  lineId: string,
  qty: number,
  n: number,
  refundTo: 'original' | 'store_credit' = 'original',
) {
  const built = buildWebOrderReturn({
    order,
    previous,
    requests: [{ lineId, qty, disposition: 'resellable' }],
    context,
    number: `S1-R1-00000${n}`,
    refundTo,
    now: new Date(Date.UTC(2026, 0, 2, 10, n)),
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

describe('web-order returns at the counter', () => {
  it('counts returns of several visits, from the replica and the hub, each once', () => {
    const first = give([], '1', 1, 1);
    const second = give([first], '1', 1, 2);
    // The hub knows both; the replica only the second (the first was made at another store).
    const previous = mergeReturns([second], [first, second]);
    expect(previous.map((d) => d.id)).toEqual([first.id, second.id]);
    const left = webOrderReturnable(order, previous);
    expect(left.get('1')).toBe(1);
    expect(left.get('2')).toBe(1);
  });

  it('refuses more units than are left and refunds exactly what was paid across visits', () => {
    const a = give([], '1', 2, 1);
    const over = buildWebOrderReturn({
      order,
      previous: [a],
      requests: [{ lineId: '1', qty: 2, disposition: 'resellable' }],
      context,
      number: 'S1-R1-000009',
      refundTo: 'original',
    });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.code).toBe('return_exceeds_sold');
    const b = give([a], '1', 1, 2);
    const c = give([a, b], '2', 1, 3);
    const refunded = [a, b, c].reduce((s, d) => s - d.totals.gross, 0);
    expect(refunded).toBe(order.payment.amount);
    expect(webOrderReturnable(order, [a, b, c])).toEqual(
      new Map([
        ['1', 0],
        ['2', 0],
      ]),
    );
  });

  it('refunds the original card by its charge, or store credit when asked', () => {
    const card = give([], '2', 1, 1);
    expect(card.tenders).toEqual([{ method: 'card', amount: -540, reference: 'ch_1' }]);
    expect(card.returnOf).toEqual({ orderId: 'ord-1' });
    const credit = give([], '2', 1, 2, 'store_credit');
    expect(credit.tenders).toEqual([{ method: 'store_credit', amount: -540 }]);
  });
});
