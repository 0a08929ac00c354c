import { describe, expect, it } from 'vitest';
import { priceCart } from '@till/shared/domain/pricing';
import { displayStateSchema } from '@till/shared/ipc/channels/display';
import { makeSale } from '../../../../test/support/sales';
import { displayStateOf } from './display-state';
import { displayPageUrl, isDisplayHash } from './display-route';

const store = { name: 'Till Downtown', currency: 'USD', locale: 'en-US' };
const settings = {
  currency: 'USD',
  priceMode: 'tax-exclusive' as const,
  taxRates: [{ code: 'std', name: 'Standard', ratePpm: 88_750 }],
};

describe('the customer display state', () => {
  it('shows the priced lines and totals while the cart has lines', () => {
    const priced = priceCart(
      { lines: [{ lineId: 'l1', sku: 'A', name: 'Oat milk', qty: 2, unitPrice: 349, taxCode: 'std' }] },
      settings,
    );
    if (!priced.ok) throw new Error(priced.error.message);
    const state = displayStateOf({ priced: priced.value, justSold: null, store });
    expect(displayStateSchema.parse(state)).toEqual({
      kind: 'cart',
      currency: 'USD',
      locale: 'en-US',
      lines: [{ lineId: 'l1', name: 'Oat milk', qty: 2, unitPrice: 349, discount: 0, gross: 760 }],
      totals: { net: 698, tax: 62, gross: 760, discount: 0 },
    });
  });

  it('shows the change due of a sale just recorded once the cart is empty, and a welcome otherwise', () => {
    const sale = makeSale('store-1', [{ sku: 'A', qty: 3 }], {
      tenders: [{ method: 'cash', amount: 500, change: 200 }],
    });
    const state = displayStateOf({ priced: null, justSold: sale, store });
    expect(displayStateSchema.parse(state)).toEqual({
      kind: 'change',
      currency: sale.currency,
      locale: 'en-US',
      total: 300,
      paid: 500,
      change: 200,
    });
    expect(displayStateOf({ priced: null, justSold: null, store })).toEqual({
      kind: 'idle',
      storeName: 'Till Downtown',
    });
    expect(displayStateOf({ priced: null, justSold: null, store: null })).toEqual({
      kind: 'idle',
      storeName: null,
    });
  });

  it('addresses the display page beside the browser-mode token', () => {
    const url = displayPageUrl('http://127.0.0.1:5173', 'abc_DEF-1');
    expect(url).toBe('http://127.0.0.1:5173/#display&token=abc_DEF-1');
    expect(isDisplayHash(new URL(url).hash)).toBe(true);
    expect(isDisplayHash('#token=abc')).toBe(false);
  });
});
