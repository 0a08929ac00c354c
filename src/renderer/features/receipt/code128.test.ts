import { describe, expect, it } from 'vitest';
import { START_B, STOP, code128Bars, encodeCode128 } from './code128';
import { qrMatrix } from './qr-matrix';

describe('encodeCode128', () => {
  it('encodes a receipt number: start B, data, checksum, stop, 11 modules a symbol', () => {
    const encoded = encodeCode128('S1-R1-000042');
    if (!encoded.ok) throw new Error(encoded.error.message);
    const { values, widths } = encoded.value;
    expect(values[0]).toBe(START_B);
    expect(values.at(-1)).toBe(STOP);
    expect(values.slice(1, -2)).toEqual([...'S1-R1-000042'].map((c) => c.charCodeAt(0) - 32));
    const data = values.slice(1, -2);
    expect(values.at(-2)).toBe(data.reduce((s, v, i) => s + v * (i + 1), START_B) % 103);
    // Every symbol is 6 elements of 11 modules; the stop is 7 elements of 13.
    expect(widths).toHaveLength(6 * (values.length - 1) + 7);
    for (let i = 0; i < values.length - 1; i++) {
      expect(widths.slice(i * 6, i * 6 + 6).reduce((a, b) => a + b, 0)).toBe(11);
    }
    expect(widths.slice(-7).reduce((a, b) => a + b, 0)).toBe(13);
    expect(widths.every((w) => w >= 1 && w <= 4)).toBe(true);
  });

  it('computes the textbook checksum (PJJ123C → 55)', () => {
    const encoded = encodeCode128('PJJ123C');
    expect(encoded.ok && encoded.value.values.at(-2)).toBe(55);
  });

  it('refuses what code set B cannot hold, with a code', () => {
    expect(encodeCode128('')).toMatchObject({ ok: false, error: { code: 'barcode_length' } });
    expect(encodeCode128('S1-R1-€')).toMatchObject({ ok: false, error: { code: 'barcode_character' } });
    expect(encodeCode128('a\nb')).toMatchObject({ ok: false, error: { code: 'barcode_character' } });
  });

  it('places bars after a quiet zone, starting and ending with a bar', () => {
    const { bars, total } = code128Bars([2, 1, 1, 2, 1, 4], 10);
    expect(bars).toEqual([
      [10, 2],
      [13, 1],
      [16, 1],
    ]);
    expect(total).toBe(10 + 11 + 10);
  });
});

describe('qrMatrix', () => {
  it('encodes a sale QR payload with its three finder patterns', () => {
    const { size, dark } = qrMatrix('till:sale:019ac1c2-0000-7000-8000-000000000042');
    // 46 bytes at level M need version 4: 33 × 33 modules.
    expect(size).toBe(33);
    const finderAt = (row: number, col: number) =>
      [0, 6].every((d) => dark[row + d]?.[col] && dark[row]?.[col + d]) && dark[row + 3]?.[col + 3] === true;
    expect(finderAt(0, 0)).toBe(true);
    expect(finderAt(0, size - 7)).toBe(true);
    expect(finderAt(size - 7, 0)).toBe(true);
    expect(dark[1]?.[1]).toBe(false);
  });
});
