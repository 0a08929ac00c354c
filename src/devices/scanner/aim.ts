/**
 * AIM symbology identifiers (ISO/IEC 15424): the three characters `]` + code letter + modifier a scanner
 * can put before the data, mapped to the symbologies Till names. Anything else is passed on as `unknown`
 * with its identifier kept, so a store can still look the data up.
 */
import type { ScanData, Symbology } from '../core/contracts';

/** Matches a well-formed AIM identifier: `]`, a letter, and a modifier digit or letter. */
export const aimPattern = /^\][A-Za-z][0-9A-Za-z]$/;

/** The symbology an AIM identifier names; `data` tells UPC-A and UPC-E apart from EAN-13 (all `]E0`). */
export function symbologyOfAim(aim: string, data: string): Symbology {
  if (!aimPattern.test(aim)) return 'unknown';
  const letter = aim.charAt(1);
  const modifier = aim.charAt(2);
  switch (letter) {
    case 'E':
      if (modifier === '4') return 'ean8';
      // ]E0 carries EAN-13, and UPC-A / UPC-E as the scanner transmits them (12 / 6–8 digits).
      if (/^\d{12}$/.test(data)) return 'upca';
      if (/^\d{6,8}$/.test(data)) return 'upce';
      return 'ean13';
    case 'C':
      return 'code128';
    case 'A':
      return 'code39';
    case 'Q':
      return 'qr';
    case 'd':
      return 'datamatrix';
    default:
      return 'unknown';
  }
}

/** A `ScanData` from the data and the AIM identifier the scanner sent, if any. */
export function scanWithAim(data: string, aim: string | undefined): ScanData {
  if (aim === undefined || !aimPattern.test(aim)) return { data, symbology: 'unknown' };
  return { data, symbology: symbologyOfAim(aim, data), aim };
}

/** The AIM identifier a virtual scanner sends for a symbology (`]E0` for EAN-13 and UPC). */
export function aimOfSymbology(symbology: Symbology): string {
  const aims: Record<Symbology, string> = {
    ean13: ']E0',
    upca: ']E0',
    upce: ']E0',
    ean8: ']E4',
    code128: ']C0',
    code39: ']A0',
    qr: ']Q1',
    datamatrix: ']d1',
    unknown: ']X0',
  };
  return aims[symbology];
}
