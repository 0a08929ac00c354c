/**
 * Loyalty (docs/architecture.md, Data rules): a sale that names a customer earns points at its store's
 * rate (`loyalty` in the store's settings) and spends the points of its `points` tenders; a return takes
 * earned points back and gives spent ones back. Points are a ledger keyed by sale (repositories/loyalty.ts),
 * so a sale re-sent after a lost acknowledgement counts once, and the balance never goes below zero: a
 * spend the balance cannot cover (made offline, where the register could not know) books what there was
 * and becomes a `points_overspent` exception for a person to resolve.
 */
import { pointsEarned, pointsSpent } from '@till/shared/domain/loyalty';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { type LoyaltyRules, loyaltyRulesOf } from '@till/shared/schemas/settings';
import type { ExceptionInput } from '../repositories/exceptions';
import type { BookedEntry, LoyaltyEntry } from '../repositories/loyalty';

/** Why a ledger entry moves points: what a sale or return earned, or what its points tenders spent. */
export type LoyaltyReason = 'sale' | 'return' | 'redeem';

/** The loyalty entries of sales: an earning and a spending entry per sale that names a customer. */
export function loyaltyEntries(
  docs: readonly SaleDocument[],
  rulesOf: (storeId: string) => LoyaltyRules = () => loyaltyRulesOf(null),
): LoyaltyEntry[] {
  const entries: LoyaltyEntry[] = [];
  for (const d of docs) {
    if (d.customerId == null) continue;
    const rules = rulesOf(d.storeId);
    const spent = pointsSpent(d, rules);
    const earned = pointsEarned(d, rules);
    // Spending first: what a sale earns is not there yet to pay for itself.
    if (spent !== 0) {
      entries.push({
        customerId: d.customerId,
        delta: -spent,
        saleId: d.id,
        storeId: d.storeId,
        reason: 'redeem',
      });
    }
    if (earned !== 0) {
      entries.push({
        customerId: d.customerId,
        delta: earned,
        saleId: d.id,
        storeId: d.storeId,
        reason: d.kind,
      });
    }
  }
  return entries;
}

/** Whether any sale may move points (only then does applying need its own transaction). */
export function movesPoints(docs: readonly SaleDocument[]): boolean {
  return docs.some((d) => d.customerId != null);
}

/** The exceptions for spends the balance could not cover: one per sale, naming what was short. */
export function overspendExceptions(booked: readonly BookedEntry[]): ExceptionInput[] {
  return booked
    .filter((b) => b.reason === 'redeem' && b.booked !== b.delta)
    .map((b) => ({
      kind: 'points_overspent' as const,
      storeId: b.storeId,
      sku: null,
      saleId: b.saleId,
      message: `sale spent ${-b.delta} points but customer ${b.customerId} had ${-b.booked}`,
      details: {
        customerId: b.customerId,
        requested: -b.delta,
        booked: -b.booked,
        short: b.booked - b.delta,
      },
      dedupeKey: `points_overspent:${b.saleId}`,
    }));
}
