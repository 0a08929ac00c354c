/**
 * The documents of the peer bench: real sale documents (`makeSale`), the same on both sides. The hub's
 * demo catalogue has SKU-00001 … SKU-00040 in every store; each sale sells from those.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import { makeSale } from '../../test/support/sales';

/** SKUs every side knows (the hub's demo catalogue). */
export const SKUS = 40;

/** The SKU of the n-th sale. */
export const skuOf = (n: number): string => `SKU-${String(1 + (n % SKUS)).padStart(5, '0')}`;

/** A small one-line sale, as seeded for the initial pull (W3); written by a register no client is. */
export function seedSale(storeId: string, n: number): SaleDocument {
  return makeSale(storeId, [{ sku: skuOf(n), qty: 1 }], { registerId: 'reg-seed', number: `W3-${n}` });
}

/** A two-line sale queued or rung on a register (W1, W2): `n` picks its SKUs. */
export function registerSale(storeId: string, registerId: string, n: number, lines = 2): SaleDocument {
  const skus = Array.from({ length: lines }, (_, k) => skuOf(n + k * 7));
  return makeSale(
    storeId,
    skus.map((sku) => ({ sku, qty: 1 })),
    { registerId, number: `P-${registerId.slice(-6)}-${n}` },
    { unitPrice: 1000, taxPerUnit: 89 },
  );
}
