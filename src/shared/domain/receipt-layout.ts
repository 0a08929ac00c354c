/**
 * Lays a receipt model out in fixed columns: 32 for 58 mm thermal paper, 42 or 48 for 80 mm. Every text
 * line is padded to exactly the width; long names wrap, amounts are right-aligned, and nothing is ever cut
 * off (a word longer than the width is split across lines rather than truncated). The same lines render
 * on screen in a monospace panel and, encoded by src/devices/printer, on the receipt printer.
 */
import type { Receipt, ReceiptAmount } from './receipt-model';

/** The paper widths Till prints on, in characters. */
export type ReceiptColumns = 32 | 42 | 48;

/** The supported widths, narrowest first. */
export const receiptColumns: readonly ReceiptColumns[] = [32, 42, 48];

/**
 * One printed line. `kind` lines are drawn by the printer or the screen from `data` (their `text` is blank);
 * the readable number below a barcode is an ordinary line.
 */
export interface ReceiptLine {
  /** Exactly `columns` characters (code points) long; half that for a `double` line, printed twice as wide. */
  text: string;
  /** `bold` for totals, `double` for banners, `center` for centred text (already padded). */
  style?: 'bold' | 'double' | 'center';
  /** A barcode or QR code drawn from `data`, or where the paper is cut. */
  kind?: 'barcode' | 'qr' | 'cut';
  /** The barcode's or QR code's payload (kind `barcode` or `qr` only). */
  data?: string;
}

/** The width of a text in columns: its code points, so an astral character is never split in half. */
export function textWidth(text: string): number {
  return [...text].length;
}

/** Pads `text` with spaces to `width`; `text` must not be wider. */
function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/**
 * Wraps `text` into lines of at most `width` columns at spaces; a word longer than a line is split. Each
 * line after the first starts with `indent`. Never drops a character other than the spaces it breaks at.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  // Leading spaces are an indent the caller chose (item details under their name); keep them.
  const lead = ' '.repeat(Math.min(/^ */.exec(text)?.[0].length ?? 0, Math.max(0, width - 1)));
  let current = lead;
  const push = () => {
    lines.push(current);
    current = indent;
  };
  // Line breaks, tabs and other control characters in a name would break the paper's lines: spaces.
  const words = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').split(' ');
  for (const word of words.filter((w) => w !== '')) {
    const gap = current.trim() === '' ? '' : ' ';
    if (textWidth(current) + gap.length + textWidth(word) <= width) {
      current += gap + word;
      continue;
    }
    if (current.trim() !== '') push();
    let rest = [...word];
    // Split a word wider than what is left of an empty line.
    while (textWidth(current) + rest.length > width) {
      const room = Math.max(1, width - textWidth(current));
      current += rest.slice(0, room).join('');
      rest = rest.slice(room);
      push();
    }
    current += rest.join('');
  }
  if (current.trim() !== '' || lines.length === 0) lines.push(current.trim() === '' ? '' : current);
  return lines;
}

/** `left` and `right` on one line with `right` flush right; `left` wraps and `right` goes below if needed. */
export function leftRight(left: string, right: string, width: number, indent = ''): string[] {
  const lefts = wrapText(left, width, indent);
  const last = lefts.at(-1) ?? '';
  const rights = wrapText(right, width);
  if (rights.length === 1 && textWidth(last) + 1 + textWidth(right) <= width) {
    const gap = width - textWidth(last) - textWidth(right);
    return [...lefts.slice(0, -1), last + ' '.repeat(gap) + right];
  }
  return [...lefts, ...rights.map((r) => ' '.repeat(width - textWidth(r)) + r)];
}

/** Centres `text` in `width`, wrapping it first when it is wider. */
export function centered(text: string, width: number): string[] {
  return wrapText(text, width).map((line) => {
    const left = Math.floor((width - textWidth(line)) / 2);
    return ' '.repeat(left) + line;
  });
}

/** Lays `receipt` out for a printer (or screen) of `columns` characters. */
export function layoutReceipt(receipt: Receipt, columns: ReceiptColumns): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  const add = (texts: string[], style?: ReceiptLine['style']) => {
    const width = style === 'double' ? columns / 2 : columns;
    for (const text of texts) out.push({ text: padEnd(text, width), ...(style && { style }) });
  };
  const drawn = (kind: 'barcode' | 'qr', data: string) => out.push({ text: ' '.repeat(columns), kind, data });
  const rule = () => add(['-'.repeat(columns)]);
  const amounts = (rows: readonly ReceiptAmount[], style?: ReceiptLine['style']) => {
    for (const row of rows) add(leftRight(row.label, row.amount, columns), style);
  };

  // Banners print double width, so they get half the columns.
  for (const banner of receipt.banners) add(centered(`*** ${banner} ***`, columns / 2), 'double');
  add(
    receipt.header.flatMap((line) => centered(line, columns)),
    'center',
  );
  rule();
  add(leftRight('Receipt', receipt.number, columns));
  add(wrapText(receipt.dateTime, columns));
  add(leftRight('Register', receipt.registerName, columns));
  add(leftRight('Clerk', receipt.clerkName, columns));
  if (receipt.customerName) add(leftRight('Customer', receipt.customerName, columns));
  if (receipt.returnOf) add(wrapText(`Return of: ${receipt.returnOf}`, columns, '  '));
  rule();

  for (const item of receipt.items) {
    add(wrapText(item.name, columns, '  '));
    add(leftRight(`  ${item.quantity}`, item.amount, columns, '    '));
    if (item.overriddenPrice) add(wrapText(`  Price changed, was ${item.overriddenPrice}`, columns, '    '));
    if (item.discount) add(leftRight('  Discount', item.discount, columns, '    '));
    if (item.returned) {
      const where = item.returned.disposition ? ` (${item.returned.disposition})` : '';
      add(wrapText(`  Returned${where}`, columns, '    '));
    }
  }
  rule();

  const total = receipt.totals.at(-1);
  amounts(receipt.totals.slice(0, -1));
  if (total) amounts([total], 'bold');
  rule();

  add(['Tax summary']);
  for (const row of receipt.taxes) {
    add(leftRight(row.name, row.tax, columns, '  '));
    add(wrapText(`  on ${row.net}`, columns, '    '));
  }
  rule();

  amounts(receipt.tenders);
  rule();

  drawn('barcode', receipt.barcode.data);
  add(centered(receipt.number, columns), 'center');
  drawn('qr', receipt.qr.data);
  add(centered('Scan for returns', columns), 'center');
  add(
    receipt.footer.flatMap((line) => centered(line, columns)),
    'center',
  );
  out.push({ text: ' '.repeat(columns), kind: 'cut' });
  return out;
}
