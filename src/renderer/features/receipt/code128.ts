/**
 * A small Code 128 encoder (code set B: printable ASCII), enough for a receipt number such as
 * `S1-R1-000042`: the counter's scanner reads it back to find the sale. No library on the list fitted
 * (the QR library draws no linear codes), and the symbology is a fixed table plus a checksum.
 */
import type { Result } from '@till/shared/result';

// Bar and space widths (in modules, bar first) of symbol values 0–106 (ISO/IEC 15417). Each symbol is 11
// modules; the stop (106) is 13, its final 2-module termination bar included.
// prettier-ignore
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

/** Symbol value of Start B. */
export const START_B = 104;
/** Symbol value of Stop. */
export const STOP = 106;

/** An encoded Code 128 symbol: its values (start, data, checksum, stop) and its bar/space widths. */
export interface Code128 {
  values: number[];
  /** Alternating bar and space widths in modules, starting with a bar. */
  widths: number[];
}

/** Encodes `text` (1–80 printable ASCII characters) in code set B. */
export function encodeCode128(text: string): Result<Code128> {
  if (text.length === 0 || text.length > 80) {
    return { ok: false, error: { code: 'barcode_length', message: 'a barcode holds 1–80 characters' } };
  }
  const data: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length !== 1 || code < 32 || code > 126) {
      return {
        ok: false,
        error: { code: 'barcode_character', message: `"${ch}" cannot be put in a Code 128 barcode` },
      };
    }
    data.push(code - 32);
  }
  const checksum = data.reduce((sum, value, i) => sum + value * (i + 1), START_B) % 103;
  const values = [START_B, ...data, checksum, STOP];
  const widths = values.flatMap((v) => [...(PATTERNS[v] ?? '')].map(Number));
  return { ok: true, value: { values, widths } };
}

/** The bars of an encoded symbol as `[x, width]` in modules, after a quiet zone of `quiet` modules. */
export function code128Bars(
  widths: readonly number[],
  quiet = 10,
): { bars: [number, number][]; total: number } {
  const bars: [number, number][] = [];
  let x = quiet;
  widths.forEach((w, i) => {
    if (i % 2 === 0) bars.push([x, w]);
    x += w;
  });
  return { bars, total: x + quiet };
}
