import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CartLineInput, priceCart } from './pricing';
import { cartArb, exclusive, inclusive } from '../../../test/support/domain-fixtures';

const line = (over: Partial<CartLineInput> = {}): CartLineInput => ({
  lineId: '1',
  sku: 'A',
  name: 'Mug',
  qty: 2,
  unitPrice: 1999,
  taxCode: 'std',
  ...over,
});

describe('priceCart', () => {
  it('prices the documented example line: 2 × 19.99 less 1.00 at 8 %', () => {
    const priced = priceCart(
      { lines: [line({ discount: { kind: 'amount', amount: 100 } })] },
      { ...exclusive, taxRates: [{ code: 'std', name: 'Tax 8%', ratePpm: 80_000 }] },
    );
    expect(priced).toEqual({
      ok: true,
      value: {
        currency: 'USD',
        cartDiscount: 0,
        lines: [
          {
            lineId: '1',
            sku: 'A',
            name: 'Mug',
            qty: 2,
            unitPrice: 1999,
            discount: 100,
            net: 3898,
            tax: 312,
            gross: 4210,
            taxCode: 'std',
          },
        ],
        totals: { net: 3898, tax: 312, gross: 4210, discount: 100 },
      },
    });
  });

  it('applies percentage line discounts and spreads a cart discount without losing a cent', () => {
    const priced = priceCart(
      {
        lines: [
          line({ lineId: '1', qty: 1, unitPrice: 1000, discount: { kind: 'percent', bp: 1000 } }),
          line({ lineId: '2', qty: 1, unitPrice: 333, taxCode: 'zero' }),
          line({ lineId: '3', qty: 3, unitPrice: 111, taxCode: 'reduced' }),
        ],
        cartDiscount: { kind: 'amount', amount: 100 },
      },
      exclusive,
    );
    if (!priced.ok) throw new Error(priced.error.message);
    const [a, b, c] = priced.value.lines;
    // 10 % of 1000, then the cart's 100 over 900 : 333 : 333 → 57.47, 21.26, 21.26 → 58, 21, 21.
    expect([a?.discount, b?.discount, c?.discount]).toEqual([100 + 58, 21, 21]);
    expect(priced.value.totals.discount).toBe(200);
    expect(priced.value.cartDiscount).toBe(100);
    expect(b?.tax).toBe(0);
  });

  it('records a price override with the original price', () => {
    const priced = priceCart(
      {
        lines: [line({ qty: 1, override: { unitPrice: 1500, reason: 'damaged box', approvedBy: 'mgr-1' } })],
      },
      exclusive,
    );
    if (!priced.ok) throw new Error(priced.error.message);
    expect(priced.value.lines[0]).toMatchObject({
      unitPrice: 1500,
      net: 1500,
      override: { originalUnitPrice: 1999, reason: 'damaged box', approvedBy: 'mgr-1' },
    });
  });

  it('in a tax-inclusive store the shelf price is what the customer pays', () => {
    const priced = priceCart({ lines: [line({ qty: 3, unitPrice: 999 })] }, inclusive);
    if (!priced.ok) throw new Error(priced.error.message);
    expect(priced.value.totals.gross).toBe(2997);
    expect(priced.value.totals.net + priced.value.totals.tax).toBe(2997);
  });

  it('refuses bad input with a code', () => {
    const code = (r: ReturnType<typeof priceCart>) => (r.ok ? 'ok' : r.error.code);
    expect(code(priceCart({ lines: [line({ qty: 0 })] }, exclusive))).toBe('qty_invalid');
    expect(code(priceCart({ lines: [line({ qty: 1.5 })] }, exclusive))).toBe('qty_invalid');
    expect(code(priceCart({ lines: [line({ unitPrice: 19.99 })] }, exclusive))).toBe('price_invalid');
    expect(code(priceCart({ lines: [line({ unitPrice: -1 })] }, exclusive))).toBe('price_invalid');
    expect(code(priceCart({ lines: [line({ taxCode: 'nope' })] }, exclusive))).toBe('unknown_tax_code');
    expect(
      code(priceCart({ lines: [line({ discount: { kind: 'amount', amount: 5000 } })] }, exclusive)),
    ).toBe('discount_exceeds_amount');
    expect(code(priceCart({ lines: [line({ discount: { kind: 'percent', bp: 10_001 } })] }, exclusive))).toBe(
      'discount_invalid',
    );
    expect(
      code(priceCart({ lines: [line({ qty: -1 })], cartDiscount: { kind: 'percent', bp: 100 } }, exclusive)),
    ).toBe('cart_discount_with_refund');
  });

  it('line and totals identities always hold, in both price modes', () => {
    fc.assert(
      fc.property(cartArb, fc.boolean(), (cart, taxIncluded) => {
        const priced = priceCart(cart, taxIncluded ? inclusive : exclusive);
        if (!priced.ok) throw new Error(priced.error.message);
        const { lines, totals } = priced.value;
        let net = 0;
        let tax = 0;
        let gross = 0;
        let discount = 0;
        lines.forEach((l, i) => {
          const input = cart.lines[i];
          expect(l.net + l.tax).toBe(l.gross);
          expect(l.discount).toBeGreaterThanOrEqual(0);
          expect(l.discount).toBeLessThanOrEqual(l.qty * l.unitPrice);
          // What the line costs in the store's mode is the extended price less the discount.
          const charged = taxIncluded ? l.gross : l.net;
          expect(charged).toBe((input?.qty ?? 0) * (input?.unitPrice ?? 0) - l.discount);
          net += l.net;
          tax += l.tax;
          gross += l.gross;
          discount += l.discount;
        });
        expect(totals).toEqual({ net, tax, gross, discount });
        const lineDiscounts = lines.reduce((s, l) => s + l.discount, 0);
        expect(lineDiscounts - priced.value.cartDiscount).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
