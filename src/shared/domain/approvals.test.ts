import { describe, expect, it } from 'vitest';
import { approvalsNeeded } from './approvals';
import type { CartLineInput } from './pricing';

const thresholds = { lineDiscountBp: 1000, cartDiscountBp: 500, discountAmount: 2000, overrideDropBp: 2000 };
const line = (over: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: '1',
  sku: 'A',
  name: 'Kettle',
  qty: 1,
  unitPrice: 5000,
  taxCode: 'std',
  ...over,
});

describe('approvalsNeeded', () => {
  it('lets a clerk give discounts up to the threshold alone', () => {
    expect(
      approvalsNeeded({ lines: [line({ discount: { kind: 'percent', bp: 1000 } })] }, thresholds),
    ).toEqual([]);
    expect(
      approvalsNeeded({ lines: [line({ discount: { kind: 'amount', amount: 500 } })] }, thresholds),
    ).toEqual([]);
  });

  it('asks for a manager above the share or the amount', () => {
    expect(
      approvalsNeeded({ lines: [line({ discount: { kind: 'percent', bp: 1001 } })] }, thresholds),
    ).toEqual([{ kind: 'line_discount', lineId: '1', message: 'discount on Kettle above the limit' }]);
    const big = line({ qty: 10, discount: { kind: 'amount', amount: 2001 } }); // 4 % but over the amount
    expect(approvalsNeeded({ lines: [big] }, thresholds).map((n) => n.kind)).toEqual(['line_discount']);
  });

  it('checks the cart discount against what is left after line discounts', () => {
    const needs = approvalsNeeded(
      { lines: [line()], cartDiscount: { kind: 'percent', bp: 600 } },
      thresholds,
    );
    expect(needs.map((n) => n.kind)).toEqual(['cart_discount']);
    expect(
      approvalsNeeded({ lines: [line()], cartDiscount: { kind: 'percent', bp: 500 } }, thresholds),
    ).toEqual([]);
  });

  it('asks for a manager when an override lowers the price too far, not when it raises it', () => {
    const lower = line({ override: { unitPrice: 3999, reason: 'match', approvedBy: null } });
    expect(approvalsNeeded({ lines: [lower] }, thresholds).map((n) => n.kind)).toEqual(['price_override']);
    const slight = line({ override: { unitPrice: 4000, reason: 'match', approvedBy: null } });
    expect(approvalsNeeded({ lines: [slight] }, thresholds)).toEqual([]);
    const higher = line({ override: { unitPrice: 6000, reason: 'wrong label', approvedBy: null } });
    expect(approvalsNeeded({ lines: [higher] }, thresholds)).toEqual([]);
  });
});
