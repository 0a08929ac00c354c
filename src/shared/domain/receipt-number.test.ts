import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, nextReceiptSeq, parseReceiptNumber } from './receipt-number';

describe('receipt numbers', () => {
  it('formats and parses S<store>-R<register>-<seq>', () => {
    expect(formatReceiptNumber('1', '1', 42)).toBe('S1-R1-000042');
    expect(formatReceiptNumber('1', '2', 1_234_567)).toBe('S1-R2-1234567');
    expect(parseReceiptNumber('S1-R1-000042')).toEqual({ storeCode: '1', registerCode: '1', seq: 42 });
    expect(parseReceiptNumber(' S12-RA-000001 ')).toEqual({ storeCode: '12', registerCode: 'A', seq: 1 });
    expect(parseReceiptNumber('S1-R1-42')).toBeNull();
    expect(parseReceiptNumber('hello')).toBeNull();
    expect(() => formatReceiptNumber('1', '1', 0)).toThrow(RangeError);
    expect(() => formatReceiptNumber('a b', '1', 1)).toThrow(RangeError);
  });

  it('never repeats: resumes after the highest number the register can see for itself', () => {
    expect(nextReceiptSeq('1', '1', 0)).toBe(1);
    expect(nextReceiptSeq('1', '1', 41)).toBe(42);
    // The counter was lost in a crash but the sales survived.
    expect(nextReceiptSeq('1', '1', 3, ['S1-R1-000007', 'S1-R2-000099', 'S2-R1-000050', 'junk'])).toBe(8);
  });

  it('hands out strictly increasing numbers over a run', () => {
    let counter = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      counter = nextReceiptSeq('1', '1', counter, seen);
      const number = formatReceiptNumber('1', '1', counter);
      expect(seen.has(number)).toBe(false);
      seen.add(number);
    }
  });
});
