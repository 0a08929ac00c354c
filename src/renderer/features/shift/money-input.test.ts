import { describe, expect, it } from 'vitest';
import { parseMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
  it.each([
    ['5', 500],
    ['5.5', 550],
    ['5.00', 500],
    ['0.29', 29],
    ['$1,234.50', 123_450],
    ['.75', 75],
  ])('%s is %i cents', (text, cents) => expect(parseMoneyInput(text, 'USD')).toBe(cents));

  it.each(['', '.', 'abc', '-5', '5.001', '1e3'])('%j is not an amount', (text) =>
    expect(parseMoneyInput(text, 'USD')).toBeNull(),
  );

  it('a currency without minor units takes whole amounts only', () => {
    expect(parseMoneyInput('500', 'JPY')).toBe(500);
    expect(parseMoneyInput('5.5', 'JPY')).toBeNull();
  });
});
