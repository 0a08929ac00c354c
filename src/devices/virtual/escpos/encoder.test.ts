import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { describe, expect, it } from 'vitest';
import { decodeEscpos } from './decoder';
import type { EscposElement } from './elements';
import { renderPreview } from './preview';

const QR = 'till:sale:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

function saleReceipt(): Uint8Array {
  return new ReceiptPrinterEncoder({ columns: 42 })
    .initialize()
    .align('center')
    .bold(true)
    .size(2, 2)
    .line('TILL SHOP')
    .size(1, 1)
    .bold(false)
    .align('left')
    .underline(true)
    .line('Café £5 - naïve')
    .underline(false)
    .table(
      [
        { width: 30, align: 'left' },
        { width: 12, align: 'right' },
      ],
      [['Total', (encoder: ReceiptPrinterEncoder) => encoder.bold(true).text('12.50').bold(false)]],
    )
    .barcode('123456', 'code128', 60)
    .qrcode(QR)
    .cut('partial')
    .pulse()
    .encode();
}

function withoutBlankLines(elements: EscposElement[]): EscposElement[] {
  return elements.filter((e) => e.kind !== 'text' || e.text.trim() !== '');
}

describe('what @point-of-sale/receipt-printer-encoder emits', () => {
  it('decodes a receipt with styles, a CODE128 barcode, a QR code, a cut and a drawer kick', () => {
    const elements = withoutBlankLines(decodeEscpos(saleReceipt()));
    expect(elements.map((e) => e.kind)).toEqual([
      'text',
      'text',
      'text',
      'barcode',
      'qr',
      'cut',
      'drawer-kick',
    ]);
    const [title, cafe, total, barcode, qr, cut, kick] = elements;
    expect(title).toMatchObject({ bold: true, doubleWidth: true, doubleHeight: true, underline: false });
    expect(title?.kind === 'text' && title.text.trim()).toBe('TILL SHOP');
    expect(cafe).toMatchObject({ text: 'Café £5 - naïve', underline: true, bold: false, doubleWidth: false });
    expect(total).toMatchObject({ bold: true });
    expect(total?.kind === 'text' && total.text.replace(/ +/g, ' ')).toBe('Total 12.50');
    expect(barcode).toEqual({ kind: 'barcode', symbology: 'code128', data: '123456' });
    expect(qr).toEqual({ kind: 'qr', data: QR });
    expect(cut).toEqual({ kind: 'cut', partial: true });
    expect(kick).toEqual({ kind: 'drawer-kick', pin: 2, onMs: 100, offMs: 500 });
    expect(decodeEscpos(saleReceipt()).filter((e) => e.kind === 'unknown')).toEqual([]);
  });

  it('previews that receipt', () => {
    const preview = renderPreview(decodeEscpos(saleReceipt()));
    expect(preview).toContain('**^^TILL SHOP^^**');
    expect(preview).toContain('__Café £5 - naïve__');
    expect(preview).toContain('[CODE128 123456]');
    expect(preview).toContain(`[QR ${QR}]`);
    expect(preview).toMatch(/^✂[- ]+$/m);
    expect(preview).toContain('[drawer kick pin 2]');
  });

  it('decodes raster and column images at their size', () => {
    const pixels = { data: new Uint8ClampedArray(64 * 300 * 4).fill(255), width: 64, height: 300 };
    const image = pixels as unknown as ImageData;
    for (const imageMode of ['raster', 'column'] as const) {
      const encoded = new ReceiptPrinterEncoder({ columns: 42, imageMode }).image(image, 64, 48 * 6).encode();
      expect(withoutBlankLines(decodeEscpos(encoded)), imageMode).toEqual([
        { kind: 'image', width: 64, height: 288 },
      ]);
    }
  });

  it.each([
    ['cp437', 0, 0x80],
    ['cp850', 2, 0x80],
    ['cp858', 19, 0x80],
    ['windows1252', 16, 0x80],
    ['iso8859-15', 40, 0x80],
  ] as const)('reads back every printable character of %s (ESC t %i)', (codepage, page, first) => {
    const upper = Array.from({ length: 0x100 - first }, (_, i) => first + i);
    const [line] = decodeEscpos(Uint8Array.from([0x1b, 0x74, page, ...upper, 0x0a]));
    const text = line?.kind === 'text' ? line.text : '';
    expect([...text]).toHaveLength(upper.length);
    // Each decoded character goes through the library's own table for that code page and must come back.
    // Left out: blanks (the library wraps on them), C1 control codes (bytes a page leaves undefined) and ¶ §, which it writes as 0x14 0x15 (their glyphs in
    // the control range on a PC screen), bytes a printer does not print.
    const printable = [...text]
      .filter((c) => c.trim() !== '' && !/[\u0080-\u009f\u00ad¶§]/u.test(c))
      .join('');
    const chunks = printable.match(/.{1,30}/gu) ?? [];
    const encoder = new ReceiptPrinterEncoder({ columns: 42 }).codepage(codepage);
    for (const chunk of chunks) encoder.line(chunk);
    const decoded = decodeEscpos(encoder.encode()).flatMap((e) => (e.kind === 'text' ? [e.text] : []));
    expect(decoded.join('')).toBe(printable);
    expect(printable.length).toBeGreaterThan(90);
  });
});
