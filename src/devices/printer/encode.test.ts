import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '@till/shared/domain/receipt-layout';
import { encodeDrawerKick, encodeReceipt, encodeTestPage } from './encode';

/** Where `needle` starts in `haystack`, or -1. */
function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
const blank = (columns: number) => ' '.repeat(columns);

function encoded(
  lines: ReceiptLine[],
  columns: 32 | 42 | 48 = 42,
  language: 'esc-pos' | 'star-prnt' = 'esc-pos',
) {
  const result = encodeReceipt(lines, { language, columns });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('encodeDrawerKick', () => {
  it('always sends ESC p with both timing bytes, in 2 ms units', () => {
    const kick = encodeDrawerKick({ pin: 2, onMs: 100, offMs: 500 });
    expect(kick).toEqual({ ok: true, value: Uint8Array.of(0x1b, 0x70, 0x00, 50, 250) });
  });

  it('kicks pin 5 with m = 1 and rounds the times', () => {
    const kick = encodeDrawerKick({ pin: 5, onMs: 51, offMs: 2 });
    expect(kick.ok && [...kick.value]).toEqual([0x1b, 0x70, 0x01, 26, 1]);
  });

  it.each([
    [{ pin: 3 as 2, onMs: 100, offMs: 100 }],
    [{ pin: 2 as const, onMs: 0, offMs: 100 }],
    [{ pin: 2 as const, onMs: 100, offMs: 600 }],
    [{ pin: 2 as const, onMs: Number.NaN, offMs: 100 }],
  ])('refuses %j with a coded error', (options) => {
    const kick = encodeDrawerKick(options);
    expect(kick.ok).toBe(false);
    expect(!kick.ok && kick.error.code).toBe('invalid_options');
  });
});

describe('encodeReceipt (ESC/POS)', () => {
  it('prints the text, a CODE128 barcode, a QR code and a cut', () => {
    const bytes = encoded([
      { text: 'Receipt                   S1-R1-000123' },
      { text: blank(42), kind: 'barcode', data: 'S1-R1-000123' },
      { text: blank(42), kind: 'qr', data: 'https://example.test/r/1' },
      { text: blank(42), kind: 'cut' },
    ]);
    expect(indexOf(bytes, [0x1b, 0x40])).toBe(0); // ESC @ first
    expect(indexOf(bytes, ascii('Receipt                   S1-R1-000123'))).toBeGreaterThan(0);
    // GS k 73 (CODE128, function B) n, then "{B" and the data.
    const code128 = ascii('{BS1-R1-000123');
    expect(indexOf(bytes, [0x1d, 0x6b, 0x49, code128.length, ...code128])).toBeGreaterThan(0);
    // GS ( k: store the data (cn 49, fn 80, m 48), then print it (fn 81).
    const qr = ascii('https://example.test/r/1');
    const store = [0x1d, 0x28, 0x6b, qr.length + 3, 0x00, 0x31, 0x50, 0x30, ...qr];
    expect(indexOf(bytes, store)).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30])).toBeGreaterThan(
      indexOf(bytes, store),
    );
    // GS V 1: a partial cut, after everything else.
    const cut = indexOf(bytes, [0x1d, 0x56, 0x01]);
    expect(cut).toBeGreaterThan(indexOf(bytes, store));
  });

  it('makes bold lines bold and double lines double size', () => {
    const bytes = encoded([
      { text: 'TOTAL'.padEnd(42), style: 'bold' },
      { text: 'VOID'.padEnd(21), style: 'double' },
    ]);
    const total = indexOf(bytes, ascii('TOTAL'));
    expect(indexOf(bytes, [0x1b, 0x45, 0x01])).toBeLessThan(total); // ESC E 1 before
    expect(indexOf(bytes, [0x1b, 0x45, 0x00])).toBeGreaterThan(total); // ESC E 0 after
    expect(indexOf(bytes, [0x1d, 0x21, 0x11])).toBeLessThan(indexOf(bytes, ascii('VOID'))); // GS ! 2×2
  });

  it('puts the logo on top as an image when asked', () => {
    const withLogo = encodeReceipt([{ text: 'x'.padEnd(32) }], {
      language: 'esc-pos',
      columns: 32,
      logo: true,
    });
    const without = encoded([{ text: 'x'.padEnd(32) }], 32);
    expect(withLogo.ok).toBe(true);
    if (!withLogo.ok) return;
    // 384 × 120 dots is 5760 bytes of bitmap at least; the text comes after it.
    expect(withLogo.value.length - without.length).toBeGreaterThan(5760);
    expect(indexOf(withLogo.value, ascii('x'.padEnd(32)))).toBeGreaterThan(5760);
    // No DLE EOT inside the bitmap: the printer would answer it as a status request.
    expect(indexOf(withLogo.value, [0x10, 0x04])).toBe(-1);
  });

  it('encodes a 58 mm receipt whose barcode is narrowed to fit', () => {
    const bytes = encoded([{ text: blank(32), kind: 'barcode', data: 'S12-R34-00001234' }], 32);
    // GS w 2: the narrowest module, because 16 characters at 3 dots would not fit 384 dots.
    expect(indexOf(bytes, [0x1d, 0x77, 0x02])).toBeGreaterThan(0);
  });

  it.each<[string, ReceiptLine[]]>([
    ['no lines', []],
    ['a line wider than the paper', [{ text: 'x'.repeat(43) }]],
    ['a barcode that is not ASCII', [{ text: blank(42), kind: 'barcode', data: 'Größe' }]],
    ['an empty QR code', [{ text: blank(42), kind: 'qr', data: '' }]],
  ])('refuses %s', (_name, lines) => {
    const result = encodeReceipt(lines, { language: 'esc-pos', columns: 42 });
    expect(!result.ok && result.error.code).toBe('invalid_line');
  });

  it('refuses unknown options', () => {
    const line = [{ text: 'x' }];
    expect(encodeReceipt(line, { language: 'zpl' as 'esc-pos', columns: 42 }).ok).toBe(false);
    expect(encodeReceipt(line, { language: 'esc-pos', columns: 40 as 42 }).ok).toBe(false);
    const model = encodeReceipt(line, { language: 'esc-pos', columns: 42, printerModel: 'acme-1' });
    expect(!model.ok && model.error.code).toBe('invalid_options');
  });

  it('uses a printer profile for the cutter feed', () => {
    const bytes = encodeReceipt([{ text: blank(42), kind: 'cut' }], {
      language: 'esc-pos',
      columns: 42,
      printerModel: 'epson-tm-t88vi',
    });
    expect(bytes.ok && indexOf(bytes.value, [0x1d, 0x56, 0x01])).toBeGreaterThan(0);
  });
});

