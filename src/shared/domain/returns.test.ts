import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import { priceCart } from './pricing';
import {
  buildReturn,
  buildReturnWithoutReceipt,
  cashRefundNeedsApproval,
  returnableQuantities,
} from './returns';
import { buildSale } from './sale-builder';
import { tenderPaid } from './tenders';
import {
  aNoReceiptApproval,
  aSale,
  aWebOrder,
  cartArb,
  context,
  exclusive,
  unwrap,
} from '../../../test/support/domain-fixtures';

/** Three mugs and a tea with $1.00 off the cart, paid partly by card (ch_1) and partly in cash. */
function sale(): SaleDocument {
  return aSale(
    {
      lines: [
        { lineId: '1', sku: 'MUG', name: 'Mug', qty: 3, unitPrice: 1000, taxCode: 'std' },
        { lineId: '2', sku: 'TEA', name: 'Tea', qty: 1, unitPrice: 450, taxCode: 'reduced' },
      ],
      cartDiscount: { kind: 'amount', amount: 100 },
    },
    {
      tenders: [
        { method: 'card', amount: 2000, reference: 'ch_1' },
        { method: 'cash', amount: 2000 },
      ],
    },
  );
}

const returnArgs = (original: SaleDocument, previousReturns: SaleDocument[], n: number) => ({
  source: { kind: 'sale' as const, sale: original },
  previousReturns,
  context,
  number: `S1-R1-${String(100 + n).padStart(6, '0')}`,
});

