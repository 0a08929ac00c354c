/**
 * Pins the manager's prompt for a lowered price (it names the item and the threshold in percent) and that
 * the cart discount is judged against the subtotal after line discounts.
 */
import { describe, expect, it } from 'vitest';
import { approvalsNeeded } from './approvals';
import type { CartLineInput } from './pricing';

const thresholds = {
  lineDiscountBp: 5000,
  cartDiscountBp: 1600,
  discountAmount: 100_000,
  overrideDropBp: 2500,
};
const line = (over: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: 'L1',
  sku: 'A',
  name: 'Teapot',
  qty: 1,
  unitPrice: 1000,
  taxCode: 'std',
  ...over,
});

describe('approvalsNeeded', () => {
  it('asks about a price lowered past the threshold, in percent', () => {
    expect(
      approvalsNeeded(
        { lines: [line({ override: { unitPrice: 700, reason: 'match', approvedBy: null } })] },
        thresholds,
      ),
    ).toEqual([
      { kind: 'price_override', lineId: 'L1', message: 'price of Teapot lowered by more than 25%' },
    ]);
  });

  it('measures a cart discount against the subtotal after line discounts', () => {
    // 1000 less a 100 line discount is 900; 150 off 900 is 16.7 %, above 16 % (of 1000 it would be 15 %).
    const cart = {
      lines: [line({ discount: { kind: 'amount', amount: 100 } })],
      cartDiscount: { kind: 'amount', amount: 150 },
    } as const;
    expect(approvalsNeeded(cart, thresholds)).toEqual([
      { kind: 'cart_discount', message: 'cart discount above the limit' },
    ]);
    // 140 off 900 is 15.6 %: within the limit.
    expect(approvalsNeeded({ ...cart, cartDiscount: { kind: 'amount', amount: 140 } }, thresholds)).toEqual(
      [],
    );
  });
});
