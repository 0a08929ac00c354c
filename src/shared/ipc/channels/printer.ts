/**
 * The `printer` area of the IPC contract: the receipt printer and the cash drawer behind it, driven by the
 * device service (docs/architecture.md, Devices). Printing spools a job and answers what became of it:
 * printed, or held with the reason in words (out of paper, cover open, offline) — never a pretended
 * success. With no printer set up, printing and the drawer answer `printer_not_configured` and the receipt
 * stays on screen; with the device service down they answer `devices_unavailable`.
 */
import { z } from 'zod';
import { deviceFaultSchema, printJobIdSchema, printJobStateSchema } from '../../devices/records';

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

/** `printer:status`: whether a receipt printer is set up, its paper width and what to tell the clerk. */
export const printerStatusSchema = z.object({
  configured: z.boolean(),
  /** For people, e.g. "No receipt printer is set up; the receipt is on screen." or "Ready." */
  message: z.string().max(300),
  /** The paper's width in characters, for laying receipts out; null when none is set up. */
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]).nullable(),
  /** The printer is a virtual twin (a demo or test register). */
  virtual: z.boolean(),
  /** Whether it answers now. */
  online: z.boolean(),
  /** What is wrong with it, each with its words (empty when it is fine). */
  faults: z.array(deviceFaultSchema).max(8),
});

/** `printer:print`: the lines of one receipt, laid out for the printer's width. */
export const printRequestSchema = z.strictObject({
  lines: z.array(receiptLineSchema).min(1).max(2000),
  /** The width the lines were laid out for. */
  columns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  /** The job's id (e.g. the sale's id): sending the same id again never prints it twice. Default: new. */
  jobId: printJobIdSchema.optional(),
  /** For the job list, e.g. "Receipt S1-R1-42". */
  title: z.string().min(1).max(120).optional(),
});

/** What became of a print: `printed`, or `held` / `queued` with the reason in words (the receipt is safe). */
export const printResponseSchema = z.object({
  jobId: printJobIdSchema,
  /** `printed` only when the printer took the whole job. */
  printed: z.boolean(),
  state: printJobStateSchema,
  /** For people: "Receipt printed." or why it is held and what to do. */
  message: z.string().max(300),
});

/** `printer:drawer`: open the cash drawer; with a key (a sale's id) it opens once however often asked. */
export const drawerRequestSchema = z.strictObject({ key: z.string().min(1).max(64) }).optional();

/** Request channels of the `printer` area. */
export const printerChannels = {
  /** Whether a receipt printer is set up, and how it is. */
  'printer:status': { request: z.undefined(), response: printerStatusSchema },
  /**
   * Prints a receipt through the spooler. Errors: `printer_not_configured`, `devices_unavailable`; a
   * printer that cannot print now is not an error: the answer is `held` with the reason.
   */
  'printer:print': { request: printRequestSchema, response: printResponseSchema },
  /**
   * Opens the cash drawer. `alreadyOpened`: that key opened it before, so it was not kicked again.
   * Errors: `printer_not_configured` (no drawer), `device_fault` (with words), `devices_unavailable`.
   */
  'printer:drawer': {
    request: drawerRequestSchema,
    response: z.object({ opened: z.literal(true), alreadyOpened: z.boolean() }),
  },
} as const;

/** Events of the `printer` area (the hardware area carries jobs and drawer events). */
export const printerEvents = {} as const;