describe('buildReturn', () => {
  it('gives back one of three mugs at a third of what the line cost, discount included', () => {
    const original = sale();
    const mug = original.lines[0]!;
    const r = buildReturn({
      ...returnArgs(original, [], 1),
      requests: [{ lineId: '1', qty: 1, disposition: 'resellable' }],
    });
    if (!r.ok) throw new Error(r.error.message);
    const line = r.value.lines[0]!;
    expect(r.value.kind).toBe('return');
    expect(r.value.returnOf).toEqual({ saleId: original.id });
    expect(line).toMatchObject({ qty: -1, sku: 'MUG', disposition: 'resellable', returnOfLineId: '1' });
    expect(line.net).toBe(-Math.round(mug.net / 3));
    expect(line.discount).toBe(-Math.round(mug.discount / 3));
    // The refund goes to the card first.
    expect(r.value.tenders).toEqual([{ method: 'card', amount: line.gross, reference: 'ch_1' }]);
  });

  it('refuses to return more than was sold, across partial returns', () => {
    const original = sale();
    const first = buildReturn({
      ...returnArgs(original, [], 1),
      requests: [{ lineId: '1', qty: 2, disposition: 'damaged' }],
    });
    if (!first.ok) throw new Error(first.error.message);
    const second = buildReturn({
      ...returnArgs(original, [first.value], 2),
      requests: [{ lineId: '1', qty: 2, disposition: 'resellable' }],
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'return_exceeds_sold' } });
    expect(returnableQuantities({ kind: 'sale', sale: original }, [first.value])).toEqual(
      new Map([
        ['1', 1],
        ['2', 1],
      ]),
    );
  });

  it('refuses unknown lines, repeated lines, zero quantities and empty returns', () => {
    const original = sale();
    const code = (requests: { lineId: string; qty: number; disposition: 'resellable' }[]) => {
      const r = buildReturn({ ...returnArgs(original, [], 1), requests });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code([{ lineId: '9', qty: 1, disposition: 'resellable' }])).toBe('line_not_found');
    expect(
      code([
        { lineId: '1', qty: 1, disposition: 'resellable' },
        { lineId: '1', qty: 1, disposition: 'resellable' },
      ]),
    ).toBe('line_repeated');
    expect(code([{ lineId: '1', qty: 0, disposition: 'resellable' }])).toBe('qty_invalid');
    expect(code([])).toBe('return_empty');
  });

  it('returns a web order to its original card payment (BORIS)', () => {
    // Two taxed mugs, $21.78 paid by card with charge ch_web_1.
    const order = aWebOrder(
      { id: 'order-1', payment: { method: 'card', amount: 2178, reference: 'ch_web_1' } },
      { qty: 2, tax: 178, taxCode: 'std' },
    );
    const r = buildReturn({
      source: { kind: 'order', order },
      previousReturns: [],
      requests: [{ lineId: '1', qty: 2, disposition: 'resellable' }],
      context,
      number: 'S1-R1-000009',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.returnOf).toEqual({ orderId: 'order-1' });
    expect(r.value.tenders).toEqual([{ method: 'card', amount: -2178, reference: 'ch_web_1' }]);
    expect(r.value.totals.gross).toBe(-2178);
  });

  it('any sequence of partial returns refunds at most what was paid, and exactly that in full', () => {
    fc.assert(
      fc.property(
        cartArb,
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (cart, cardShare, steps, finishAll) => {
          const priced = priceCart(cart, exclusive);
          if (!priced.ok) throw new Error(priced.error.message);
          const gross = priced.value.totals.gross;
          const card = Math.floor((gross * cardShare) / 100);
          const tenders = [
            ...(card > 0 ? [{ method: 'card' as const, amount: card, reference: 'ch_x' }] : []),
            ...(gross - card > 0 ? [{ method: 'cash' as const, amount: gross - card + 500 }] : []),
          ];
          const built = buildSale({ context, priced: priced.value, tenders, number: 'S1-R1-000001' });
          if (!built.ok) throw new Error(built.error.message);
          const original = built.value;
          const returns: SaleDocument[] = [];
          const source = { kind: 'sale' as const, sale: original };

          const tryReturn = (lineId: string, qty: number) => {
            const left = returnableQuantities(source, returns).get(lineId) ?? 0;
            const r = buildReturn({
              ...returnArgs(original, returns, returns.length),
              requests: [{ lineId, qty, disposition: 'resellable' }],
            });
            if (qty > left) {
              expect(r).toMatchObject({ ok: false, error: { code: 'return_exceeds_sold' } });
              return;
            }
            if (!r.ok) throw new Error(r.error.message);
            returns.push(r.value);
          };

          for (const [pick, qty] of steps) {
            const line = original.lines[pick % original.lines.length]!;
            tryReturn(line.lineId, qty);
          }
          if (finishAll) {
            for (const line of original.lines) {
              const left = returnableQuantities(source, returns).get(line.lineId) ?? 0;
              if (left > 0) tryReturn(line.lineId, left);
            }
          }

          const refunded = 0 - returns.reduce((s, r) => s + r.totals.gross, 0);
          expect(refunded).toBeGreaterThanOrEqual(0);
          expect(refunded).toBeLessThanOrEqual(gross);
          for (const line of original.lines) {
            const back = returns.flatMap((r) => r.lines).filter((l) => l.returnOfLineId === line.lineId);
            const units = 0 - back.reduce((s, l) => s + l.qty, 0);
            const net = 0 - back.reduce((s, l) => s + l.net, 0);
            const tax = 0 - back.reduce((s, l) => s + l.tax, 0);
            expect(units).toBeLessThanOrEqual(line.qty);
            expect(net).toBeLessThanOrEqual(line.net);
            expect(tax).toBeLessThanOrEqual(line.tax);
            if (units === line.qty) {
              expect(net).toBe(line.net);
              expect(tax).toBe(line.tax);
            }
          }
          // No tender gets back more than it paid; each refund tender is negative.
          original.tenders.forEach((t) => {
            const back = -returns
              .flatMap((r) => r.tenders)
              .filter((rt) => rt.method === t.method)
              .reduce((s, rt) => s + rt.amount, 0);
            expect(back).toBeLessThanOrEqual(tenderPaid(t));
          });
          if (finishAll) expect(refunded).toBe(gross);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('refunds in cash instead of the original tenders', () => {
  it('pays the same amount in one cash tender, and later returns still see what is left per tender', () => {
    const original = sale();
    expect(cashRefundNeedsApproval({ kind: 'sale', sale: original })).toBe(true);
    const first = buildReturn({
      ...returnArgs(original, [], 1),
      requests: [{ lineId: '1', qty: 1, disposition: 'damaged' }],
      refundTo: 'cash',
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.tenders).toEqual([{ method: 'cash', amount: first.value.totals.gross }]);
    const rest = buildReturn({
      ...returnArgs(original, [first.value], 2),
      requests: [
        { lineId: '1', qty: 2, disposition: 'resellable' },
        { lineId: '2', qty: 1, disposition: 'resellable' },
      ],
    });
    if (!rest.ok) throw new Error(rest.error.message);
    const refunded = -(first.value.totals.gross + rest.value.totals.gross);
    expect(refunded).toBe(original.totals.gross);
  });

  it('needs no approval for a sale paid only in cash', () => {
    const original = { ...sale(), tenders: [{ method: 'cash' as const, amount: 5000, change: 0 }] };
    expect(cashRefundNeedsApproval({ kind: 'sale', sale: original })).toBe(false);
  });
});

describe('buildReturnWithoutReceipt', () => {
  const priced = () =>
    unwrap(
      priceCart(
        { lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' }] },
        exclusive,
      ),
    );
  const approval = aNoReceiptApproval({ kind: 'return_without_receipt' });

  it('gives the items back at today’s price, in cash, with no original and the approval on it', () => {
    const p = priced();
    const r = buildReturnWithoutReceipt({
      priced: p,
      dispositions: new Map([['1', 'resellable' as const]]),
      context,
      number: 'S1-R1-000009',
      approvals: [approval],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ kind: 'return', returnOf: null, approvals: [approval] });
    expect(r.value.lines[0]).toMatchObject({ qty: -2, gross: -p.totals.gross, disposition: 'resellable' });
    expect(r.value.tenders).toEqual([{ method: 'cash', amount: -p.totals.gross }]);
  });

  it('refuses without a manager’s approval or without a disposition', () => {
    const base = { priced: priced(), context, number: 'S1-R1-000010' };
    const noApproval = buildReturnWithoutReceipt({
      ...base,
      dispositions: new Map([['1', 'damaged' as const]]),
      approvals: [],
    });
    expect(noApproval.ok ? null : noApproval.error.code).toBe('approval_missing');
    const noDisposition = buildReturnWithoutReceipt({
      ...base,
      dispositions: new Map(),
      approvals: [approval],
    });
    expect(noDisposition.ok ? null : noDisposition.error.code).toBe('disposition_missing');
  });
});
