import { describe, expect, it } from 'vitest';
import { createHidPosAssembler, parseHidPosReport } from './hid-pos';

const ascii = (text: string) => Array.from(Buffer.from(text, 'latin1'));

/** A report as node-hid delivers it: the bytes given, zero-padded to 64, `last` in byte 63. */
function recorded(bytes: number[], last = 0x00): Uint8Array {
  const report = new Uint8Array(64);
  report.set(bytes);
  report[63] = last;
  return report;
}

// EAN-13 4006381333931 from a scanner in HID POS mode: ID 2, 13 bytes, "]E0", the digits.
const ean13 = recorded([0x02, 0x0d, 0x5d, 0x45, 0x30, ...ascii('4006381333931')]);

// A 130-character QR code ("]Q1") split over three reports: 56 + 56 + 18 bytes, "more follows" on the first two.
const qrText = 'https://shop.example/p/'.padEnd(130, 'x');
const qrReports = [
  recorded([0x02, 56, 0x5d, 0x51, 0x31, ...ascii(qrText.slice(0, 56))], 0x01),
  recorded([0x02, 56, 0x5d, 0x51, 0x31, ...ascii(qrText.slice(56, 112))], 0x01),
  recorded([0x02, 18, 0x5d, 0x51, 0x31, ...ascii(qrText.slice(112))], 0x00),
];

function assembler() {
  const logged: string[] = [];
  return { logged, assembler: createHidPosAssembler((message) => logged.push(message)) };
}

describe('parseHidPosReport', () => {
  it('reads the data length, the AIM identifier, the data and the continuation flag', () => {
    const parsed = parseHidPosReport(ean13);
    expect(parsed.ok && Buffer.from(parsed.value.data).toString()).toBe('4006381333931');
    expect(parsed).toMatchObject({ ok: true, value: { aim: ']E0', continued: false } });
    expect(parseHidPosReport(qrReports[0] ?? new Uint8Array())).toMatchObject({ value: { continued: true } });
  });

  it('refuses reports of another ID, short reports, lengths beyond the data field and non-AIM identifiers', () => {
    expect(parseHidPosReport(recorded([0x01, 0x03]))).toMatchObject({ error: { code: 'not_scan_report' } });
    expect(parseHidPosReport(ean13.subarray(0, 20))).toMatchObject({ error: { code: 'malformed_report' } });
    expect(parseHidPosReport(recorded([0x02, 57, 0x5d, 0x45, 0x30]))).toMatchObject({
      error: { code: 'malformed_report', message: expect.stringContaining('57') },
    });
    expect(parseHidPosReport(recorded([0x02, 0x03, 0x41, 0x01, 0x02, ...ascii('123')]))).toMatchObject({
      error: { code: 'malformed_report' },
    });
  });
});

describe('createHidPosAssembler', () => {
  it('turns a single report into one scan with its symbology', () => {
    const { assembler: a, logged } = assembler();
    expect(a.push(ean13)).toEqual({ data: '4006381333931', symbology: 'ean13', aim: ']E0' });
    expect(logged).toEqual([]);
  });

  it('puts a barcode split over three reports back together, and emits it once', () => {
    const { assembler: a } = assembler();
    expect(a.push(qrReports[0] ?? new Uint8Array())).toBeNull();
    expect(a.pending).toBe(true);
    expect(a.push(qrReports[1] ?? new Uint8Array())).toBeNull();
    expect(a.push(qrReports[2] ?? new Uint8Array())).toEqual({ data: qrText, symbology: 'qr', aim: ']Q1' });
    expect(a.pending).toBe(false);
  });

  it('drops a malformed report with a log line and no scan, and the partial barcode it broke', () => {
    const { assembler: a, logged } = assembler();
    expect(a.push(recorded([0x02, 200, 0x5d, 0x45, 0x30, ...ascii('4006381333931')]))).toBeNull();
    expect(logged).toEqual([expect.stringMatching(/malformed_report.*200/)]);
    expect(a.push(qrReports[0] ?? new Uint8Array())).toBeNull();
    expect(a.push(ean13.subarray(0, 30))).toBeNull();
    expect(logged[1]).toMatch(/partial scan of 56 bytes is dropped/);
    // The tail of the broken barcode is no scan of its own either; the next barcode is read again.
    expect(a.push(qrReports[2] ?? new Uint8Array())).toBeNull();
    expect(a.push(ean13)).toMatchObject({ data: '4006381333931' });
  });

  it('maps AIM identifiers to symbologies and keeps a scan without one as unknown', () => {
    const { assembler: a } = assembler();
    const scan = (aim: string, data: string) =>
      a.push(recorded([0x02, data.length, ...ascii(aim), ...ascii(data)]));
    expect(scan(']E0', '036000291452')).toMatchObject({ symbology: 'upca' });
    expect(scan(']E4', '96385074')).toMatchObject({ symbology: 'ean8' });
    expect(scan(']C1', 'SKU-123')).toMatchObject({ symbology: 'code128' });
    expect(scan(']A0', 'ABC')).toMatchObject({ symbology: 'code39' });
    expect(scan(']d2', 'DM')).toMatchObject({ symbology: 'datamatrix' });
    expect(scan(']I0', '1234')).toEqual({ data: '1234', symbology: 'unknown', aim: ']I0' });
    expect(a.push(recorded([0x02, 4, 0, 0, 0, ...ascii('1234')]))).toEqual({
      data: '1234',
      symbology: 'unknown',
    });
  });

  it('ignores an empty scan and drops a barcode that grows past the limit', () => {
    const { assembler: a, logged } = assembler();
    expect(a.push(recorded([0x02, 0, 0x5d, 0x45, 0x30]))).toBeNull();
    const full = recorded([0x02, 56, 0x5d, 0x51, 0x31, ...ascii('y'.repeat(56))], 0x01);
    let result = null;
    for (let i = 0; i < 80 && result === null; i += 1) result = a.push(full);
    expect(result).toBeNull();
    expect(logged.some((line) => /longer than 4096/.test(line))).toBe(true);
  });
});
