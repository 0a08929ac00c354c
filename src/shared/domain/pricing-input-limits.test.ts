/**
 * Pins the exact limits of the input priceCart and discountAmount accept: each part of every validity
 * check (whole numbers, signs, upper bounds), the message a clerk sees for each refusal, and when a cart
 * discount is refused because the cart holds returned items.
 */
import { describe, expect, it } from 'vitest';
import { type CartLineInput, discountAmount, priceCart } from './pricing';
import { exclusive } from '../../../test/support/domain-fixtures';

const line = (over: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: '1',
  sku: 'A',
  name: 'Mug',
  qty: 2,
  unitPrice: 1000,
  taxCode: 'std',
  ...over,
});

const refusal = (r: { ok: true } | { ok: false; error: { code: string; message: string } }) =>
  r.ok ? 'ok' : r.error;

describe('discountAmount: percentage discounts', () => {
  const percentMessage = {
    code: 'discount_invalid',
    message: 'a percentage discount must be between 0 and 100 %',
  };

  it('accepts 0 % and 100 % exactly', () => {
    expect(discountAmount(1000, { kind: 'percent', bp: 0 })).toEqual({ ok: true, value: 0 });
    expect(discountAmount(1000, { kind: 'percent', bp: 10_000 })).toEqual({ ok: true, value: 1000 });
  });

  it('refuses a fraction of a basis point, a negative share and more than 100 %', () => {
    expect(refusal(discountAmount(1000, { kind: 'percent', bp: 1.5 }))).toEqual(percentMessage);
    expect(refusal(discountAmount(1000, { kind: 'percent', bp: -1 }))).toEqual(percentMessage);
    expect(refusal(discountAmount(1000, { kind: 'percent', bp: 10_001 }))).toEqual(percentMessage);
  });
});

describe('discountAmount: amount discounts', () => {
  const amountMessage = {
    code: 'discount_invalid',
    message: 'a discount amount must be a non-negative integer of minor units',
  };

  it('refuses a fractional or negative amount', () => {
    expect(refusal(discountAmount(1000, { kind: 'amount', amount: 1.5 }))).toEqual(amountMessage);
    expect(refusal(discountAmount(1000, { kind: 'amount', amount: -1 }))).toEqual(amountMessage);
  });

  it('accepts a zero amount and the whole amount', () => {
    expect(discountAmount(1000, { kind: 'amount', amount: 0 })).toEqual({ ok: true, value: 0 });
    expect(discountAmount(1000, { kind: 'amount', amount: 1000 })).toEqual({ ok: true, value: 1000 });
  });

  it('says how much the discount exceeds, measured on the size of a refund line too', () => {
    expect(refusal(discountAmount(-500, { kind: 'amount', amount: 600 }))).toEqual({
      code: 'discount_exceeds_amount',
      message: 'a discount of 600 exceeds the amount 500',
    });
  });
});

describe('priceCart: line checks', () => {
  const priceMessage = {
    code: 'price_invalid',
    message: 'line 1: prices are non-negative integers of minor units',
  };

  it('names the line with a bad quantity', () => {
    expect(refusal(priceCart({ lines: [line({ qty: 0 })] }, exclusive))).toEqual({
      code: 'qty_invalid',
      message: 'line 1: quantity must be a non-zero integer',
    });
  });

  it('refuses a fractional shelf price even when a valid override replaces it', () => {
    const override = { unitPrice: 100, reason: 'damaged box', approvedBy: null };
    expect(refusal(priceCart({ lines: [line({ unitPrice: 1.5, override })] }, exclusive))).toEqual(
      priceMessage,
    );
  });

  it('refuses a negative override and a negative shelf price under a valid override', () => {
    const negativeOverride = { unitPrice: -1, reason: 'typo', approvedBy: null };
    expect(refusal(priceCart({ lines: [line({ override: negativeOverride })] }, exclusive))).toEqual(
      priceMessage,
    );
    const override = { unitPrice: 100, reason: 'damaged box', approvedBy: null };
    expect(refusal(priceCart({ lines: [line({ unitPrice: -1, override })] }, exclusive))).toEqual(
      priceMessage,
    );
  });

  it('refuses a line whose amount is too large to count exactly', () => {
    expect(refusal(priceCart({ lines: [line({ qty: 2, unitPrice: 5e15 })] }, exclusive))).toEqual({
      code: 'amount_too_large',
      message: 'line 1: the amount is too large',
    });
  });

  it('names the unknown tax code and its line', () => {
    expect(refusal(priceCart({ lines: [line({ taxCode: 'nope' })] }, exclusive))).toEqual({
      code: 'unknown_tax_code',
      message: 'line 1: the store has no tax code "nope"',
    });
  });
});

describe('priceCart: cart discounts and returned items', () => {
  const returned = line({ lineId: '2', qty: -1 });

  it('prices a cart holding a returned item when there is no cart discount', () => {
    const r = priceCart({ lines: [line(), returned], cartDiscount: null }, exclusive);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.totals.net).toBe(1000);
    expect(r.value.cartDiscount).toBe(0);
  });

  it('refuses a cart discount as soon as one line is a returned item', () => {
    const r = priceCart(
      { lines: [line(), returned], cartDiscount: { kind: 'percent', bp: 1000 } },
      exclusive,
    );
    expect(refusal(r)).toEqual({
      code: 'cart_discount_with_refund',
      message: 'a cart discount cannot apply to a cart with returned items',
    });
  });
});
