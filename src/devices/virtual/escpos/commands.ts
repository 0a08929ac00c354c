/**
 * The ESC/POS command table: how many bytes each command takes and what it means. `parseCommand` looks at
 * the bytes from one position and answers either "need more" (the command is not complete yet: TCP splits
 * anywhere) or the command's length and meaning; it never looks past what it needs, so the answer does not
 * depend on where the stream was split.
 *
 * Resync rule: a byte from 0x20 up is always printable text. ESC, GS, FS or DLE followed by a code the table
 * does not know, or by parameters that cannot be right (a barcode type that does not exist, an image of zero
 * or absurd size, barcode data with control bytes), is reported as `unknown` with only its first two bytes
 * consumed; decoding carries on at the next byte. Any other control byte is an `unknown` of one byte (NUL
 * and CR are ignored silently, as printers do).
 */

/** What one command does to the decoder. */
export type CommandOp =
  | { op: 'text'; byte: number }
  | { op: 'tab' }
  | { op: 'line-feed' }
  | { op: 'feed-lines'; lines: number }
  | { op: 'print-line' }
  | { op: 'ignore' }
  | { op: 'initialize' }
  | { op: 'bold'; on: boolean }
  | { op: 'underline'; on: boolean }
  | { op: 'print-mode'; mode: number }
  | { op: 'size'; width: number; height: number }
  | { op: 'align'; align: 'left' | 'center' | 'right' }
  | { op: 'code-page'; page: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'drawer-kick'; pin: 2 | 5; onMs: number; offMs: number }
  | { op: 'status-request'; command: 'DLE EOT' | 'GS r'; n: number }
  | { op: 'barcode'; symbology: string; data: number[] }
  | { op: 'symbol-store'; symbol: 'qr' | 'pdf417'; data: number[] }
  | { op: 'symbol-print'; symbol: 'qr' | 'pdf417' }
  | { op: 'raster-image'; width: number; height: number }
  | { op: 'bit-image'; width: number; height: number }
  | { op: 'unknown' };

/** Either more bytes are needed, or the command at the position is `length` bytes long. */
export type ParseResult = { need: true } | { need: false; length: number; command: CommandOp };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

const NEED: ParseResult = { need: true };

function ok(length: number, command: CommandOp): ParseResult {
  return { need: false, length, command };
}

/** The first two bytes of a command that the table does not know or whose frame is wrong. */
const UNKNOWN2 = ok(2, { op: 'unknown' });

/** `GS k m` barcode types, by `m`, in the encoder's names (function A 0…6, function B 65…79). */
const symbologies = new Map<number, string>([
  [0, 'upca'],
  [1, 'upce'],
  [2, 'ean13'],
  [3, 'ean8'],
  [4, 'code39'],
  [5, 'itf'],
  [6, 'codabar'],
  [65, 'upca'],
  [66, 'upce'],
  [67, 'ean13'],
  [68, 'ean8'],
  [69, 'code39'],
  [70, 'itf'],
  [71, 'codabar'],
  [72, 'code93'],
  [73, 'code128'],
  [74, 'gs1-128'],
  [75, 'gs1-databar-omni'],
  [76, 'gs1-databar-truncated'],
  [77, 'gs1-databar-limited'],
  [78, 'gs1-databar-expanded'],
  [79, 'code128-auto'],
]);

/** ESC commands whose only parameter is one byte and that change nothing the decoder reports. */
const escOneByteIgnored = new Set([
  0x20, 0x25, 0x3f, 0x47, 0x4d, 0x52, 0x55, 0x56, 0x72, 0x7b, 0x33, 0x65, 0x34,
]);
/** GS commands with one parameter byte the decoder ignores (barcode height/width/text, font, invert…). */
const gsOneByteIgnored = new Set([0x42, 0x48, 0x66, 0x68, 0x77, 0x62, 0x2f, 0x61, 0x54]);
/** FS commands with one parameter byte (Kanji modes, which a Latin receipt never uses). */
const fsOneByteIgnored = new Set([0x21, 0x2d, 0x43, 0x57]);

