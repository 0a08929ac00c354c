/**
 * A streaming ESC/POS decoder: bytes in, structured elements out (`elements.ts`). TCP splits a job anywhere,
 * so `push` keeps an incomplete command until the rest arrives and the result never depends on where the
 * stream was cut. The command table and the resync rule are in `commands.ts`.
 */
import { decodeByte } from './code-pages';
import { parseCommand, type CommandOp } from './commands';
import type { EscposAlign, EscposElement, EscposImageElement, EscposSpan } from './elements';

/** A decoder for one byte stream (one connection): it keeps the printer's modes between chunks. */
export interface EscposDecoder {
  /** Decodes a chunk; returns the elements it completed (an incomplete command waits for more bytes). */
  push(chunk: Uint8Array): EscposElement[];
  /** The end of the stream: returns what is still held (an image being merged); drops incomplete bytes. */
  end(): EscposElement[];
  /** How many bytes are waiting for the rest of their command. */
  readonly pendingBytes: number;
}

interface Style {
  bold: boolean;
  underline: boolean;
  width: number;
  height: number;
}

/** Barcode bytes as text; CODE128's code-set selectors (`{A` `{B` `{C`, `{{` for a brace) are resolved. */
function barcodeData(symbology: string, data: number[]): string {
  if (symbology !== 'code128' || data[0] !== 0x7b) return String.fromCharCode(...data);
  let out = '';
  let setC = false;
  for (let i = 0; i < data.length; i += 1) {
    const byte = data[i]!;
    if (byte === 0x7b && i + 1 < data.length) {
      const next = data[i + 1]!;
      i += 1;
      if (next === 0x7b) out += '{';
      else if (next === 0x43) setC = true;
      else if (next === 0x41 || next === 0x42) setC = false;
      continue;
    }
    out += setC ? String(byte).padStart(2, '0') : String.fromCharCode(byte);
  }
  return out;
}

