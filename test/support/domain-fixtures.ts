/**
 * Test fixtures and fast-check arbitraries for the domain tests (test-only).
 */
import fc from 'fast-check';
import type { CartInput, CartLineInput, Discount, PricingSettings } from '@till/shared/domain/pricing';
import type { SaleContext } from '@till/shared/domain/sale-builder';
import type { TaxRate } from '@till/shared/domain/tax';

/** A store with a standard, a reduced and a zero rate, including an awkward 8.875 %. */
export const rates: TaxRate[] = [
  { code: 'std', name: 'Sales tax 8.875%', ratePpm: 88_750 },
  { code: 'reduced', name: 'Reduced 5%', ratePpm: 50_000 },
  { code: 'zero', name: 'Exempt', ratePpm: 0 },
];

/** Tax-exclusive US-style store. */
export const exclusive: PricingSettings = { currency: 'USD', priceMode: 'tax-exclusive', taxRates: rates };
/** Tax-inclusive EU-style store. */
export const inclusive: PricingSettings = { currency: 'EUR', priceMode: 'tax-inclusive', taxRates: rates };

/** A register context in store-1. */
export const context: SaleContext = {
  storeId: 'store-1',
  registerId: 'reg-1',
  clerkId: 'staff-1',
  customerId: null,
  shiftId: 'shift-1',
  currency: 'USD',
};

/** A discount, sometimes none. */
export const discountArb: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), amount: fc.integer({ min: 0, max: 500 }) }),
);

/** A cart line with a small discount that never exceeds its amount. */
export const lineArb = (i: number): fc.Arbitrary<CartLineInput> =>
  fc
    .record({
      qty: fc.integer({ min: 1, max: 12 }),
      unitPrice: fc.integer({ min: 0, max: 250_000 }),
      taxCode: fc.constantFrom('std', 'reduced', 'zero'),
      discount: discountArb,
    })
    .map(({ qty, unitPrice, taxCode, discount }) => ({
      lineId: String(i + 1),
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      qty,
      unitPrice,
      taxCode,
      discount:
        discount?.kind === 'amount'
          ? { kind: 'amount' as const, amount: Math.min(discount.amount, qty * unitPrice) }
          : discount,
    }));

/** A cart of 1–8 lines with an optional cart discount. */
export const cartArb: fc.Arbitrary<CartInput> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    lines: fc.tuple(...Array.from({ length: n }, (_, i) => lineArb(i))),
    cartDiscount: fc.oneof(
      fc.constant(null),
      fc.record({ kind: fc.constant('percent' as const), bp: fc.integer({ min: 0, max: 5_000 }) }),
    ),
  }),
);
