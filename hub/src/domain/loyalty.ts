/**
 * Loyalty: one point per whole currency unit of a sale's gross, taken back by returns. Points are a
 * ledger (repositories/loyalty.ts); a customer's balance is its running sum (never below zero).
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { LoyaltyEntry } from '../repositories/loyalty';

/** Points a sale earns (negative for a return): whole units of gross, minor units dropped. */
export function pointsFor(doc: Pick<SaleDocument, 'totals'>): number {
  return Math.trunc(doc.totals.gross / 100);
}

/** The loyalty entries of sales: one per sale that names a customer and moves points. */
export function loyaltyEntries(docs: readonly SaleDocument[]): LoyaltyEntry[] {
  return docs
    .filter((d) => d.customerId != null && pointsFor(d) !== 0)
    .map((d) => ({ customerId: d.customerId as string, delta: pointsFor(d), saleId: d.id, reason: d.kind }));
}
