/**
 * The approval thresholds are limits a clerk may reach alone: a discount exactly on the amount limit (or
 * exactly on the share) needs no manager, one minor unit more does. Checked for line and cart discounts.
 */
import { describe, expect, it } from 'vitest';
import { approvalsNeeded } from './approvals';
import type { CartLineInput } from './pricing';

// Shares far above what the amounts below reach, so only the amount limit can decide.
const thresholds = { lineDiscountBp: 5000, cartDiscountBp: 5000, discountAmount: 2000, overrideDropBp: 2000 };
/** 10 × 50.00: a discount of 20.00 on it is 4 %, well under either share. */
const line = (over: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: '1',
  sku: 'A',
  name: 'Kettle',
  qty: 10,
  unitPrice: 5000,
  taxCode: 'std',
  ...over,
});

describe('approval amount limit', () => {
  it('a line discount exactly on the amount limit needs no manager; one unit more does', () => {
    const on = line({ discount: { kind: 'amount', amount: 2000 } });
    expect(approvalsNeeded({ lines: [on] }, thresholds)).toEqual([]);
    const over = line({ discount: { kind: 'amount', amount: 2001 } });
    expect(approvalsNeeded({ lines: [over] }, thresholds)).toEqual([
      { kind: 'line_discount', lineId: '1', message: 'discount on Kettle above the limit' },
    ]);
  });

  it('a cart discount exactly on the amount limit needs no manager; one unit more does', () => {
    const on = { lines: [line()], cartDiscount: { kind: 'amount' as const, amount: 2000 } };
    expect(approvalsNeeded(on, thresholds)).toEqual([]);
    const over = { lines: [line()], cartDiscount: { kind: 'amount' as const, amount: 2001 } };
    expect(approvalsNeeded(over, thresholds)).toEqual([
      { kind: 'cart_discount', message: 'cart discount above the limit' },
    ]);
  });

  it('a percentage that works out exactly at the amount limit needs no manager either', () => {
    // 4 % of 500.00 is 20.00: on the amount limit, under the share.
    const on = line({ discount: { kind: 'percent', bp: 400 } });
    expect(approvalsNeeded({ lines: [on] }, thresholds)).toEqual([]);
  });
});
