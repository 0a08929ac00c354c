/**
 * Pins how receipt text wraps and aligns at its exact limits: words that just fit, words split across
 * lines, blank and space-only text, amounts that fit beside a label or go below it, and the indents item
 * details, prices, tax rows and customers keep when they wrap on paper.
 */
import { describe, expect, it } from 'vitest';
import { leftRight, layoutReceipt, wrapText } from './receipt-layout';
import type { Receipt } from './receipt-model';

describe('wrapText', () => {
  it('keeps words that exactly fill the width on one line', () => {
    expect(wrapText('ab cd', 5)).toEqual(['ab cd']);
    expect(wrapText('ab cd', 4)).toEqual(['ab', 'cd']);
  });

  it('collapses runs of spaces between words to one', () => {
    expect(wrapText('ab  cd', 10)).toEqual(['ab cd']);
  });

  it('splits a word wider than the line without a blank line before it', () => {
    expect(wrapText('abcdef', 4)).toEqual(['abcd', 'ef']);
    expect(wrapText('  abcdef', 4)).toEqual(['  ab', 'cdef']);
  });

  it('keeps at most width − 1 leading spaces, so the first word still starts on the line', () => {
    expect(wrapText('      ab', 4)).toEqual(['   a', 'b']);
  });

  it('gives one empty line for empty or blank text', () => {
    expect(wrapText('', 10)).toEqual(['']);
    expect(wrapText('   ', 10)).toEqual(['']);
  });
});

describe('leftRight', () => {
  it('puts the amount flush right when label, a space and amount exactly fit', () => {
    expect(leftRight('ab', 'cd', 5)).toEqual(['ab cd']);
  });

  it('puts the amount flush right on its own line when there is no room for the space', () => {
    expect(leftRight('ab', 'cd', 4)).toEqual(['ab', '  cd']);
    expect(leftRight('Customer', 'Alexandra Longname', 20)).toEqual(['Customer', '  Alexandra Longname']);
  });

  it('does not indent a wrapped label unless asked', () => {
    expect(leftRight('State and city tax', '$1.00', 10)).toEqual(['State and', 'city tax', '     $1.00']);
  });
});

const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  kind: 'sale',
  saleId: 'sale-1',
  number: 'S1-R1-000001',
  banners: [],
  header: ['Shop'],
  dateTime: '1/2/2026, 10:00 AM',
  registerName: 'Front',
  clerkName: 'Ann',
  customerName: null,
  returnOf: null,
  items: [],
  totals: [{ label: 'Total', amount: '$0.00' }],
  taxes: [],
  tenders: [],
  barcode: { symbology: 'code128', data: 'S1-R1-000001' },
  qr: { data: 'till:sale:sale-1' },
  footer: [],
  ...over,
});

const texts = (r: Receipt) => layoutReceipt(r, 32).map((l) => l.text.trimEnd());

describe('layoutReceipt', () => {
  it('labels the customer', () => {
    expect(texts(receipt({ customerName: 'Bea' }))).toContain(`Customer${' '.repeat(21)}Bea`);
  });

  it('indents the wrapped details of an item under it', () => {
    const lines = texts(
      receipt({
        items: [
          {
            name: 'Kettle',
            quantity: '1,000,000 × $12,345.67 per single unit',
            amount: '$12,345,670,000.00',
            discount: '-$1,234,567,890,123,456,789.00',
            overriddenPrice: '$12,345,678,901.23',
            returned: { disposition: null },
          },
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'Kettle',
        '  1,000,000 × $12,345.67 per',
        '    single unit',
        '              $12,345,670,000.00',
        '  Price changed, was',
        '    $12,345,678,901.23',
        '  Discount',
        '  -$1,234,567,890,123,456,789.00',
        '  Returned',
      ]),
    );
  });

  it('indents a wrapped tax name and the amount it was charged on', () => {
    const lines = texts(
      receipt({
        taxes: [
          {
            name: 'Regional sales and use tax 8.875%',
            rate: '8.875%',
            net: '$1,234,567,890,123,456,789,012.00',
            tax: '$1.00',
            netMinor: 0,
            taxMinor: 100,
          },
        ],
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'Regional sales and use tax',
        '  8.875%                   $1.00',
        '  on',
        '    $1,234,567,890,123,456,789,0',
        '    12.00',
      ]),
    );
  });
});
