/**
 * The status bytes an Epson-compatible printer sends back, from the emulator's condition. Fixed bits follow
 * the ESC/POS reference: every `DLE EOT` reply has bit 1 and bit 4 set (0x12) and bits 0 and 7 clear, so a
 * driver can tell a status byte from stray data.
 */

/** What the virtual printer is going through; everything false is a printer ready to print. */
export interface PrinterCondition {
  /** The roll has run out: the printer stops printing. */
  paperOut: boolean;
  /** The roll is nearly out: the printer still prints. */
  paperNearEnd: boolean;
  /** The cover is open: the printer stops printing. */
  coverOpen: boolean;
  /** The printer is dead: it reads and drops every byte and never answers. */
  offline: boolean;
  /** The drawer on the kick connector is open (pin 3 high). A kick opens it; set it false to close it. */
  drawerOpen: boolean;
}

/** The fixed bits of every `DLE EOT` reply. */
const FIXED = 0x12;

/** Whether the printer has stopped printing (what `DLE EOT 1` reports as offline). */
export function isStopped(condition: PrinterCondition): boolean {
  return condition.paperOut || condition.coverOpen;
}

/** The one-byte reply to `DLE EOT n` (n = 1…4). */
export function dleEotReply(n: number, condition: PrinterCondition): number {
  switch (n) {
    case 1:
      // Bit 2: drawer kick connector pin 3 high; bit 3: offline.
      return FIXED | (condition.drawerOpen ? 0x04 : 0) | (isStopped(condition) ? 0x08 : 0);
    case 2:
      // Bit 2: cover open; bit 5: printing stopped by paper end; bit 6: an error occurred.
      return FIXED | (condition.coverOpen ? 0x04 : 0) | (condition.paperOut ? 0x20 : 0);
    case 3:
      // Error causes (autocutter, unrecoverable, auto-recoverable): the virtual printer has none.
      return FIXED;
    default:
      // n = 4, the roll paper sensor. Bits 2–3: near end; bits 5–6: paper end.
      return (
        FIXED | (condition.paperNearEnd || condition.paperOut ? 0x0c : 0) | (condition.paperOut ? 0x60 : 0)
      );
  }
}

/** The one-byte reply to `GS r n`: n = 1 paper sensor (bits 0–1 near end, 2–3 end), n = 2 drawer (bit 0). */
export function gsRReply(n: number, condition: PrinterCondition): number {
  if (n === 2) return condition.drawerOpen ? 0x01 : 0x00;
  return (condition.paperNearEnd || condition.paperOut ? 0x03 : 0) | (condition.paperOut ? 0x0c : 0);
}
