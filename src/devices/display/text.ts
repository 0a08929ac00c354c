/**
 * Text a pole display can show. Its character generator holds ASCII (and a code page Till does not rely
 * on, since models differ), so text is transliterated to printable ASCII: accents dropped, currency
 * symbols spelled as their ISO codes, the spaces and minus signs `Intl` uses made plain; anything left is
 * `?`. Then each line is cut or padded to the display's width.
 */

/** Symbols with a conventional ASCII spelling. */
const spelled: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '₱': 'PHP',
  '₴': 'UAH',
  '₦': 'NGN',
  '¢': 'c',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  '\u2212': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '×': 'x',
};

/** Transliterates `text` to printable ASCII (one line: control characters and line breaks become spaces). */
export function toDisplayAscii(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char >= ' ' && char <= '~') out += char;
    else if (spelled[char] !== undefined) out += spelled[char];
    else if (/\s/u.test(char) || char < ' ') out += ' ';
    else {
      // A letter with an accent: its base letter, when decomposing leaves one.
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += /^[ -~]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** `text` cut or padded with spaces to exactly `columns` characters. */
export function fitColumns(text: string, columns: number): string {
  return text.length > columns ? text.slice(0, columns) : text.padEnd(columns, ' ');
}

/** `left` and `right` on one line of `columns`, `right` flush right; `left` is cut first when both don't fit. */
export function leftRight(left: string, right: string, columns: number): string {
  if (right.length >= columns) return right.slice(0, columns);
  const room = columns - right.length - 1;
  const shown = left.length > room ? left.slice(0, Math.max(0, room)) : left;
  return `${shown}${' '.repeat(columns - shown.length - right.length)}${right}`;
}

/** `text` centred on a line of `columns` (cut when longer). */
export function centred(text: string, columns: number): string {
  if (text.length >= columns) return text.slice(0, columns);
  const left = Math.floor((columns - text.length) / 2);
  return `${' '.repeat(left)}${text}`.padEnd(columns, ' ');
}
