/**
 * Turns laid-out receipt lines (src/shared/domain/receipt-layout.ts) into the bytes a receipt printer
 * prints, with @point-of-sale/receipt-printer-encoder: ESC/POS (Epson and most others) or StarPRNT (Star).
 *
 * The lines arrive already padded to the paper's width, so this only adds styles (bold, double size),
 * draws barcodes (CODE128) and QR codes, cuts, and puts the logo on top. Bad input is a coded error,
 * never a half-encoded job. The cash drawer kick is encoded by hand (see `encodeDrawerKick`).
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { textWidth } from '@till/shared/domain/receipt-layout';
import type { Result } from '@till/shared/result';
import { loadReceiptLogo } from './logo';

/** The printer command sets Till speaks. */
export type PrinterLanguage = 'esc-pos' | 'star-prnt';

/** How to encode for one printer. */
export interface EncodeOptions {
  language: PrinterLanguage;
  /** 32 on 58 mm paper, 42 or 48 on 80 mm. */
  columns: ReceiptColumns;
  /** An encoder printer profile (e.g. `epson-tm-t88vi`): its cutter feed, image mode and code pages. */
  printerModel?: string;
  /** A code page such as `cp437` or `cp858`; by default the encoder picks one per character. */
  codepage?: string;
  /** Prints assets/receipt-logo.png at the top. */
  logo?: boolean;
}

/** Why encoding was refused. */
export interface EncodeError {
  code: 'invalid_options' | 'invalid_line' | 'unsupported';
  message: string;
}

/** Bytes to send, or why there are none. */
export type EncodeResult = Result<Uint8Array, EncodeError>;

const languages: readonly PrinterLanguage[] = ['esc-pos', 'star-prnt'];
const widths: readonly ReceiptColumns[] = [32, 42, 48];
/** The most lines one receipt may have: a very long receipt is a bug upstream, not paper to waste. */
const maxLines = 2000;
const maxBarcode = 80;
const maxQr = 700;

const invalid = (code: EncodeError['code'], message: string): EncodeResult => ({
  ok: false,
  error: { code, message },
});

function checkOptions(options: EncodeOptions): string | null {
  if (!languages.includes(options.language)) return `language must be one of ${languages.join(', ')}`;
  if (!widths.includes(options.columns)) return `columns must be one of ${widths.join(', ')}`;
  if (options.printerModel !== undefined) {
    const known = ReceiptPrinterEncoder.printerModels.some((model) => model.id === options.printerModel);
    if (!known) return `unknown printer model ${String(options.printerModel).slice(0, 40)}`;
  }
  if (options.codepage !== undefined && !/^[a-z0-9-]{2,24}$/i.test(options.codepage)) {
    return 'codepage must be a code page name such as cp437';
  }
  return null;
}

function checkLine(line: ReceiptLine, index: number, columns: number): string | null {
  if (typeof line?.text !== 'string' || textWidth(line.text) > columns) {
    return `line ${index + 1} must be text of at most ${columns} characters`;
  }
  if (line.kind === 'barcode') {
    const data = line.data ?? '';
    if (!/^[\x20-\x7e]+$/.test(data) || data.length > maxBarcode) {
      return `line ${index + 1}: a CODE128 barcode needs 1-${maxBarcode} printable ASCII characters`;
    }
  }
  if (line.kind === 'qr' && (!line.data || new TextEncoder().encode(line.data).length > maxQr)) {
    return `line ${index + 1}: a QR code needs 1-${maxQr} bytes of data`;
  }
  return null;
}

/** A new encoder for `options`. The model's profile wins for the cutter feed; columns and language are ours. */
function createEncoder(options: EncodeOptions): ReceiptPrinterEncoder {
  const encoder = new ReceiptPrinterEncoder({
    language: options.language,
    columns: options.columns,
    // Without a profile, feed 4 lines before the cut: the cutter sits above the print head.
    ...(options.printerModel ? { printerModel: options.printerModel as never } : { feedBeforeCut: 4 }),
    errors: 'strict',
  });
  encoder.initialize();
  encoder.codepage((options.codepage ?? 'auto') as never);
  return encoder;
}

const printableAscii = /^[\x20-\x7e]*$/;

/**
 * The code page the encoder's automatic choice lands on for plain ASCII: the first of the language's table
 * (Star's own "standard" page on StarPRNT, cp437 on ESC/POS whatever the vendor).
 */
const asciiPages: Record<PrinterLanguage, string> = { 'esc-pos': 'cp437', 'star-prnt': 'star/standard' };

/**
 * With no code page configured, picks one per line: plain ASCII goes out in the page the automatic choice
 * would pick for it (`asciiPages`: the same bytes, found without a search), and only a line with other characters
 * (é, €, ß…) goes through the encoder's automatic choice. That choice clones the code page table for every
 * character and cost about 25 ms per 30-line receipt: time the device service would otherwise spend away from
 * the scanners it also reads.
 */
function chooseCodepage(encoder: ReceiptPrinterEncoder, text: string, options: EncodeOptions): void {
  if (options.codepage !== undefined) return;
  if (!printableAscii.test(text)) {
    encoder.codepage('auto');
    return;
  }
  try {
    encoder.codepage(asciiPages[options.language] as never);
  } catch {
    // A printer profile without that page keeps the automatic choice.
    encoder.codepage('auto');
  }
}

/**
 * The widest CODE128 module (1-3, the encoder's `width`) that still fits `data` on the paper: 11 modules
 * per character plus start, check and stop codes and the quiet zones, at 12 dots per column.
 */
