/**
 * What the device service reports about its devices, besides their lifecycle: faults, print jobs, scans,
 * what discovery found and the diagnostics record. Shared by the device protocol (service → process host)
 * and the IPC contract's `hardware` area (process host → renderer), so both sides validate the same shapes.
 * It imports only zod.
 */
import { z } from 'zod';

/**
 * What can be wrong with a device (the driver contracts' `DeviceFaultCode`, plus `paper_low`, a warning the
 * printer gives before it runs out).
 */
export const deviceFaultCodes = [
  'offline',
  'cover_open',
  'paper_out',
  'paper_low',
  'printer_error',
  'port_busy',
  'misconfigured',
] as const;

/** A fault code on the wire. */
export const deviceFaultCodeSchema = z.enum(deviceFaultCodes);

/** A fault code. */
export type DeviceFaultCodeName = z.infer<typeof deviceFaultCodeSchema>;

/** What the register tells a person about each fault. */
export const deviceFaultWords: Record<DeviceFaultCodeName, string> = {
  offline: 'It does not answer: check that it is switched on and its cable or network is connected.',
  cover_open: 'The printer cover is open: close it.',
  paper_out: 'The printer is out of paper: load a new roll.',
  paper_low: 'The paper roll is nearly finished.',
  printer_error: 'The printer reports an error (a cutter jam or overheating): it needs a person.',
  port_busy: 'Its port is in use by another program, or permission to it was denied.',
  misconfigured: 'Its settings do not describe a device that can be opened here.',
};

/** A fault with its words, as the Hardware screen shows it. */
export const deviceFaultSchema = z.object({
  code: deviceFaultCodeSchema,
  message: z.string().max(200),
});

/** Why a job is held: a printer fault, or `unknown_outcome` (the printer went away mid-job). */
export const jobHoldReasonSchema = z.enum([...deviceFaultCodes, 'unknown_outcome']);

/** What the register tells a person about a held job. */
export const jobHoldWords: Record<z.infer<typeof jobHoldReasonSchema>, string> = {
  ...deviceFaultWords,
  unknown_outcome:
    'The printer went away while printing, so it may or may not have printed: check the paper, then reprint or discard it.',
};

/** A print job's id, also a file name in the spool: letters, digits, `-`, `_` and `.` (a UUID, a receipt number). */
export const printJobIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, 'letters, digits, "-", "_" and "." only');

/** A print job's state in the spooler: waiting, on its way, printed, or held until a person acts. */
export const printJobStateSchema = z.enum(['queued', 'sending', 'done', 'held']);

/** One print job, as the spooler keeps it (on disk, so it survives a restart). */
export const printJobSchema = z.object({
  /** Chosen by the caller (a sale's id for its receipt): submitting the same id twice prints once. */
  id: printJobIdSchema,
  title: z.string().max(200),
  state: printJobStateSchema,
  /** Why it is held, when it is. */
  reason: jobHoldReasonSchema.nullable(),
  /** For people: what happened to it. */
  message: z.string().max(300),
  createdAt: z.string().max(40),
  attempts: z.number().int().nonnegative().max(1_000_000),
});

/** A print job. */
export type PrintJob = z.infer<typeof printJobSchema>;

/** The most jobs a list carries (the spooler keeps fewer; done jobs are pruned). */
export const maxListedJobs = 200;

/** AIM-named symbologies (the driver contracts' `Symbology`). */
export const symbologySchema = z.enum([
  'ean13',
  'upca',
  'ean8',
  'upce',
  'code128',
  'code39',
  'qr',
  'datamatrix',
  'unknown',
]);

/** One scan from a HID or serial scanner. */
export const scanEventSchema = z.object({
  deviceId: z.string().min(1).max(128),
  data: z.string().min(1).max(4096),
  symbology: symbologySchema,
  /** The raw AIM identifier when the scanner sent one, e.g. `]E0`. */
  aim: z.string().max(3).optional(),
});

/** A scan. */
export type ScanEvent = z.infer<typeof scanEventSchema>;

/** Whether the cash drawer is open, and whether it has been open too long. */
export const drawerStateSchema = z.object({
  /** `null` when the hardware cannot tell. */
  open: z.boolean().nullable(),
  tooLong: z.boolean(),
  /** How long it has been open, in whole seconds (0 when closed or unknown). */
  openSeconds: z.number().int().nonnegative().max(10_000_000),
});

/** The drawer's state. */
export type DrawerStateRecord = z.infer<typeof drawerStateSchema>;

/** A port or scanner discovery found. */
export const discoveredDeviceSchema = z.object({
  /** What to put in the configuration: `/dev/ttyUSB0`, `COM3`, a hidraw path, or a pty link. */
  path: z.string().max(1024),
  kind: z.enum(['serial', 'hid']),
  /** USB ids as four hex digits, when known. */
  vendorId: z.string().max(8).optional(),
  productId: z.string().max(8).optional(),
  manufacturer: z.string().max(256).optional(),
  product: z.string().max(256).optional(),
  serialNumber: z.string().max(256).optional(),
  /** A pty link of a virtual device rather than hardware. */
  virtual: z.boolean(),
});

/** What `discover` found attached to this machine. */
export const discoveryResultSchema = z.object({
  serialPorts: z.array(discoveredDeviceSchema).max(128),
  hidScanners: z.array(discoveredDeviceSchema).max(64),
  /** Why a keyboard-wedge scanner is not listed (it needs no setup). */
  note: z.string().max(500),
});

/** One error the service logged (it keeps the last 50). */
export const deviceErrorRecordSchema = z.object({
  at: z.string().max(32),
  /** The device it concerns, when one. */
  deviceId: z.string().max(128).nullable(),
  message: z.string().max(500),
});

/** One recent scan for diagnostics (what arrived, not who bought it). */
export const recentScanSchema = scanEventSchema.extend({ at: z.string().max(32) });
