/**
 * The `hardware` area of the IPC contract: the Hardware screen. It shows the register's devices (their
 * role, state and faults in words, whether they are virtual twins), the print spool and the device
 * service's own status; it finds attached ports, saves the device configuration, runs tests, acts on held
 * jobs and exports a diagnostics report. With virtual hardware (a demo or test register) it also shows what
 * the virtual printer printed and the pole display shows, and types scans into the virtual scanner.
 * Events: scans from HID and serial scanners, "something changed, ask again", and the drawer left open.
 */
import { z } from 'zod';
import { deviceHostStatusSchema } from '../../devices/protocol';
import { deviceRoleSchema, devicesConfigSchema } from '../../devices/config';
import {
  deviceFaultSchema,
  discoveryResultSchema,
  drawerStateSchema,
  maxListedJobs,
  printJobIdSchema,
  printJobSchema,
  scanEventSchema,
} from '../../devices/records';

/** One device as the Hardware screen shows it. */
export const hardwareDeviceSchema = z.object({
  id: z.string().min(1).max(128),
  role: deviceRoleSchema,
  name: z.string().max(256),
  /** Its lifecycle state (`enabled` when in use). */
  state: z.enum(['closed', 'opened', 'claimed', 'enabled']),
  virtual: z.boolean(),
  /** How it is connected, for people. */
  connection: z.string().max(300),
  /** What is wrong, in words (empty when it is fine). */
  faults: z.array(deviceFaultSchema).max(8),
});

/** `hardware:overview`: everything the Hardware screen shows. */
export const hardwareOverviewSchema = z.object({
  /** The device service as the process host sees it (`restarting`: devices are reconnecting). */
  service: deviceHostStatusSchema,
  /** The configuration; null while the device service cannot be asked. */
  config: devicesConfigSchema.nullable(),
  devices: z.array(hardwareDeviceSchema).max(64),
  jobs: z.array(printJobSchema).max(maxListedJobs),
  drawer: drawerStateSchema.nullable(),
  /** Whether this register runs virtual hardware (then `hardware:virtual` answers). */
  virtualHardware: z.boolean(),
});

/** `hardware:test`: which test on which role. */
export const hardwareTestRequestSchema = z.strictObject({
  role: deviceRoleSchema,
  /** `print`: a line of text; `page`: the test page with a cut; `drawer`: open it; `display`: a greeting. */
  kind: z.enum(['print', 'page', 'drawer', 'display']),
});

/** `hardware:jobs`: act on the spool. */
export const hardwareJobsRequestSchema = z.discriminatedUnion('action', [
  /** Try every held job again (after loading paper or closing the cover). */
  z.strictObject({ action: z.literal('resume') }),
  /** Print a job again. */
  z.strictObject({ action: z.literal('reprint'), id: printJobIdSchema }),
  /** Drop a job that should not print. */
  z.strictObject({ action: z.literal('discard'), id: printJobIdSchema }),
]);

/** One receipt the virtual printer printed, decoded. */
export const virtualReceiptSchema = z.object({
  /** Plain text, line by line, as the paper would read. */
  text: z.string().max(200_000),
  /** The same as a self-contained HTML fragment (no scripts), for a preview. */
  html: z.string().max(500_000),
});

/** `hardware:virtual`: what the virtual twins show. */
export const hardwareVirtualSchema = z.object({
  printer: z.object({
    /** The most recent receipts, oldest first (at most 20). */
    receipts: z.array(virtualReceiptSchema).max(20),
    /** How many times its drawer connector was pulsed. */
    kicks: z.number().int().nonnegative(),
    /** The conditions a test or demo set on it. */
    condition: z.object({
      paperOut: z.boolean(),
      paperNearEnd: z.boolean(),
      coverOpen: z.boolean(),
      offline: z.boolean(),
      drawerOpen: z.boolean(),
    }),
  }),
  /** The pole display's two lines. */
  display: z.object({ lines: z.tuple([z.string().max(40), z.string().max(40)]) }),
});

