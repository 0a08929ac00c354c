/**
 * The message protocol between a process host (Electron main, or the browser-mode register host) and the
 * device service it runs as a child process (docs/architecture.md, "Devices").
 *
 * One JSON-able object per message over the child's parent channel (`process.send` under Node,
 * `process.parentPort` in an Electron utility process):
 * - host → service: `request` (an `id` chosen by the host, a `method` of `deviceMethods`, its `params`) and
 *   `shutdown` (release and close every device, then exit);
 * - service → host: `ready` once it listens, `result` for each request (the same `id`; a value or a coded
 *   error, never an exception) and `event` at any time (`deviceEvents`).
 *
 * The vocabulary follows UnifiedPOS: device categories, and the lifecycle open → claim → enable → release →
 * close. Each method and event has its zod schema here; the device configuration (`devices.json`) is in
 * ./config.ts and the records the service reports (jobs, faults, scans) in ./records.ts. It imports only
 * zod and other shared schemas.
 */
import { z } from 'zod';
import { displayStateSchema } from '../ipc/channels/display';
import { receiptLineSchema } from '../ipc/channels/printer';
import type { CodedError, Result } from '../result';
import { deviceRoleSchema, devicesConfigSchema, printerColumnsSchema } from './config';
import {
  deviceErrorRecordSchema,
  deviceFaultCodeSchema,
  discoveryResultSchema,
  drawerStateSchema,
  maxListedJobs,
  printJobIdSchema,
  printJobSchema,
  recentScanSchema,
  scanEventSchema,
} from './records';

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

/** The kinds of device a register drives (UnifiedPOS device categories). */
export const deviceCategorySchema = z.enum(['scanner', 'printer', 'drawer', 'display', 'scale']);

/** A device's place in the lifecycle: `closed` → open → `opened` → claim → `claimed` → enable → `enabled`. */
export const deviceStateSchema = z.enum(['closed', 'opened', 'claimed', 'enabled']);

/**
 * The lifecycle steps and the state each one moves a device from and to. `release` and `close` undo `claim`
 * and `open`; `disable` undoes `enable` (UnifiedPOS `DeviceEnabled = false`).
 */
export const deviceLifecycle = {
  open: { from: 'closed', to: 'opened' },
  claim: { from: 'opened', to: 'claimed' },
  enable: { from: 'claimed', to: 'enabled' },
  disable: { from: 'enabled', to: 'claimed' },
  release: { from: 'claimed', to: 'opened' },
  close: { from: 'opened', to: 'closed' },
} as const satisfies Record<string, { from: DeviceState; to: DeviceState }>;

/** One device as the service reports it. */
export const deviceInfoSchema = z.object({
  /** Stable for as long as the device stays plugged in, e.g. `scanner:usb-0c2e-0b61` or `printer:virtual`. */
  id: z.string().min(1).max(128),
  category: deviceCategorySchema,
  /** For people: the model, or what the virtual device stands in for. */
  name: z.string().max(256),
  state: deviceStateSchema,
  /** A virtual device (tests, demos, a register without hardware) rather than real hardware. */
  virtual: z.boolean(),
  /** The role it plays at this register. */
  role: deviceRoleSchema,
  /** What is wrong with it now (empty when it is fine). */
  faults: z.array(deviceFaultCodeSchema).max(8),
  /** How it is connected, for people, e.g. `tcp 127.0.0.1:9100` or `serial /dev/ttyUSB0 9600 8N1`. */
  connection: z.string().max(300),
});

/** A device category. */
export type DeviceCategory = z.infer<typeof deviceCategorySchema>;
/** A lifecycle state. */
export type DeviceState = z.infer<typeof deviceStateSchema>;
/** A lifecycle step. */
export type DeviceLifecycleStep = keyof typeof deviceLifecycle;
/** One device. */
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

// ---------------------------------------------------------------------------------------------------------
// Results

/** Why a device request failed. Hardware codes (`not_claimed`, `paper_out`…) come with their methods. */
export const deviceErrorCodes = [
  /** The method's params did not match its schema. Nothing was done. */
  'invalid_request',
  /** The service has no such method (an older service, or a typo). */
  'unknown_method',
  /** The service is not running: starting, reconnecting after a crash, or stopped. */
  'unavailable',
  /** The service did not answer in time. */
  'timeout',
  /** The service failed unexpectedly; the message never carries internals. */
  'internal',
  /** No device is configured for the role the method needs (a printer to print, a drawer to kick…). */
  'not_configured',
  /** The device cannot do it now (offline, out of paper…); the message says why in words. */
  'device_fault',
  /** jobs:reprint / jobs:discard: the spooler has no job with that id. */
  'unknown_job',
  /** test:run: that test does not apply to that role. */
  'unsupported',
] as const;