function alignOf(n: number): 'left' | 'center' | 'right' | null {
  if (n === 0 || n === 48) return 'left';
  if (n === 1 || n === 49) return 'center';
  if (n === 2 || n === 50) return 'right';
  return null;
}

/** Parses the command starting at `at` (which holds a byte). */
export function parseCommand(buf: Uint8Array, at: number): ParseResult {
  const b = buf[at]!;
  if (b >= 0x20) return ok(1, { op: 'text', byte: b });
  switch (b) {
    case 0x0a:
      return ok(1, { op: 'line-feed' });
    case 0x0c:
      return ok(1, { op: 'print-line' });
    case 0x09:
      return ok(1, { op: 'tab' });
    case 0x00:
    case 0x0d:
      return ok(1, { op: 'ignore' });
    case ESC:
      return parseEsc(buf, at);
    case GS:
      return parseGs(buf, at);
    case FS:
      return parseFs(buf, at);
    case DLE:
      return parseDle(buf, at);
    default:
      return ok(1, { op: 'unknown' });
  }
}

/** The byte at `at + offset`, or undefined when it has not arrived yet. */
function byteAt(buf: Uint8Array, at: number, offset: number): number | undefined {
  return at + offset < buf.length ? buf[at + offset] : undefined;
}

function parseEsc(buf: Uint8Array, at: number): ParseResult {
  const code = byteAt(buf, at, 1);
  if (code === undefined) return NEED;
  if (code === 0x40) return ok(2, { op: 'initialize' });
  if (code === 0x32) return ok(2, { op: 'ignore' });
  if (code === 0x70) {
    if (at + 5 > buf.length) return NEED;
    const m = buf[at + 2]!;
    if (m !== 0 && m !== 1 && m !== 48 && m !== 49) return UNKNOWN2;
    return ok(5, {
      op: 'drawer-kick',
      pin: m % 48 === 0 ? 2 : 5,
      onMs: buf[at + 3]! * 2,
      offMs: buf[at + 4]! * 2,
    });
  }
  if (code === 0x24 || code === 0x5c) return at + 4 > buf.length ? NEED : ok(4, { op: 'ignore' });
  if (code === 0x63) return at + 4 > buf.length ? NEED : ok(4, { op: 'ignore' });
  if (code === 0x2a) return parseBitImage(buf, at);
  if (code === 0x44) return parseTabStops(buf, at);
  const n = byteAt(buf, at, 2);
  if (n === undefined) {
    return [0x21, 0x45, 0x2d, 0x61, 0x74, 0x64, 0x4a].includes(code) || escOneByteIgnored.has(code)
      ? NEED
      : UNKNOWN2;
  }
  switch (code) {
    case 0x21:
      return ok(3, { op: 'print-mode', mode: n });
    case 0x45:
      return ok(3, { op: 'bold', on: (n & 1) === 1 });
    case 0x2d:
      return ok(3, { op: 'underline', on: n === 1 || n === 2 || n === 49 || n === 50 });
    case 0x61: {
      const align = alignOf(n);
      return align ? ok(3, { op: 'align', align }) : UNKNOWN2;
    }
    case 0x74:
      return ok(3, { op: 'code-page', page: n });
    case 0x64:
      return ok(3, { op: 'feed-lines', lines: n });
    case 0x4a:
      return ok(3, { op: 'print-line' });
    default:
      return escOneByteIgnored.has(code) ? ok(3, { op: 'ignore' }) : UNKNOWN2;
  }
}

