/**
 * Pins edges of barcode reading: codes that are only partly digits are not retail codes, the 4-digit GS1
 * price check digit weighs every digit, and lookup keys add a 12-digit form only for a 13-digit code
 * with a leading zero.
 */
import { describe, expect, it } from 'vitest';
import { barcodeLookupKeys, gs1ValueCheckDigit, parseBarcode } from './barcodes';

describe('parseBarcode', () => {
  it('treats a code of retail length with a letter anywhere as some other code', () => {
    for (const code of [
      'A1234565',
      '1234567A',
      'X36000291452',
      '03600029145X',
      'A006381333931',
      '400638133393A',
    ]) {
      expect(parseBarcode(code)).toEqual({ kind: 'other', code });
    }
  });
});

describe('gs1ValueCheckDigit', () => {
  it('adds the weighted first two digits of a 4-digit price', () => {
    // Weights 2-, 2-, 3, 5-: 2 + 4 + 9 + 8 = 23; 23 × 3 = 69 → 9.
    expect(gs1ValueCheckDigit('1234')).toBe(9);
  });
});

describe('barcodeLookupKeys', () => {
  it('looks an EAN-8 up by itself only, even with a leading zero', () => {
    const ean8 = parseBarcode('01234565');
    expect(ean8.kind).toBe('ean8');
    if (ean8.kind !== 'ean8') return;
    expect(barcodeLookupKeys(ean8)).toEqual(['01234565']);
  });

  it('looks an EAN-13 that does not start with 0 up by itself only', () => {
    const ean13 = parseBarcode('4006381333931');
    expect(ean13.kind).toBe('ean13');
    if (ean13.kind !== 'ean13') return;
    expect(barcodeLookupKeys(ean13)).toEqual(['4006381333931']);
  });
});
