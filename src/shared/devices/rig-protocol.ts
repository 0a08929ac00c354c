/**
 * The messages between a process host and the virtual hardware rig (src/devices/virtual/rig.ts), which
 * runs as a child process of its own beside the device service, so a crash of the service leaves the
 * virtual printer, scanner and pole display running (as real hardware would). One JSON object per message:
 * host → rig `request` and `shutdown`; rig → host `ready` (once the twins listen) and `result`.
 * It imports only zod and the shared schemas it carries.
 */
import { z } from 'zod';
import {
  hardwareVirtualSchema,
  simulateScanRequestSchema,
  virtualPrinterConditionSchema,
} from '../ipc/channels/hardware';

/** Method name → params and result schemas. */
export const rigMethods = {
  /** What the twins show: the printer's receipts and kicks, the pole display's lines. */
  state: { params: z.undefined(), result: hardwareVirtualSchema },
  /** Types a barcode into the virtual serial scanner. */
  scan: { params: simulateScanRequestSchema, result: z.object({ sent: z.literal(true) }) },
  /** Sets the virtual printer's conditions (paper out, cover open, offline…). */
  printer: { params: virtualPrinterConditionSchema, result: z.object({ set: z.literal(true) }) },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

/** A rig method's name. */
export type RigMethod = keyof typeof rigMethods;

/** Host → rig. */
export const rigHostMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('request'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    method: z.enum(['state', 'scan', 'printer']),
    params: z.unknown().optional(),
  }),
  z.strictObject({ type: z.literal('shutdown') }),
]);

/** Where the twins can be reached, reported once they listen. */
export const rigReadySchema = z.object({
  type: z.literal('ready'),
  printer: z.object({ host: z.string().max(64), port: z.number().int().min(1).max(65_535) }),
  scannerPath: z.string().max(1024),
  displayPath: z.string().max(1024),
  /** The device configuration file it wrote, or null when one existed already. */
  wroteConfig: z.string().max(1024).nullable(),
});

/** Rig → host. */
export const rigServiceMessageSchema = z.discriminatedUnion('type', [
  rigReadySchema,
  z.object({
    type: z.literal('result'),
    id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({
        ok: z.literal(false),
        error: z.object({ code: z.string().max(64), message: z.string().max(500) }),
      }),
    ]),
  }),
]);

/** The rig's ready message. */
export type RigReady = z.infer<typeof rigReadySchema>;
/** A host → rig message. */
export type RigHostMessage = z.infer<typeof rigHostMessageSchema>;
