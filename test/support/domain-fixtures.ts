/**
 * Test fixtures and fast-check arbitraries for the domain tests (test-only).
 */
import fc from 'fast-check';
import {
  type CartInput,
  type CartLineInput,
  type Discount,
  type PricingSettings,
  priceCart,
} from '@till/shared/domain/pricing';
import type { ReceiptContext } from '@till/shared/domain/receipt-model';
import { type SaleContext, buildSale } from '@till/shared/domain/sale-builder';
import type { TaxRate } from '@till/shared/domain/tax';
import type { Product } from '@till/shared/schemas/product';
import type { SaleDocument, SaleLine } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { Shift } from '@till/shared/schemas/shift';
import type { WebOrder } from '@till/shared/schemas/web-order';

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

/**
 * The value of a successful result. A refused result throws with its message, so a fixture that no longer
 * builds fails its test at once instead of handing the test a half-made document.
 */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** What `buildSale` takes besides the priced cart. */
export type SaleOptions = Partial<Omit<Parameters<typeof buildSale>[0], 'priced'>>;

/**
 * A sale of `cart`, priced for the tax-exclusive store and built at `context` as receipt S1-R1-000001,
 * paid with a $50 bill unless `options` say otherwise.
 */
export function aSale(cart: CartInput, options: SaleOptions = {}): SaleDocument {
  return unwrap(
    buildSale({
      context,
      tenders: [{ method: 'cash', amount: 5000 }],
      number: 'S1-R1-000001',
      ...options,
      priced: unwrap(priceCart(cart, exclusive)),
    }),
  );
}

/**
 * The example sale line of docs/architecture.md (Data rules): 2 × $19.99 less $1.00 at 8 %, so
 * net 3898 + tax 312 = gross 4210. Its figures add up; `overrides` may break them on purpose.
 */
export function aSaleLine(overrides: Partial<SaleLine> = {}): SaleLine {
  return {
    lineId: '1',
    sku: 'MUG',
    name: 'Mug',
    qty: 2,
    unitPrice: 1999,
    discount: 100,
    net: 3898,
    tax: 312,
    gross: 4210,
    taxCode: 'std',
    ...overrides,
  };
}

/**
 * The example sale document of docs/architecture.md (Data rules), written out as a register stores it:
 * receipt S1-R1-000042 at store-1, `lines` (default one {@link aSaleLine}), totals that are the sums of the
 * lines, paid exactly in cash. `overrides` replace fields as given (and may break the sums on purpose).
 */
export function aSaleDocument(
  lines: SaleLine[] = [aSaleLine()],
  overrides: Partial<SaleDocument> = {},
): SaleDocument {
  const sum = (k: 'net' | 'tax' | 'gross' | 'discount') => lines.reduce((s, l) => s + l[k], 0);
  const totals = { net: sum('net'), tax: sum('tax'), gross: sum('gross'), discount: sum('discount') };
  return {
    id: '0192f0c4-7d3a-7b8e-9a10-1234567890ab',
    kind: 'sale',
    storeId: 'store-1',
    registerId: 'reg-1',
    number: 'S1-R1-000042',
    createdAt: '2026-11-27T10:00:00.000Z',
    currency: 'USD',
    clerkId: 'staff-1',
    customerId: null,
    lines,
    tenders: [{ method: 'cash', amount: totals.gross }],
    totals,
    ...overrides,
  };
}

/** The single mug line of {@link aWebOrder}: how many and the tax on them (a mug is $10.00 net). */
export interface WebOrderMugs {
  /** Mugs ordered (default 2). */
  qty?: number;
  /** Tax on the whole line in minor units (default 0). */
  tax?: number;
  /** The line's tax code (default `zero`). */
  taxCode?: string;
}

/**
 * A web order picked up and collected at store-1, paid by card: one line of mugs, tax-free unless
 * `mugs` says otherwise, whose totals and payment match that line.
 */
export function aWebOrder(overrides: Partial<WebOrder> = {}, mugs: WebOrderMugs = {}): WebOrder {
  const qty = mugs.qty ?? 2;
  const tax = mugs.tax ?? 0;
  const net = qty * 1000;
  const id = overrides.id ?? 'order-1';
  return {
    id,
    number: `W-${id}`,
    status: 'collected',
    fulfilment: { type: 'pickup', storeId: 'store-1' },
    customerId: null,
    customer: { email: 'ana@example.com', name: 'Ana', phone: null },
    currency: 'USD',
    lines: [
      {
        lineId: '1',
        sku: 'MUG',
        name: 'Mug',
        qty,
        unitPrice: 1000,
        discount: 0,
        net,
        tax,
        gross: net + tax,
        taxCode: mugs.taxCode ?? 'zero',
      },
    ],
    totals: { net, tax, gross: net + tax, discount: 0 },
    payment: { method: 'card', amount: net + tax, reference: `ch_${id}` },
    createdAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}

/** A manager's approval as a return document records it. */
export type Approval = NonNullable<SaleDocument['approvals']>[number];

/** staff-alice's approval of a return without a receipt, given at a fixed time. */
export function aNoReceiptApproval(overrides: Partial<Approval> = {}): Approval {
  return {
    kind: 'return_without_receipt',
    staffId: 'staff-alice',
    at: '2026-11-27T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * A shift as a register writes it today, with no cash movements yet: staff-bob's, open on reg-1 in store-1
 * since 08:00 with a $100.00 float, nothing counted.
 */
export function aShift(overrides: Partial<Shift> = {}): Shift {
  return {
    id: 'shift-1',
    storeId: 'store-1',
    registerId: 'reg-1',
    clerkId: 'staff-bob',
    status: 'open',
    currency: 'USD',
    openedAt: '2026-11-27T08:00:00.000Z',
    openingFloat: 10_000,
    closedAt: null,
    closedBy: null,
    expectedCash: null,
    countedCash: null,
    cashMovements: [],
    counted: null,
    updatedAt: '2026-11-27T08:00:00.000Z',
    ...overrides,
  };
}

/** Till Downtown (store-1): a tax-exclusive US store with {@link rates}, a one-line header and no footer. */
export function aStoreSettings(overrides: Partial<StoreSettings> = {}): StoreSettings {
  return {
    storeId: 'store-1',
    storeCode: '1',
    name: 'Till Downtown',
    currency: 'USD',
    locale: 'en-US',
    priceMode: 'tax-exclusive',
    taxRates: rates,
    approvals: { lineDiscountBp: 2000, cartDiscountBp: 1500, discountAmount: 5000, overrideDropBp: 2500 },
    receiptHeader: ['Till Downtown'],
    receiptFooter: [],
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

/** What a receipt of {@link aStoreSettings} needs: Ada on Till 1, dates in UTC so they do not move. */
export function aReceiptContext(overrides: Partial<ReceiptContext> = {}): ReceiptContext {
  return {
    settings: aStoreSettings(),
    registerName: 'Till 1',
    clerkName: 'Ada',
    timeZone: 'UTC',
    ...overrides,
  };
}

/** An active catalogue product at $1.99 (standard tax), with `barcodes`; `extra` replaces fields as given. */
export function aProduct(
  sku: string,
  name: string,
  barcodes: string[] = [],
  extra: Partial<Product> = {},
): Product {
  return {
    sku,
    name,
    price: 199,
    currency: 'USD',
    taxCode: 'std',
    barcodes,
    active: true,
    updatedAt: '2026-11-27T10:00:00.000Z',
    ...extra,
  };
}
