/**
 * What the virtual ESC/POS printer makes of the bytes it receives: one structured element per printed line,
 * cut, barcode, QR code, image, drawer kick or status request, and `unknown` for anything it cannot name.
 */

/** Horizontal alignment set by `ESC a` (the encoder also pads lines with spaces, which stay in the text). */
export type EscposAlign = 'left' | 'center' | 'right';

/** A run of text on one line with the same style. */
export interface EscposSpan {
  text: string;
  bold: boolean;
  underline: boolean;
  doubleWidth: boolean;
  doubleHeight: boolean;
}

/**
 * One printed line (ended by LF, `ESC d` or `FF`). A flag is true when any non-blank character of the line
 * carries that style; `spans` keeps the exact runs for lines that mix styles.
 */
export interface EscposTextElement {
  kind: 'text';
  text: string;
  bold: boolean;
  underline: boolean;
  doubleWidth: boolean;
  doubleHeight: boolean;
  align: EscposAlign;
  spans: EscposSpan[];
}

/** `GS V`: a full or partial cut; it ends a receipt. */
export interface EscposCutElement {
  kind: 'cut';
  partial: boolean;
}

/**
 * `GS k` (function A or B) or a PDF417 printed with `GS ( k`. `symbology` uses the encoder's names
 * (`code128`, `ean13`, …); CODE128 code-set selectors (`{B`, `{C`) are resolved into plain `data`.
 */
export interface EscposBarcodeElement {
  kind: 'barcode';
  symbology: string;
  data: string;
}

/** `GS ( k` QR code: the data stored with function 80, printed by function 81. */
export interface EscposQrElement {
  kind: 'qr';
  data: string;
}

/** A raster (`GS v 0`) or bit (`ESC *`) image, in dots; consecutive strips of one image are merged. */
export interface EscposImageElement {
  kind: 'image';
  width: number;
  height: number;
}

/** `ESC p` or `DLE DC4 1`: a pulse on the drawer kick connector (pin 2 or pin 5), in milliseconds. */
export interface EscposDrawerKickElement {
  kind: 'drawer-kick';
  pin: 2 | 5;
  onMs: number;
  offMs: number;
}

/** `DLE EOT n` (real-time status, n = 1…4) or `GS r n` (transmit status, n = 1 paper, 2 drawer). */
export interface EscposStatusRequestElement {
  kind: 'status-request';
  command: 'DLE EOT' | 'GS r';
  n: number;
}

/** A command the decoder does not know, or a known one whose frame was invalid (see the resync rule). */
export interface EscposUnknownElement {
  kind: 'unknown';
  bytes: number[];
}

/** Everything the decoder emits. */
export type EscposElement =
  | EscposTextElement
  | EscposCutElement
  | EscposBarcodeElement
  | EscposQrElement
  | EscposImageElement
  | EscposDrawerKickElement
  | EscposStatusRequestElement
  | EscposUnknownElement;

/** Elements that put something on paper (what a receipt is made of). */
export type EscposPrintElement =
  EscposTextElement | EscposBarcodeElement | EscposQrElement | EscposImageElement;

/** Whether an element marks the paper (text, barcodes, QR codes, images) rather than being a control. */
export function isPrintElement(element: EscposElement): element is EscposPrintElement {
  return (
    element.kind === 'text' || element.kind === 'barcode' || element.kind === 'qr' || element.kind === 'image'
  );
}
