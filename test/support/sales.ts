/**
 * The one sale builder of the tests and benches: a valid sale document v1 of the given lines, with
 * simple arithmetic (a fixed unit price and a fixed tax per unit) so expected stock and totals are easy to
 * state. Registers' real pricing is tested in src/shared; this is for exercising sync and the hub.
 */
import { v7 as uuidv7 } from 'uuid';
import type { SaleDocument } from '@till/shared/schemas/sale';

/** Prices of the built lines. */
export interface SalePricing {
  /** Net price of one unit in minor units (default 100). */
  unitPrice?: number;
  /** Tax of one unit in minor units (default 0). */
  taxPerUnit?: number;
}

/** A valid, card-paid sale of `lines` (sku, qty) at `storeId`; `overrides` replace top-level fields. */
export function makeSale(
  storeId: string,
  lines: readonly { sku: string; qty: number }[],
  overrides: Partial<SaleDocument> = {},
  pricing: SalePricing = {},
): SaleDocument {
  const unitPrice = pricing.unitPrice ?? 100;
  const taxPerUnit = pricing.taxPerUnit ?? 0;
  const docLines = lines.map((l, i) => ({
    lineId: String(i + 1),
    sku: l.sku,
    name: `Item ${l.sku}`,
    qty: l.qty,
    unitPrice,
    discount: 0,
    net: unitPrice * l.qty,
    tax: taxPerUnit * l.qty,
    gross: (unitPrice + taxPerUnit) * l.qty,
    taxCode: 'std',
  }));
  const sum = (key: 'net' | 'tax' | 'gross') => docLines.reduce((s, l) => s + l[key], 0);
  const gross = sum('gross');
  return {
    id: uuidv7(),
    kind: 'sale',
    storeId,
    registerId: 'reg-test',
    number: `T-${Math.random().toString(36).slice(2, 10)}`,
    createdAt: new Date().toISOString(),
    currency: 'USD',
    clerkId: 'staff-bob',
    customerId: null,
    lines: docLines,
    tenders: [{ method: 'card', amount: gross }],
    totals: { net: sum('net'), tax: sum('tax'), gross, discount: 0 },
    ...overrides,
  };
}