function barcodeWidth(data: string, columns: number): number {
  const modules = (data.length + 3) * 11 + 2 + 20;
  const dotsPerModule = Math.floor((columns * 12) / modules);
  return Math.max(1, Math.min(3, dotsPerModule - 1));
}

/** Appends one laid-out line to `encoder`. */
function addLine(encoder: ReceiptPrinterEncoder, line: ReceiptLine, options: EncodeOptions) {
  const { columns } = options;
  if (line.kind === 'cut') {
    encoder.cut('partial');
    return;
  }
  if (line.kind === 'barcode' || line.kind === 'qr') {
    const data = line.data ?? '';
    encoder.align('center');
    if (line.kind === 'barcode') {
      encoder.barcode(data, 'code128', { height: 60, width: barcodeWidth(data, columns), text: 'none' });
    } else {
      encoder.qrcode(data, { model: 2, size: columns === 32 ? 4 : 6, errorlevel: 'm' });
    }
    encoder.align('left');
    return;
  }
  // The text is padded already (centred lines too), so alignment stays left.
  chooseCodepage(encoder, line.text, options);
  if (line.style === 'bold') encoder.bold(true).line(line.text).bold(false);
  else if (line.style === 'double') encoder.size(2, 2).line(line.text).size(1, 1);
  else encoder.line(line.text);
}

/** Runs `build` on a fresh encoder and returns its bytes; an error the encoder throws becomes a value. */
function encodeWith(options: EncodeOptions, build: (encoder: ReceiptPrinterEncoder) => void): EncodeResult {
  const problem = checkOptions(options);
  if (problem) return invalid('invalid_options', problem);
  try {
    const encoder = createEncoder(options);
    build(encoder);
    return { ok: true, value: encoder.encode() };
  } catch (error) {
    return invalid('unsupported', `the printer cannot print this: ${(error as Error).message}`);
  }
}

/** Encodes receipt lines for the printer `options` describe. */
export function encodeReceipt(lines: readonly ReceiptLine[], options: EncodeOptions): EncodeResult {
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > maxLines) {
    return invalid('invalid_line', `a receipt has 1-${maxLines} lines`);
  }
  for (const [index, line] of lines.entries()) {
    const problem = checkLine(line, index, options.columns);
    if (problem) return invalid('invalid_line', problem);
  }
  const logo = options.logo ? loadReceiptLogo() : null;
  return encodeWith(options, (encoder) => {
    if (logo?.ok) {
      encoder.align('center').image(logo.value, logo.value.width, logo.value.height, 'threshold', 128);
      encoder.align('left');
    }
    for (const line of lines) addLine(encoder, line, options);
  });
}

/**
 * A page to check a printer with: its width, the date, a CODE128 barcode and a QR code, then a cut. The
 * ruler shows at a glance whether `columns` matches the paper (it must fill one line exactly).
 */
export function encodeTestPage(
  columns: ReceiptColumns,
  language: PrinterLanguage,
  now: Date = new Date(),
): EncodeResult {
  const ruler = '1234567890'.repeat(5).slice(0, columns);
  const center = (text: string, width: number = columns) => {
    const cut = text.slice(0, width);
    return (' '.repeat(Math.floor((width - cut.length) / 2)) + cut).padEnd(width);
  };
  const blank = ' '.repeat(columns);
  const lines: ReceiptLine[] = [
    // Double width: centred within half the columns.
    { text: center('TILL TEST', columns / 2), style: 'double' },
    { text: center(`${columns} columns, ${columns === 32 ? '58' : '80'} mm, ${language}`), style: 'center' },
    { text: center(`${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`), style: 'center' },
    { text: ruler },
    { text: blank, kind: 'barcode', data: 'TILL-TEST-0001' },
    { text: center('TILL-TEST-0001'), style: 'center' },
    { text: blank, kind: 'qr', data: 'https://till.invalid/test-page' },
    { text: center('Printing works.'), style: 'bold' },
    { text: blank, kind: 'cut' },
  ];
  return encodeReceipt(lines, { language, columns });
}

/** How to pulse a cash drawer's solenoid. */
export interface DrawerKickOptions {
  /** The drawer kick connector pin: 2 (the usual one, ESC p 0) or 5 (a second drawer, ESC p 1). */
  pin: 2 | 5;
  /** How long the pulse is on, in ms (2-510; rounded to the printer's 2 ms units). */
  onMs: number;
  /** How long it stays off afterwards, in ms (2-510); must be at least `onMs` on most printers. */
  offMs: number;
}

/**
 * `ESC p m t1 t2`: pulse pin 2 (m = 0) or pin 5 (m = 1) for t1 × 2 ms, then wait t2 × 2 ms. Both timing
 * bytes are always sent: some printers read a short command as "wait for more" and swallow the next job.
 */
export function encodeDrawerKick(options: DrawerKickOptions): EncodeResult {
  const { pin, onMs, offMs } = options;
  if (pin !== 2 && pin !== 5) return invalid('invalid_options', 'the drawer pin must be 2 or 5');
  for (const [name, ms] of [
    ['onMs', onMs],
    ['offMs', offMs],
  ] as const) {
    if (!Number.isFinite(ms) || ms < 2 || ms > 510) {
      return invalid('invalid_options', `${name} must be 2-510 ms`);
    }
  }
  const units = (ms: number) => Math.max(1, Math.min(255, Math.round(ms / 2)));
  return { ok: true, value: Uint8Array.of(0x1b, 0x70, pin === 2 ? 0 : 1, units(onMs), units(offMs)) };
}
