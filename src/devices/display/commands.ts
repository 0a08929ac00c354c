/**
 * The byte commands of the two command sets nearly every two-line pole display speaks (most models switch
 * between them with DIP switches):
 *
 * - **Epson DM-D (ESC/POS display)**: `ESC @` initialise, `US MD1` (1F 01) overwrite mode, `US C 0` cursor
 *   off, `CLR` (0C) clear, `HOM` (0B) cursor home, `US $ x y` (1F 24 x y) cursor to column x, row y
 *   (1-based), then the characters. `ESC = 2` selects the display when it hangs off a printer's
 *   pass-through port (and `ESC = 1` gives the line back to the printer).
 * - **CD5220**: `ESC @` initialise, `CLR` (0C) clear, and `ESC Q A` + 20 characters + CR for the upper
 *   line, `ESC Q B` + 20 characters + CR for the lower line (string display mode).
 */
import { fitColumns } from './text';

/** Which command set the display speaks. */
export type DisplayCommandSet = 'epson' | 'cd5220';

const ESC = 0x1b;
const US = 0x1f;
const CLR = 0x0c;
const HOM = 0x0b;
const CR = 0x0d;

/** Bytes that reset the display to a known state and clear it. */
export function initCommand(set: DisplayCommandSet): Uint8Array {
  // Epson: initialise, overwrite mode (no scrolling when a line is full), cursor off, clear.
  if (set === 'epson') return Uint8Array.of(ESC, 0x40, US, 0x01, US, 0x43, 0x00, CLR);
  return Uint8Array.of(ESC, 0x40, CLR);
}

/** Bytes that clear the display. */
export function clearCommand(): Uint8Array {
  return Uint8Array.of(CLR);
}

/** Bytes that show two lines (already ASCII), each cut or padded to `columns`. */
export function showCommand(
  set: DisplayCommandSet,
  lines: readonly [string, string],
  columns: number,
): Uint8Array {
  const [upper, lower] = lines.map((line) => Buffer.from(fitColumns(line, columns), 'latin1'));
  if (!upper || !lower) return new Uint8Array();
  if (set === 'epson') {
    // Home, the upper line, then an explicit move to row 2: no reliance on where a full line wraps.
    return Buffer.concat([Uint8Array.of(HOM), upper, Uint8Array.of(US, 0x24, 1, 2), lower]);
  }
  return Buffer.concat([
    Uint8Array.of(ESC, 0x51, 0x41),
    upper,
    Uint8Array.of(CR, ESC, 0x51, 0x42),
    lower,
    Uint8Array.of(CR),
  ]);
}

/** Wraps Epson display commands for a display behind a printer: select the display, then the printer. */
export function viaPrinter(bytes: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(ESC, 0x3d, 0x02), bytes, Uint8Array.of(ESC, 0x3d, 0x01)]);
}