/** A device error code. */
export type DeviceErrorCode = (typeof deviceErrorCodes)[number];

/** The error half of a `DeviceResult`. */
export interface DeviceError extends CodedError {
  code: DeviceErrorCode;
}

/** What every device request returns. */
export type DeviceResult<T> = Result<T, DeviceError>;

/** Builds a successful result. */
export function deviceOk<T>(value: T): DeviceResult<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function deviceErr<T = never>(code: DeviceErrorCode, message: string): DeviceResult<T> {
  return { ok: false, error: { code, message } };
}

/** A result on the wire; the value is checked against its method's schema by the receiving host. */
export const deviceResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(deviceErrorCodes), message: z.string().max(1024) }),
  }),
]);

// ---------------------------------------------------------------------------------------------------------
// Methods (host → service, request/result)

/** `health`: the service is alive; what it is and what it drives. */
export const healthSchema = z.object({
  /** The service's process id (changes when the host restarts it). */
  pid: z.number().int().positive(),
  devices: z.array(deviceInfoSchema).max(64),
});

/** `config:get` / `config:set`: the device configuration and where it is kept. */
export const configResultSchema = z.object({ config: devicesConfigSchema, path: z.string().max(1024) });

/** The job list (`jobs:*`, the `printer:jobs` event). */
export const jobListSchema = z.object({ jobs: z.array(printJobSchema).max(maxListedJobs) });

/** `print`: one receipt, laid out for the printer's width, as a spool job. */
export const printParamsSchema = z.strictObject({
  /** Idempotency: the same id (a sale's id for its receipt) is printed once however often it is sent. */
  jobId: printJobIdSchema,
  title: z.string().min(1).max(120),
  lines: z.array(receiptLineSchema).min(1).max(2000),
  columns: printerColumnsSchema,
});

/** `drawer:kick`: idempotent by key (a sale's id), so a cash sale opens the drawer once. */
export const drawerKickParamsSchema = z.strictObject({ key: z.string().min(1).max(64) });

/** What a test does: a line of text, the full test page with a cut, the drawer, or the pole display. */
export const deviceTestKindSchema = z.enum(['print', 'page', 'drawer', 'display']);

/** `diagnostics`: what the service knows that helps support, never a secret. */
export const serviceDiagnosticsSchema = z.object({
  pid: z.number().int().positive(),
  node: z.string().max(32),
  platform: z.string().max(32),
  configPath: z.string().max(1024),
  config: devicesConfigSchema,
  devices: z.array(deviceInfoSchema).max(64),
  errors: z.array(deviceErrorRecordSchema).max(50),
  jobs: z.array(printJobSchema).max(maxListedJobs),
  scans: z.array(recentScanSchema).max(50),
  drawer: drawerStateSchema.nullable(),
});

