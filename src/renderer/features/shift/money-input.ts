/**
 * What a person types as an amount ("5", "5.5", "5.00", "$1,234.50") as minor units, never through a float:
 * the digits are joined as a string, so 0.29 is 29 cents and not 28.999….
 */
import { minorUnitDigits } from '@till/shared/domain/money';

/** Parses `text` as a non-negative amount of `currency`; null when it is not one. */
export function parseMoneyInput(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s,$€£]/g, '');
  const digits = minorUnitDigits(currency);
  const match = /^(\d{0,9})(?:\.(\d*))?$/.exec(cleaned);
  if (!match || cleaned === '' || cleaned === '.') return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}
