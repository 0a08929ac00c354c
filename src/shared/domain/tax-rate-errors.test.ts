/** Pins that a bad tax rate is refused with a message naming the rate, so a broken setting can be found. */
import { describe, expect, it } from 'vitest';
import { taxLine } from './tax';

describe('taxLine', () => {
  it('refuses a negative or fractional rate and names it', () => {
    expect(() => taxLine(1000, -1, 'tax-exclusive')).toThrow(new RangeError('bad tax rate -1'));
    expect(() => taxLine(1000, 0.5, 'tax-inclusive')).toThrow(new RangeError('bad tax rate 0.5'));
  });
});