/** Method name → params schema and result schema. */
export const deviceMethods = {
  health: { params: z.undefined(), result: healthSchema },
  /** The device configuration. */
  'config:get': { params: z.undefined(), result: configResultSchema },
  /** Replaces the configuration (written atomically), then reopens the devices it describes. */
  'config:set': { params: devicesConfigSchema, result: configResultSchema },
  /** Serial ports and HID scanners attached to this machine. */
  discover: { params: z.undefined(), result: discoveryResultSchema },
  /** Spools a receipt and answers the job's state once it printed or was held. Errors: `not_configured`. */
  print: { params: printParamsSchema, result: printJobSchema },
  'jobs:list': { params: z.undefined(), result: jobListSchema },
  /** Tries every held job again (after paper was loaded). */
  'jobs:resume': { params: z.undefined(), result: jobListSchema },
  /** Prints a job again (a copy). Errors: `unknown_job`. */
  'jobs:reprint': { params: z.strictObject({ id: printJobIdSchema }), result: printJobSchema },
  /** Drops a job. Errors: `unknown_job`. */
  'jobs:discard': { params: z.strictObject({ id: printJobIdSchema }), result: jobListSchema },
  /** Opens the drawer once per key. `kicked: false`: that key already opened it. */
  'drawer:kick': {
    params: drawerKickParamsSchema,
    result: z.object({ kicked: z.boolean() }),
  },
  /** Shows a customer display state on the pole display (a no-op answer when none is configured). */
  'display:show': {
    params: z.strictObject({ state: displayStateSchema }),
    result: z.object({ shown: z.boolean() }),
  },
  /** Runs a test on a role's device. Errors: `not_configured`, `unsupported`, `device_fault`. */
  'test:run': {
    params: z.strictObject({ role: deviceRoleSchema, kind: deviceTestKindSchema }),
    result: z.object({ message: z.string().max(200) }),
  },
  /** The service's side of the diagnostics report. */
  diagnostics: { params: z.undefined(), result: serviceDiagnosticsSchema },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

/** A method's name. */
export type DeviceMethod = keyof typeof deviceMethods;
/** What a caller passes to a method. */
export type DeviceParams<M extends DeviceMethod> = z.input<(typeof deviceMethods)[M]['params']>;
/** What a method answers with when it succeeds. */
export type DeviceMethodResult<M extends DeviceMethod> = z.output<(typeof deviceMethods)[M]['result']>;

/** Whether a string names a method of this protocol. */
export function isDeviceMethod(name: unknown): name is DeviceMethod {
  return typeof name === 'string' && Object.hasOwn(deviceMethods, name);
}

// ---------------------------------------------------------------------------------------------------------
// Events (service → host, one way)

/** Event name → payload schema. */
export const deviceEvents = {
  /** A device appeared, disappeared (`state: 'closed'`), moved in its lifecycle or its faults changed. */
  'device:status': deviceInfoSchema,
  /** A scanner read a barcode. */
  'scanner:scan': scanEventSchema,
  /** The spooler's job list changed. */
  'printer:jobs': jobListSchema,
  /** The drawer opened, closed or has been open too long. */
  'drawer:state': drawerStateSchema,
} as const satisfies Record<string, z.ZodType>;

/** An event's name. */
export type DeviceEvent = keyof typeof deviceEvents;
/** An event's payload. */
export type DeviceEventPayload<E extends DeviceEvent> = z.output<(typeof deviceEvents)[E]>;

/** Whether a string names an event of this protocol. */
export function isDeviceEvent(name: unknown): name is DeviceEvent {
  return typeof name === 'string' && Object.hasOwn(deviceEvents, name);
}

// ---------------------------------------------------------------------------------------------------------
// Messages

/** The largest request id; ids are counted up by the host and never reused while the service runs. */
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Host → service: call a method. */
export const deviceRequestMessageSchema = z.strictObject({
  type: z.literal('request'),
  id: requestId,
  method: z.string().max(64),
  params: z.unknown().optional(),
});

/** Host → service: release and close every device, then exit. */
export const deviceShutdownMessageSchema = z.strictObject({ type: z.literal('shutdown') });

/** Any host → service message. */
export const deviceHostMessageSchema = z.discriminatedUnion('type', [
  deviceRequestMessageSchema,
  deviceShutdownMessageSchema,
]);

/** Service → host: listening; the host sends requests only after this. */
export const deviceReadyMessageSchema = z.object({
  type: z.literal('ready'),
  pid: z.number().int().positive(),
});

/** Service → host: the answer to one request. */
export const deviceResultMessageSchema = z.object({
  type: z.literal('result'),
  id: requestId,
  result: deviceResultSchema,
});

/** Service → host: an event (its name and payload are checked against `deviceEvents` by the host). */
export const deviceEventMessageSchema = z.object({
  type: z.literal('event'),
  event: z.string().max(64),
  payload: z.unknown(),
});

/** Any service → host message. */
export const deviceServiceMessageSchema = z.discriminatedUnion('type', [
  deviceReadyMessageSchema,
  deviceResultMessageSchema,
  deviceEventMessageSchema,
]);

/** A host → service message. */
export type DeviceHostMessage = z.infer<typeof deviceHostMessageSchema>;
/** A request message. */
export type DeviceRequestMessage = z.infer<typeof deviceRequestMessageSchema>;
/** A service → host message. */
export type DeviceServiceMessage = z.infer<typeof deviceServiceMessageSchema>;

// ---------------------------------------------------------------------------------------------------------
// What the process host reports about the service

/**
 * The service as its process host sees it: `starting` (first launch), `running` (answering), `restarting`
 * (it crashed or hung and is being started again: the UI says "devices reconnecting"), `stopped`.
 */
export const deviceHostStatusSchema = z.object({
  state: z.enum(['stopped', 'starting', 'running', 'restarting']),
  /** How many times the service was restarted since the host started it. */
  restarts: z.number().int().nonnegative(),
  /** The running service's process id. */
  pid: z.number().int().positive().optional(),
});

/** The service's status as its process host reports it. */
export type DeviceHostStatus = z.infer<typeof deviceHostStatusSchema>;
