import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRate, taxLine, taxSummary } from './tax';
import { rates } from '../../../test/support/domain-fixtures';

describe('tax', () => {
  it('adds tax on top of tax-exclusive prices, rounded half-up per line', () => {
    expect(taxLine(3898, 80_000, 'tax-exclusive')).toEqual({ net: 3898, tax: 312, gross: 4210 });
    // 8.875 % of 1000 = 88.75 → 89
    expect(taxLine(1000, 88_750, 'tax-exclusive')).toEqual({ net: 1000, tax: 89, gross: 1089 });
    expect(taxLine(-1000, 88_750, 'tax-exclusive')).toEqual({ net: -1000, tax: -89, gross: -1089 });
  });

  it('extracts tax from tax-inclusive prices', () => {
    // 20 % VAT inside 1200 is 200
    expect(taxLine(1200, 200_000, 'tax-inclusive')).toEqual({ net: 1000, tax: 200, gross: 1200 });
    // 19 % inside 999: 999 × 0.19 / 1.19 = 159.5 → 160
    expect(taxLine(999, 190_000, 'tax-inclusive')).toEqual({ net: 839, tax: 160, gross: 999 });
    expect(taxLine(500, 0, 'tax-inclusive')).toEqual({ net: 500, tax: 0, gross: 500 });
  });

  it('keeps net + tax = gross in both modes, and a shelf price is the gross in inclusive mode', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        (amount, ratePpm) => {
          for (const mode of ['tax-exclusive', 'tax-inclusive'] as const) {
            const t = taxLine(amount, ratePpm, mode);
            expect(t.net + t.tax).toBe(t.gross);
          }
          expect(taxLine(amount, ratePpm, 'tax-inclusive').gross).toBe(amount);
        },
      ),
    );
  });

  it('prices with and without tax give the same gross for the same shelf price (within a cent of rounding)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        (net, ratePpm) => {
          // A tax-exclusive price P shows the customer P + tax(P); entering that gross in an inclusive store
          // must give back the same net and tax.
          const exclusive = taxLine(net, ratePpm, 'tax-exclusive');
          const inclusive = taxLine(exclusive.gross, ratePpm, 'tax-inclusive');
          expect(inclusive.gross).toBe(exclusive.gross);
          expect(Math.abs(inclusive.net - net)).toBeLessThanOrEqual(1);
          expect(Math.abs(inclusive.tax - exclusive.tax)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('summarises tax per rate in the store’s order for the receipt', () => {
    const summary = taxSummary(
      [
        { taxCode: 'reduced', net: 100, tax: 5, gross: 105 },
        { taxCode: 'std', net: 1000, tax: 89, gross: 1089 },
        { taxCode: 'reduced', net: 200, tax: 10, gross: 210 },
        { taxCode: 'mystery', net: 50, tax: 0, gross: 50 },
      ],
      rates,
    );
    expect(summary).toEqual([
      { code: 'std', name: 'Sales tax 8.875%', ratePpm: 88_750, net: 1000, tax: 89, gross: 1089 },
      { code: 'reduced', name: 'Reduced 5%', ratePpm: 50_000, net: 300, tax: 15, gross: 315 },
      { code: 'mystery', name: 'mystery', ratePpm: 0, net: 50, tax: 0, gross: 50 },
    ]);
  });

  it('formats rates for people', () => {
    expect(formatRate(88_750)).toBe('8.875%');
    expect(formatRate(200_000)).toBe('20%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(50_500)).toBe('5.05%');
  });

  it('refuses a negative rate', () => {
    expect(() => taxLine(100, -1, 'tax-exclusive')).toThrow(RangeError);
  });
});
