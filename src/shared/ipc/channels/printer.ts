/**
 * The `printer` area of the IPC contract: the receipt printer and the cash drawer behind it. Until the
 * device service drives a printer (docs/architecture.md, Devices; the hardware issue), `printer:status`
 * says none is set up and printing or opening the drawer answers `printer_not_configured`: the receipt is
 * on screen, and the renderer says so in words.
 */
import { z } from 'zod';

/** The widest paper Till prints on, in characters (80 mm at 48 columns). */
export const maxReceiptColumns = 48;

/** One laid-out receipt line (`ReceiptLine` of src/shared/domain/receipt-layout.ts) on the wire. */
export const receiptLineSchema = z.strictObject({
  text: z.string().max(maxReceiptColumns),
  style: z.enum(['bold', 'double', 'center']).optional(),
  kind: z.enum(['barcode', 'qr', 'cut']).optional(),
  /** The barcode's or QR code's payload. */
  data: z.string().min(1).max(256).optional(),
});

/** `printer:status`: whether a receipt printer is set up, and what to tell the clerk. */
export const printerStatusSchema = z.object({
  configured: z.boolean(),
  /** For people, e.g. "No receipt printer is set up; the receipt is on screen." */
  message: z.string(),
});

/** `printer:print`: the lines of one receipt, laid out for the printer's width. */
export const printRequestSchema = z.strictObject({
  lines: z.array(receiptLineSchema).min(1).max(2000),
  /** The width the lines were laid out for. */
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
});

/** Request channels of the `printer` area. */
export const printerChannels = {
  /** Whether a receipt printer is set up. */
  'printer:status': { request: z.undefined(), response: printerStatusSchema },
  /** Prints a receipt. Errors: `printer_not_configured`. */
  'printer:print': { request: printRequestSchema, response: z.object({ printed: z.literal(true) }) },
  /** Opens the cash drawer (wired to the receipt printer). Errors: `printer_not_configured`. */
  'printer:drawer': { request: z.undefined(), response: z.object({ opened: z.literal(true) }) },
} as const;

/** Events of the `printer` area (none yet: paper-out and drawer-closed come with the hardware issue). */
export const printerEvents = {} as const;