describe('encodeReceipt (StarPRNT)', () => {
  it('draws CODE128 with ESC b and cuts with ESC d', () => {
    const bytes = encoded(
      [
        { text: blank(48), kind: 'barcode', data: 'ABC123' },
        { text: blank(48), kind: 'cut' },
      ],
      48,
      'star-prnt',
    );
    expect(indexOf(bytes, [0x1b, 0x62, 0x06])).toBeGreaterThan(0); // ESC b n1 = 6: CODE128
    expect(indexOf(bytes, ascii('ABC123'))).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1b, 0x64])).toBeGreaterThan(0); // ESC d n: cut
  });
});

describe('encodeTestPage', () => {
  it.each([32, 42, 48] as const)(
    'prints the width, the date, CODE128, a QR code and a cut at %i columns',
    (columns) => {
      const page = encodeTestPage(columns, 'esc-pos', new Date('2026-03-04T05:06:00Z'));
      expect(page.ok).toBe(true);
      if (!page.ok) return;
      expect(indexOf(page.value, ascii(`${columns} columns`))).toBeGreaterThan(0);
      expect(indexOf(page.value, ascii('2026-03-04 05:06'))).toBeGreaterThan(0);
      expect(indexOf(page.value, [0x1d, 0x6b, 0x49])).toBeGreaterThan(0);
      expect(indexOf(page.value, [0x1d, 0x28, 0x6b])).toBeGreaterThan(0);
      expect(indexOf(page.value, [0x1d, 0x56, 0x01])).toBeGreaterThan(0);
      expect(indexOf(page.value, ascii('1234567890'.repeat(5).slice(0, columns)))).toBeGreaterThan(0);
    },
  );
});

describe('encodeReceipt: code pages', () => {
  // The lines are encoded one code page at a time (plain ASCII without the encoder's slow search); the bytes
  // must be exactly what the encoder's automatic choice gives for the whole receipt.
  const lines: ReceiptLine[] = [
    { text: 'Till Downtown'.padEnd(42), style: 'bold' },
    { text: 'Café crème'.padEnd(34) + '€2.50'.padStart(8) },
    { text: 'Plain ASCII again'.padEnd(42) },
    { text: 'Grüße aus Köln'.padEnd(21), style: 'double' },
    { text: 'Ελληνικά'.padEnd(42) },
    { text: 'Total'.padEnd(42) },
  ];

  function autoEncoded(language: 'esc-pos' | 'star-prnt') {
    const encoder = new ReceiptPrinterEncoder({ language, columns: 42, feedBeforeCut: 4, errors: 'strict' });
    encoder.initialize();
    encoder.codepage('auto');
    for (const line of lines) {
      if (line.style === 'bold') encoder.bold(true).line(line.text).bold(false);
      else if (line.style === 'double') encoder.size(2, 2).line(line.text).size(1, 1);
      else encoder.line(line.text);
    }
    return encoder.encode();
  }

  it.each(['esc-pos', 'star-prnt'] as const)(
    'matches the automatic choice byte for byte (%s)',
    (language) => {
      expect(Buffer.from(encoded(lines, 42, language)).equals(Buffer.from(autoEncoded(language)))).toBe(true);
    },
  );

  it('switches to a page with € for the line that needs it, never a question mark', () => {
    const bytes = encoded([{ text: 'A'.padEnd(42) }, { text: '€1'.padEnd(42) }]);
    const euro = indexOf(bytes, [0xd5, ...ascii('1')]);
    expect(euro).toBeGreaterThan(0);
    // ESC t n just before it: a code page with € at 0xD5 (cp857/cp858), not the cp437 of the line above.
    expect([bytes[euro - 3], bytes[euro - 2]]).toEqual([0x1b, 0x74]);
    expect(bytes[euro - 1]).not.toBe(0);
    expect(indexOf(bytes, ascii('?1'))).toBe(-1);
  });
});
