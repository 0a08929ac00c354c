/**
 * The arithmetic of the tender screen, pure so it is tested without a page: quick cash amounts, a typed
 * amount read in the store's currency, what is left to pay, the points a customer may spend, and the
 * register's code in receipt numbers.
 */
import { type PointsTender, pointsTender } from '@till/shared/domain/loyalty';
import { minorUnitDigits } from '@till/shared/domain/money';
import type { TenderInput } from '@till/shared/domain/tenders';
import { type Result, fail } from '@till/shared/result';
import type { LoyaltyRules } from '@till/shared/schemas/settings';

/** The banknote steps of the quick cash buttons, in major units. */
export const quickSteps = [5, 10, 20, 50, 100] as const;

/**
 * Quick cash amounts for `due` (minor units): the exact amount, then the next multiple of 5, 10, 20, 50 and
 * 100 (major units) strictly above it, without repeats, in ascending order.
 */
export function quickCashAmounts(due: number, currency: string): number[] {
  if (due <= 0) return [];
  const unit = 10 ** minorUnitDigits(currency);
  const out = [due];
  for (const step of quickSteps) {
    const size = step * unit;
    const next = (Math.floor(due / size) + 1) * size;
    if (!out.includes(next)) out.push(next);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Reads a typed amount ("12.5", "12,50") as minor units of `currency`, or null when it is not a positive
 * amount with at most the currency's decimals. No thousands marks: "1.005" would be ambiguous.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const cleaned = text.trim().replace(/\s/g, '');
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(amount) && amount > 0 ? amount : null;
}

/** What the tenders so far pay towards `due` (never below zero left). */
export function remainingDue(due: number, tenders: readonly TenderInput[]): number {
  return Math.max(0, due - tenders.reduce((sum, t) => sum + t.amount, 0));
}

/**
 * The register's code in its receipt numbers: the first 8 letters or digits of its id after the hub's
 * `reg-` prefix, upper-cased (receipt numbers allow 1–8 of them).
 */
export function registerCodeOf(registerId: string): string {
  const code = registerId
    .replace(/^reg-/, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 8)
    .toUpperCase();
  return code || 'R';
}

/**
 * The points tender to take now: `balance` is what the register knows the customer has (null: it cannot
 * know, offline with no kept balance — then the hub checks, and an overspend becomes its exception),
 * less the points already tendered in this payment. `typedAmount` (minor units) spends what that is
 * worth, rounded up to whole points; without it as many points as pay what is left. Spending beyond a
 * known balance is refused (`points_exceed_balance`).
 */
export function pointsToTender(
  balance: number | null,
  tenders: readonly TenderInput[],
  due: number,
  rules: LoyaltyRules,
  typedAmount: number | null,
): Result<PointsTender> {
  const spent = tenders.reduce((s, t) => s + (t.method === 'points' ? (t.points ?? 0) : 0), 0);
  const remaining = remainingDue(due, tenders);
  const wanted = typedAmount === null ? null : Math.ceil(typedAmount / rules.pointValueMinor);
  if (typedAmount !== null && typedAmount > remaining) {
    return fail('points_exceed_due', 'Points pay at most what is left to pay; they give no change.');
  }
  if (balance === null) {
    if (wanted === null)
      return fail('balance_unknown', 'The balance is unknown offline: type the amount to pay.');
    return pointsTender(wanted, remaining, rules, wanted);
  }
  return pointsTender(Math.max(0, balance - spent), remaining, rules, wanted);
}
