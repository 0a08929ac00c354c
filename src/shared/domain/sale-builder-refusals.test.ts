/**
 * Pins what buildSale refuses and says: the exact message for each refusal, that any returned (negative)
 * line keeps a cart out of a sale while a zero line is left to the contract check, how contract
 * violations are listed in one message, and when manager approvals are recorded on the document.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import { type PricedCart, priceCart } from './pricing';
import { buildSale } from './sale-builder';
import { context, exclusive } from '../../../test/support/domain-fixtures';

function twoMugs(): PricedCart {
  const p = priceCart(
    { lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' }] },
    exclusive,
  );
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
}

const args = (priced: PricedCart) => ({
  context,
  priced,
  tenders: [{ method: 'cash' as const, amount: 5000 }],
  number: 'S1-R1-000001',
});

const refusal = (r: ReturnType<typeof buildSale>) => (r.ok ? 'ok' : r.error);

describe('buildSale refusals', () => {
  it('names both currencies on a mismatch', () => {
    expect(refusal(buildSale(args({ ...twoMugs(), currency: 'EUR' })))).toEqual({
      code: 'currency_mismatch',
      message: 'the cart is in EUR, the store in USD',
    });
  });

  it('says a sale needs a line', () => {
    expect(refusal(buildSale(args({ ...twoMugs(), lines: [] })))).toEqual({
      code: 'cart_empty',
      message: 'a sale needs at least one line',
    });
  });

  it('sends a cart with any returned item to a return, even next to items being sold', () => {
    const p = priceCart(
      {
        lines: [
          { lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1000, taxCode: 'std' },
          { lineId: '2', sku: 'TEA', name: 'Tea', qty: -1, unitPrice: 450, taxCode: 'std' },
        ],
      },
      exclusive,
    );
    if (!p.ok) throw new Error(p.error.message);
    expect(refusal(buildSale(args(p.value)))).toEqual({
      code: 'negative_qty_in_sale',
      message: 'returned items belong in a return',
    });
  });

  it('lists every contract violation of the built document in one message', () => {
    // Zero-quantity lines are not returned items; the contract check catches them instead.
    const half = { ...twoMugs().lines[0]!, qty: 0, net: 1000, tax: 89, gross: 1089 };
    const priced = { ...twoMugs(), lines: [half, { ...half, lineId: '2' }] };
    expect(refusal(buildSale(args(priced)))).toEqual({
      code: 'document_invalid',
      message:
        'the built document breaks the sale contract: qty_zero at lines.0.qty: line 1 has quantity 0; ' +
        'qty_zero at lines.1.qty: line 2 has quantity 0',
    });
  });
});

describe('buildSale approvals', () => {
  const approval = {
    kind: 'price_override' as const,
    staffId: 'staff-alice',
    at: '2026-11-27T10:00:00.000Z',
  };
  const built = (approvals?: SaleDocument['approvals']): SaleDocument => {
    const r = buildSale({ ...args(twoMugs()), approvals });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('records the approvals the cart needed', () => {
    expect(built([approval]).approvals).toEqual([approval]);
  });

  it('leaves approvals off the document when there were none', () => {
    expect('approvals' in built()).toBe(false);
    expect('approvals' in built([])).toBe(false);
  });
});
