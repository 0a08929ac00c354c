import { describe, expect, it } from 'vitest';
import { createEscposDecoder, decodeEscpos } from './decoder';
import type { EscposElement } from './elements';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const LF = 0x0a;

function bytes(...parts: (number | string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'number') out.push(part);
    else if (typeof part === 'string') out.push(...[...part].map((c) => c.charCodeAt(0)));
    else out.push(...part);
  }
  return Uint8Array.from(out);
}

function texts(elements: EscposElement[]): string[] {
  return elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
}

/** Every command the decoder knows, with text around, as one stream. */
const everything = bytes(
  [ESC, 0x40, ESC, 0x74, 0],
  [ESC, 0x61, 1, ESC, 0x45, 1, GS, 0x21, 0x11],
  'SHOP',
  [ESC, 0x45, 0, GS, 0x21, 0, LF, 0x0d, ESC, 0x61, 0],
  [ESC, 0x2d, 1],
  'Caf',
  0x82,
  [ESC, 0x2d, 0, LF],
  [ESC, 0x21, 0x38],
  'BIG',
  [ESC, 0x21, 0, LF],
  [GS, 0x6b, 73, 8],
  '{B123456',
  [GS, 0x6b, 2],
  '4006381333931',
  0,
  [GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0, GS, 0x28, 0x6b, 3, 0, 0x31, 0x43, 6],
  [GS, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31],
  [GS, 0x28, 0x6b, 8, 0, 0x31, 0x50, 0x30],
  'till:',
  [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
  [GS, 0x76, 0x30, 0, 2, 0, 3, 0, ...new Array<number>(6).fill(0xff)],
  [ESC, 0x2a, 33, 2, 0, ...new Array<number>(6).fill(0x0f), LF],
  [ESC, 0x2a, 33, 2, 0, ...new Array<number>(6).fill(0xf0), LF],
  [ESC, 0x64, 2],
  [DLE, 0x04, 1, DLE, 0x04, 4, GS, 0x72, 1],
  [ESC, 0x70, 0, 50, 250],
  [DLE, 0x14, 1, 1, 3],
  [GS, 0x56, 1],
  [GS, 0x56, 65, 3],
  [ESC, 0x99],
);

describe('decodeEscpos', () => {
  it('decodes styles, alignment and the code page of each printed line', () => {
    const elements = decodeEscpos(everything);
    const lines = elements.filter((e) => e.kind === 'text');
    expect(lines[0]).toMatchObject({
      text: 'SHOP',
      bold: true,
      doubleWidth: true,
      doubleHeight: true,
      align: 'center',
    });
    expect(lines[1]).toMatchObject({ text: 'Café', bold: false, underline: true, align: 'left' });
    expect(lines[2]).toMatchObject({
      text: 'BIG',
      bold: true,
      doubleWidth: true,
      doubleHeight: true,
      underline: false,
    });
  });

  it('decodes barcodes, QR codes, images, kicks, status requests, cuts and unknown commands', () => {
    const elements = decodeEscpos(everything).filter((e) => e.kind !== 'text');
    expect(elements).toEqual([
      { kind: 'barcode', symbology: 'code128', data: '123456' },
      { kind: 'barcode', symbology: 'ean13', data: '4006381333931' },
      { kind: 'qr', data: 'till:' },
      { kind: 'image', width: 16, height: 3 },
      { kind: 'image', width: 2, height: 48 },
      { kind: 'status-request', command: 'DLE EOT', n: 1 },
      { kind: 'status-request', command: 'DLE EOT', n: 4 },
      { kind: 'status-request', command: 'GS r', n: 1 },
      { kind: 'drawer-kick', pin: 2, onMs: 100, offMs: 500 },
      { kind: 'drawer-kick', pin: 5, onMs: 300, offMs: 300 },
      { kind: 'cut', partial: true },
      { kind: 'cut', partial: false },
      { kind: 'unknown', bytes: [ESC, 0x99] },
    ]);
  });

  it('prints and feeds with ESC d: the line, then blank lines', () => {
    expect(texts(decodeEscpos(bytes('a', [ESC, 0x64, 3])))).toEqual(['a', '', '']);
  });

  it('keeps mixed styles on one line as spans', () => {
    const [line] = decodeEscpos(bytes('Total ', [ESC, 0x45, 1], '5.00', [ESC, 0x45, 0], '  ', LF));
    expect(line).toMatchObject({ kind: 'text', text: 'Total 5.00  ', bold: true });
    expect(line?.kind === 'text' && line.spans.map((s) => [s.text, s.bold])).toEqual([
      ['Total ', false],
      ['5.00', true],
      ['  ', false],
    ]);
  });

  it('reads text in the selected code page, and ESC @ goes back to CP437', () => {
    const stream = bytes(
      [ESC, 0x74, 16],
      0xe9,
      0x80,
      LF,
      [ESC, 0x74, 19],
      0xd5,
      LF,
      [ESC, 0x40],
      0x82,
      0x9c,
      LF,
    );
    expect(texts(decodeEscpos(stream))).toEqual(['é€', '€', 'é£']);
  });

  it('CODE128 in code set C gives back the digits', () => {
    const [barcode] = decodeEscpos(bytes([GS, 0x6b, 73, 5], '{C', [12, 34, 5]));
    expect(barcode).toEqual({ kind: 'barcode', symbology: 'code128', data: '123405' });
  });

  it('gives the same elements whatever the split, down to one byte at a time', () => {
    const whole = decodeEscpos(everything);
    for (let split = 1; split < everything.length; split += 1) {
      const decoder = createEscposDecoder();
      const parts = [
        ...decoder.push(everything.subarray(0, split)),
        ...decoder.push(everything.subarray(split)),
        ...decoder.end(),
      ];
      expect(parts, `split at ${split}`).toEqual(whole);
    }
    const decoder = createEscposDecoder();
    const single = [...everything].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect([...single, ...decoder.end()]).toEqual(whole);
  });

  it('resyncs after garbage between commands: the commands after it decode as usual', () => {
    const garbage = [ESC, 0xff, 0x07, GS, 0x00, 0x1c, 0x99, DLE, 0x07, GS, 0x6b, 0x63];
    const elements = decodeEscpos(bytes('A', LF, garbage, [ESC, 0x45, 1], 'B', LF, [GS, 0x56, 0]));
    expect(elements).toEqual([
      expect.objectContaining({ kind: 'text', text: 'A', bold: false }),
      { kind: 'unknown', bytes: [ESC, 0xff] },
      { kind: 'unknown', bytes: [0x07] },
      { kind: 'unknown', bytes: [GS, 0x00] },
      { kind: 'unknown', bytes: [0x1c, 0x99] },
      { kind: 'unknown', bytes: [DLE] },
      { kind: 'unknown', bytes: [0x07] },
      { kind: 'unknown', bytes: [GS, 0x6b] },
      expect.objectContaining({ kind: 'text', text: 'cB', bold: true }),
      { kind: 'cut', partial: false },
    ]);
  });

  it('a barcode whose data runs into a command is refused and the command still decodes', () => {
    const elements = decodeEscpos(bytes([GS, 0x6b, 2], '12', [ESC, 0x45, 1], 'X', LF));
    expect(elements[0]).toEqual({ kind: 'unknown', bytes: [GS, 0x6b] });
    expect(elements.slice(1)).toEqual([
      { kind: 'unknown', bytes: [0x02] },
      expect.objectContaining({ kind: 'text', text: '12X', bold: true }),
    ]);
  });

  it('a drawer kick missing its timing bytes waits for them', () => {
    const decoder = createEscposDecoder();
    expect(decoder.push(bytes([ESC, 0x70, 0]))).toEqual([]);
    expect(decoder.push(bytes([50]))).toEqual([]);
    expect(decoder.pendingBytes).toBe(4);
    expect(decoder.push(bytes([250]))).toEqual([{ kind: 'drawer-kick', pin: 2, onMs: 100, offMs: 500 }]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('a truncated command at the end is held, never guessed at, and dropped at the end of the stream', () => {
    const decoder = createEscposDecoder();
    expect(decoder.push(bytes('ok', LF, [GS, 0x28, 0x6b, 20, 0, 0x31, 0x50, 0x30], 'till'))).toEqual([
      expect.objectContaining({ kind: 'text', text: 'ok' }),
    ]);
    expect(decoder.pendingBytes).toBe(12);
    expect(decoder.end()).toEqual([]);
    expect(decoder.pendingBytes).toBe(0);
  });
});
