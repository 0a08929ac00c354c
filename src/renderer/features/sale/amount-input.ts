/**
 * What a clerk types for money and percentages, read exactly (as decimal strings, never floats): "2.50" of
 * a two-decimal currency → 250 minor units, "12.5" % → 1 250 basis points.
 */
import { minorUnitDigits } from '@till/shared/domain/money';
import { type Result, fail, ok } from '@till/shared/result';
import { MAX_MINOR } from '@till/shared/schemas/common';

/** Reads a decimal with at most `digits` decimals as an integer of 10^-digits units. */
function readDecimal(text: string, digits: number): number | null {
  const match = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) return null;
  return Number(whole + fraction.padEnd(digits, '0'));
}

/** An amount of `currency` typed by the clerk → minor units; `amount_invalid` when it is not one. */
export function parseMoneyInput(text: string, currency: string): Result<number> {
  const digits = minorUnitDigits(currency);
  const value = readDecimal(text, digits);
  if (value === null || !Number.isSafeInteger(value) || value > MAX_MINOR) {
    return fail(
      'amount_invalid',
      `Type an amount such as ${digits > 0 ? `2.${'5'.padEnd(digits, '0')}` : '250'}.`,
    );
  }
  return ok(value);
}

/** A percentage typed by the clerk → basis points; `percent_invalid` outside 0–100 or beyond 0.01 %. */
export function parsePercentInput(text: string): Result<number> {
  const value = readDecimal(text, 2);
  if (value === null || value > 10_000) return fail('percent_invalid', 'Type a percentage from 0 to 100.');
  return ok(value);
}