/** `hardware:virtual-printer`: set conditions on the virtual printer (to show a held job in a demo). */
export const virtualPrinterConditionSchema = z.strictObject({
  paperOut: z.boolean().optional(),
  paperNearEnd: z.boolean().optional(),
  coverOpen: z.boolean().optional(),
  offline: z.boolean().optional(),
  /** The drawer on its kick connector: a kick opens it; false closes it again. */
  drawerOpen: z.boolean().optional(),
});

/** `hardware:simulate-scan`: a barcode's content, typed into the virtual serial scanner. */
export const simulateScanRequestSchema = z.strictObject({
  data: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x20-\x7e]+$/, 'printable ASCII only'),
});

/** `hardware:diagnostics`: a JSON report for support (versions, config, states, errors — no secrets). */
export const hardwareDiagnosticsSchema = z.object({
  /** A file name to save it under, e.g. `till-diagnostics-2026-12-01T14-20-00Z.json`. */
  fileName: z.string().max(100),
  /** The report, as pretty-printed JSON. */
  json: z.string().max(2_000_000),
});

/** Why `hardware:changed` was sent: which part of the overview to fetch again. */
export const hardwareChangeSchema = z.object({
  what: z.enum(['devices', 'jobs', 'config', 'service', 'drawer']),
});

/** Request channels of the `hardware` area. */
export const hardwareChannels = {
  /** Everything the Hardware screen shows. Never fails: a service that is down shows in `service`. */
  'hardware:overview': { request: z.undefined(), response: hardwareOverviewSchema },
  /** Serial ports and HID scanners attached to this machine. Errors: `devices_unavailable`. */
  'hardware:discover': { request: z.undefined(), response: discoveryResultSchema },
  /** Saves the device configuration and reopens the devices. Errors: `devices_unavailable`. */
  'hardware:configure': { request: devicesConfigSchema, response: z.object({ config: devicesConfigSchema }) },
  /**
   * Runs a test. Errors: `device_not_configured`, `device_fault` (words say why), `test_unsupported`,
   * `devices_unavailable`.
   */
  'hardware:test': {
    request: hardwareTestRequestSchema,
    response: z.object({ message: z.string().max(200) }),
  },
  /** Resumes, reprints or discards spool jobs. Errors: `unknown_job`, `devices_unavailable`. */
  'hardware:jobs': {
    request: hardwareJobsRequestSchema,
    response: z.object({ jobs: z.array(printJobSchema).max(maxListedJobs) }),
  },
  /** The diagnostics report (works with the service down too: it says so in the report). */
  'hardware:diagnostics': { request: z.undefined(), response: hardwareDiagnosticsSchema },
  /** What the virtual twins show. Errors: `virtual_hardware_off`. */
  'hardware:virtual': { request: z.undefined(), response: hardwareVirtualSchema },
  /** Sets conditions on the virtual printer. Errors: `virtual_hardware_off`. */
  'hardware:virtual-printer': {
    request: virtualPrinterConditionSchema,
    response: z.object({ set: z.literal(true) }),
  },
  /** Types a scan into the virtual serial scanner (through its pty). Errors: `virtual_hardware_off`. */
  'hardware:simulate-scan': {
    request: simulateScanRequestSchema,
    response: z.object({ sent: z.literal(true) }),
  },
} as const;

/** Events of the `hardware` area. */
export const hardwareEvents = {
  /** A HID or serial scanner read a barcode (the same scans a keyboard-wedge scanner types). */
  'scanner:scan': scanEventSchema,
  /** Something on the Hardware screen changed: ask `hardware:overview` again. */
  'hardware:changed': hardwareChangeSchema,
  /** The cash drawer has been open longer than configured. */
  'drawer:open-too-long': drawerStateSchema,
} as const;
