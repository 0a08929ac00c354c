/**
 * Loyalty points as money: what a sale earns at a store's rate, what a `points` tender spends, and how
 * many points a customer may spend on what is left to pay. The register and the hub both use these, so a
 * sale earns the same points at the counter as in the hub's ledger.
 */
import { type Result, fail, ok } from '../result';
import type { Tender } from '../schemas/sale';
import type { LoyaltyRules } from '../schemas/settings';
import { minorUnitDigits } from './money';

/** The points a `points` tender moves: its `points`, or what its amount is worth when it names none. */
export function tenderPoints(t: Pick<Tender, 'method' | 'amount' | 'points'>, rules: LoyaltyRules): number {
  if (t.method !== 'points') return 0;
  if (t.points !== undefined) return t.points;
  // A refund split by amount carries no count: give back what the amount is worth, rounded up.
  const magnitude = Math.ceil(Math.abs(t.amount) / rules.pointValueMinor);
  return t.amount < 0 ? -magnitude : magnitude;
}

/** Points a document spends (a return's negative points tender gives them back: negative spending). */
export function pointsSpent(doc: { tenders: readonly Tender[] }, rules: LoyaltyRules): number {
  return doc.tenders.reduce((s, t) => s + tenderPoints(t, rules), 0);
}

/**
 * Points a document earns: `pointsPerUnit` per whole currency unit of its gross that points did not pay
 * (spending points earns none). A return takes back what its refund is worth the same way (negative).
 */
export function pointsEarned(
  doc: { currency: string; totals: { gross: number }; tenders: readonly Tender[] },
  rules: LoyaltyRules,
): number {
  const paidWithPoints = doc.tenders.filter((t) => t.method === 'points').reduce((s, t) => s + t.amount, 0);
  const unit = 10 ** minorUnitDigits(doc.currency);
  return Math.trunc((doc.totals.gross - paidWithPoints) / unit) * rules.pointsPerUnit || 0;
}

/** A points tender worked out at the counter. */
export interface PointsTender {
  points: number;
  amount: number;
}

/**
 * The points tender for spending `wanted` points (null: as many as may be spent) out of a `balance`
 * towards `remaining` minor units still to pay. Points never pay more than what is left (no change in
 * points) and never more than the balance the register knows: `points_exceed_balance` then.
 */
export function pointsTender(
  balance: number,
  remaining: number,
  rules: LoyaltyRules,
  wanted: number | null = null,
): Result<PointsTender> {
  if (wanted !== null && (!Number.isSafeInteger(wanted) || wanted <= 0)) {
    return fail('points_invalid', 'spend a whole number of points above zero');
  }
  if (balance <= 0) return fail('no_points', 'the customer has no points to spend');
  if (wanted !== null && wanted > balance) {
    return fail('points_exceed_balance', `the customer has ${balance} points, not ${wanted}`);
  }
  const payable = Math.floor(remaining / rules.pointValueMinor);
  if (payable <= 0) return fail('nothing_to_pay', 'nothing is left that points can pay');
  const points = Math.min(wanted ?? balance, balance, payable);
  return ok({ points, amount: points * rules.pointValueMinor });
}

/** Loyalty tiers by the points a customer has earned in all (spending does not lower a tier). */
export const loyaltyTiers = [
  { tier: 'gold', from: 2000 },
  { tier: 'silver', from: 500 },
  { tier: 'bronze', from: 0 },
] as const;

/** A loyalty tier. */
export type LoyaltyTier = (typeof loyaltyTiers)[number]['tier'];

/** The tier of a customer who has earned `lifetime` points. */
export function tierOf(lifetime: number): LoyaltyTier {
  return (loyaltyTiers.find((t) => lifetime >= t.from) ?? loyaltyTiers[2]).tier;
}