/** Creates a decoder in the printer's power-on state (CP437, no styles, left aligned). */
export function createEscposDecoder(): EscposDecoder {
  let held = new Uint8Array(0);
  let style: Style = { bold: false, underline: false, width: 1, height: 1 };
  let align: EscposAlign = 'left';
  let page = 0;
  let spans: EscposSpan[] = [];
  let column = 0;
  /** An `ESC *` strip waiting in the line buffer for the LF that prints it. */
  let stripInLine: { width: number; height: number } | null = null;
  /** The image being printed; strips and raster chunks of the same width that follow grow it. */
  let image: { element: EscposImageElement; source: 'raster' | 'bit' } | null = null;
  const stored: { qr: number[] | null; pdf417: number[] | null } = { qr: null, pdf417: null };
  let out: EscposElement[] = [];

  function emit(element: EscposElement): void {
    if (image) out.push(image.element);
    image = null;
    out.push(element);
  }

  function addImage(width: number, height: number, source: 'raster' | 'bit'): void {
    if (image && image.source === source && image.element.width === width) {
      image.element.height += height;
      return;
    }
    if (image) out.push(image.element);
    image = { element: { kind: 'image', width, height }, source };
  }

  function appendText(text: string): void {
    const last = spans.at(-1);
    const same = (s: EscposSpan): boolean =>
      s.bold === style.bold &&
      s.underline === style.underline &&
      s.doubleWidth === style.width > 1 &&
      s.doubleHeight === style.height > 1;
    if (last && same(last)) last.text += text;
    else
      spans.push({
        text,
        bold: style.bold,
        underline: style.underline,
        doubleWidth: style.width > 1,
        doubleHeight: style.height > 1,
      });
    column += text.length;
  }

  /** Prints the line buffer: a text element, or the bit-image strip it holds. */
  function printLine(): void {
    if (stripInLine && spans.length === 0) addImage(stripInLine.width, stripInLine.height, 'bit');
    else {
      const inked = spans.filter((s) => s.text.trim() !== '');
      emit({
        kind: 'text',
        text: spans.map((s) => s.text).join(''),
        bold: inked.some((s) => s.bold),
        underline: inked.some((s) => s.underline),
        doubleWidth: inked.some((s) => s.doubleWidth),
        doubleHeight: inked.some((s) => s.doubleHeight),
        align,
        spans,
      });
    }
    spans = [];
    column = 0;
    stripInLine = null;
  }

  function apply(command: CommandOp, bytes: Uint8Array): void {
    switch (command.op) {
      case 'text':
        return appendText(decodeByte(command.byte, page));
      case 'tab':
        return appendText(' '.repeat(8 - (column % 8)));
      case 'line-feed':
        return printLine();
      case 'print-line':
        if (spans.length > 0 || stripInLine) printLine();
        return;
      case 'feed-lines':
        if (command.lines === 0) {
          if (spans.length > 0 || stripInLine) printLine();
          return;
        }
        for (let i = 0; i < command.lines; i += 1) printLine();
        return;
      case 'ignore':
        return;
      case 'initialize':
        style = { bold: false, underline: false, width: 1, height: 1 };
        align = 'left';
        page = 0;
        spans = [];
        column = 0;
        stripInLine = null;
        return;
      case 'bold':
        style = { ...style, bold: command.on };
        return;
      case 'underline':
        style = { ...style, underline: command.on };
        return;
      case 'print-mode':
        style = {
          bold: (command.mode & 0x08) !== 0,
          underline: (command.mode & 0x80) !== 0,
          width: command.mode & 0x20 ? 2 : 1,
          height: command.mode & 0x10 ? 2 : 1,
        };
        return;
      case 'size':
        style = { ...style, width: command.width, height: command.height };
        return;
      case 'align':
        align = command.align;
        return;
      case 'code-page':
        page = command.page;
        return;
      case 'cut':
        if (spans.length > 0) printLine();
        return emit({ kind: 'cut', partial: command.partial });
      case 'drawer-kick':
        return emit({ kind: 'drawer-kick', pin: command.pin, onMs: command.onMs, offMs: command.offMs });
      case 'status-request':
        return emit({ kind: 'status-request', command: command.command, n: command.n });
      case 'barcode':
        return emit({
          kind: 'barcode',
          symbology: command.symbology,
          data: barcodeData(command.symbology, command.data),
        });
      case 'symbol-store':
        stored[command.symbol] = command.data;
        return;
      case 'symbol-print': {
        const data = stored[command.symbol];
        if (data === null) return emit({ kind: 'unknown', bytes: [...bytes] });
        const text = String.fromCharCode(...data);
        return emit(
          command.symbol === 'qr'
            ? { kind: 'qr', data: text }
            : { kind: 'barcode', symbology: 'pdf417', data: text },
        );
      }
      case 'raster-image':
        return addImage(command.width, command.height, 'raster');
      case 'bit-image':
        stripInLine = { width: command.width, height: command.height };
        return;
      case 'unknown':
        return emit({ kind: 'unknown', bytes: [...bytes] });
    }
  }

  return {
    push(chunk) {
      const buf = new Uint8Array(held.length + chunk.length);
      buf.set(held);
      buf.set(chunk, held.length);
      out = [];
      let at = 0;
      while (at < buf.length) {
        const result = parseCommand(buf, at);
        if (result.need) break;
        apply(result.command, buf.subarray(at, at + result.length));
        at += result.length;
      }
      held = buf.slice(at);
      return out;
    },
    end() {
      out = [];
      if (image) out.push(image.element);
      image = null;
      held = new Uint8Array(0);
      return out;
    },
    get pendingBytes() {
      return held.length;
    },
  };
}

/**
 * Decodes a whole byte sequence at once (a finished job, a capture). With a `decoder`, it is one streaming
 * step of that decoder instead: what is incomplete waits in it for the next call.
 */
export function decodeEscpos(bytes: Uint8Array, decoder?: EscposDecoder): EscposElement[] {
  if (decoder) return decoder.push(bytes);
  const own = createEscposDecoder();
  return [...own.push(bytes), ...own.end()];
}