/** `ESC * m nL nH d…`: one strip of a bit image, 8 dots high (m 0, 1) or 24 (m 32, 33). */
function parseBitImage(buf: Uint8Array, at: number): ParseResult {
  if (at + 5 > buf.length) return NEED;
  const m = buf[at + 2]!;
  const width = buf[at + 3]! + buf[at + 4]! * 256;
  const tall = m === 32 || m === 33;
  if (!(tall || m === 0 || m === 1) || width < 1 || width > 2400) return UNKNOWN2;
  const length = 5 + width * (tall ? 3 : 1);
  return at + length > buf.length ? NEED : ok(length, { op: 'bit-image', width, height: tall ? 24 : 8 });
}

/** `ESC D n1 … nk NUL`: horizontal tab stops, at most 32 of them. */
function parseTabStops(buf: Uint8Array, at: number): ParseResult {
  for (let i = 2; i <= 34; i += 1) {
    const byte = byteAt(buf, at, i);
    if (byte === undefined) return NEED;
    if (byte === 0) return ok(i + 1, { op: 'ignore' });
  }
  return UNKNOWN2;
}

function parseGs(buf: Uint8Array, at: number): ParseResult {
  const code = byteAt(buf, at, 1);
  if (code === undefined) return NEED;
  switch (code) {
    case 0x56:
      return parseCut(buf, at);
    case 0x6b:
      return parseBarcode(buf, at);
    case 0x28:
      return parseFramed(buf, at);
    case 0x76:
      return parseRaster(buf, at);
    case 0x4c:
    case 0x57:
    case 0x50:
      return at + 4 > buf.length ? NEED : ok(4, { op: 'ignore' });
    case 0x3a:
      return ok(2, { op: 'ignore' });
  }
  const n = byteAt(buf, at, 2);
  if (n === undefined) return code === 0x21 || code === 0x72 || gsOneByteIgnored.has(code) ? NEED : UNKNOWN2;
  if (code === 0x21) return ok(3, { op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
  if (code === 0x72) {
    const kind = n % 48;
    return kind === 1 || kind === 2 ? ok(3, { op: 'status-request', command: 'GS r', n: kind }) : UNKNOWN2;
  }
  return gsOneByteIgnored.has(code) ? ok(3, { op: 'ignore' }) : UNKNOWN2;
}

/** `GS V m` (full 0/48, partial 1/49) or `GS V m n` (feed n, then cut: 65/66, 97/98, 103/104). */
function parseCut(buf: Uint8Array, at: number): ParseResult {
  const m = byteAt(buf, at, 2);
  if (m === undefined) return NEED;
  if (m === 0 || m === 48) return ok(3, { op: 'cut', partial: false });
  if (m === 1 || m === 49) return ok(3, { op: 'cut', partial: true });
  if ([65, 66, 97, 98, 103, 104].includes(m)) {
    return at + 4 > buf.length ? NEED : ok(4, { op: 'cut', partial: m % 2 === 0 });
  }
  return UNKNOWN2;
}

/** `GS k m d… NUL` (function A, m 0…6) or `GS k m n d1…dn` (function B, m 65…79). */
function parseBarcode(buf: Uint8Array, at: number): ParseResult {
  const m = byteAt(buf, at, 2);
  if (m === undefined) return NEED;
  const symbology = symbologies.get(m);
  if (symbology === undefined) return UNKNOWN2;
  if (m < 65) {
    for (let i = 3; i < 3 + 256; i += 1) {
      const byte = byteAt(buf, at, i);
      if (byte === undefined) return NEED;
      if (byte === 0) return ok(i + 1, { op: 'barcode', symbology, data: [...buf.subarray(at + 3, at + i)] });
      if (byte < 0x20 || byte > 0x7e) return UNKNOWN2;
    }
    return UNKNOWN2;
  }
  const n = byteAt(buf, at, 3);
  if (n === undefined) return NEED;
  if (n === 0) return UNKNOWN2;
  if (at + 4 + n > buf.length) return NEED;
  return ok(4 + n, { op: 'barcode', symbology, data: [...buf.subarray(at + 4, at + 4 + n)] });
}

/** `GS ( x pL pH …`: the two-byte length frames every `GS (` command; `GS ( k` is QR and PDF417. */
function parseFramed(buf: Uint8Array, at: number): ParseResult {
  if (at + 5 > buf.length) return NEED;
  const letter = buf[at + 2]!;
  const size = buf[at + 3]! + buf[at + 4]! * 256;
  if (letter < 0x41 || letter > 0x7a || size === 0) return UNKNOWN2;
  const length = 5 + size;
  if (at + length > buf.length) return NEED;
  if (letter !== 0x6b || size < 3) return ok(length, { op: 'ignore' });
  const cn = buf[at + 5]!;
  const fn = buf[at + 6]!;
  const symbol = cn === 0x31 ? 'qr' : cn === 0x30 ? 'pdf417' : null;
  if (symbol === null) return ok(length, { op: 'unknown' });
  if (fn === 0x50)
    return ok(length, { op: 'symbol-store', symbol, data: [...buf.subarray(at + 8, at + length)] });
  if (fn === 0x51) return ok(length, { op: 'symbol-print', symbol });
  return ok(length, { op: 'ignore' });
}

/** `GS v 0 m xL xH yL yH d…`: a raster image of x bytes (8x dots) by y dots. */
function parseRaster(buf: Uint8Array, at: number): ParseResult {
  if (at + 8 > buf.length) return NEED;
  const m = buf[at + 3]!;
  const bytesWide = buf[at + 4]! + buf[at + 5]! * 256;
  const height = buf[at + 6]! + buf[at + 7]! * 256;
  if (buf[at + 2] !== 0x30 || m % 48 > 3 || (m > 3 && m < 48) || m > 51) return UNKNOWN2;
  if (bytesWide < 1 || bytesWide > 255 || height < 1 || height > 4095) return UNKNOWN2;
  const length = 8 + bytesWide * height;
  return at + length > buf.length ? NEED : ok(length, { op: 'raster-image', width: bytesWide * 8, height });
}

function parseFs(buf: Uint8Array, at: number): ParseResult {
  const code = byteAt(buf, at, 1);
  if (code === undefined) return NEED;
  if (code === 0x2e || code === 0x26) return ok(2, { op: 'ignore' });
  if (code === 0x70 || code === 0x53) return at + 4 > buf.length ? NEED : ok(4, { op: 'ignore' });
  if (!fsOneByteIgnored.has(code)) return UNKNOWN2;
  return at + 3 > buf.length ? NEED : ok(3, { op: 'ignore' });
}

/** Real-time commands: `DLE EOT n` (status), `DLE ENQ n`, `DLE DC4 fn …` (fn 1: pulse the drawer). */
function parseDle(buf: Uint8Array, at: number): ParseResult {
  const code = byteAt(buf, at, 1);
  if (code === undefined) return NEED;
  if (code !== 0x04 && code !== 0x05 && code !== 0x14) return ok(1, { op: 'unknown' });
  const n = byteAt(buf, at, 2);
  if (n === undefined) return NEED;
  if (code === 0x04) {
    if (n >= 1 && n <= 4) return ok(3, { op: 'status-request', command: 'DLE EOT', n });
    if (n === 7 || n === 8) return at + 4 > buf.length ? NEED : ok(4, { op: 'unknown' });
    return UNKNOWN2;
  }
  if (code === 0x05) return ok(3, { op: 'ignore' });
  const lengths: Record<number, number> = { 1: 5, 2: 5, 3: 5, 7: 4, 8: 10 };
  const length = lengths[n];
  if (length === undefined) return UNKNOWN2;
  if (at + length > buf.length) return NEED;
  if (n !== 1) return ok(length, { op: 'ignore' });
  const m = buf[at + 3]!;
  const t = buf[at + 4]!;
  if (m > 1 || t < 1 || t > 8) return UNKNOWN2;
  return ok(length, { op: 'drawer-kick', pin: m === 0 ? 2 : 5, onMs: t * 100, offMs: t * 100 });
}
