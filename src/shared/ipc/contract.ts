/**
 * The one typed IPC contract of the register (see docs/architecture.md, "Processes").
 *
 * Every request the renderer can make of its process host (Electron main, or the browser-mode register
 * host) is a channel here, with a zod schema for its payload (validated where the handler is registered)
 * and a zod schema that is the source of its response type. Every event the host can push to the renderer
 * is listed with its payload schema. `window.till` (type `TillApi`) is typed from these maps, so a channel
 * that is not here cannot be called.
 *
 * Results are values, not exceptions: `{ ok: true, value } | { ok: false, error: { code, message } }`.
 *
 * Channels and events are defined per area in `channels/<area>.ts` and merged here into one typed map, so
 * adding an area never grows this file much. It imports only zod: main, preload, renderer, backend and host
 * all read it.
 */
import { z } from 'zod';
import type { CodedError, Result } from '../result';
import { appChannels, appEvents } from './channels/app';
import { displayChannels, displayEvents } from './channels/display';
import { hardwareChannels, hardwareEvents } from './channels/hardware';
import { paymentChannels, paymentEvents } from './channels/payment';
import { printerChannels, printerEvents } from './channels/printer';
import { registerChannels, registerEvents } from './channels/register';
import { staffChannels, staffEvents } from './channels/staff';

// ---------------------------------------------------------------------------------------------------------
// Results

/** Why a request failed. Transport codes first; handler-specific codes are added here as channels need them. */
export const ipcErrorCodes = [
  /** The payload did not match the channel's request schema. Nothing was done. */
  'invalid_request',
  /** The channel is not in this contract (an old renderer, a typo, or a hostile caller). */
  'unknown_channel',
  /** The caller is not the register's own page. */
  'forbidden',
  /** The host could not be reached (browser mode: the WebSocket is down). */
  'unavailable',
  /** The handler failed unexpectedly; the message never carries internals. */
  'internal',
  /** register:enroll: the enrollment code is not 4–64 letters, digits or dashes. */
  'code_invalid',
  /** register:enroll: the hub does not accept the code (unknown, or single-use and used). */
  'code_refused',
  /** register:enroll/enrollment: the hub cannot be reached, or did not answer as the protocol says. */
  'hub_unreachable',
  /** register:enroll: sales still wait for the hub; moving to another store or hub would strand them. */
  'sales_pending',
  /** printer:print, printer:drawer: no receipt printer is set up (the receipt stays on screen). */
  'printer_not_configured',
  /** staff:verify-pin: not the staff member's PIN; `details.attemptsLeft` before a lock. */
  'pin_wrong',
  /** staff:verify-pin: too many wrong PINs in a row; `details.until` says when the lock ends. */
  'locked',
  /** staff:verify-pin: this register holds no usable staff key for the store: enroll it again. */
  'staff_key_missing',
  /** staff:verify-pin: a PIN is 4–12 digits. */
  'pin_malformed',
  /** staff:verify-pin: the staff member's verifier is not one this register can read. */
  'pin_hash_unreadable',
  /** payment:card-refund: no approved card charge has that reference. */
  'card_reference_unknown',
  /** payment:card-refund: more than the charge less what was already refunded to it. */
  'refund_exceeds_charge',
  /** payment:card-charge/refund: not the currency of the charge (or of the earlier request of that sale). */
  'currency_mismatch',
  /** payment:card-resolve: no charge or refund of that sale is in doubt. */
  'card_nothing_to_resolve',
  /** printer:*, hardware:*: the device service is not running (starting or reconnecting after a crash). */
  'devices_unavailable',
  /** hardware:test: no device is configured for that role. */
  'device_not_configured',
  /** printer:drawer, hardware:test: the device cannot do it now; the message says why in words. */
  'device_fault',
  /** hardware:test: that test does not apply to that role. */
  'test_unsupported',
  /** hardware:jobs: the spool has no job with that id. */
  'unknown_job',
  /** hardware:virtual, hardware:simulate-scan: this register runs no virtual hardware. */
  'virtual_hardware_off',
] as const;

/** A coded failure, safe to show to a person. */
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** The error half of an `IpcResult`: a `CodedError` whose code is one of the contract's. */
export interface IpcError extends CodedError {
  code: IpcErrorCode;
  /** Facts the caller may act on (e.g. `attemptsLeft`, `until`), never internals. */
  details?: Record<string, string | number>;
}

/** What every request returns: the project's `Result` with a contract error code. Never a thrown exception. */
export type IpcResult<T> = Result<T, IpcError>;

/** Builds a successful result. */
export function ipcOk<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function ipcErr<T = never>(code: IpcErrorCode, message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}

/** Schema of an `IpcResult` on the wire (browser mode), for the side that receives it. */
export const ipcResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ipcErrorCodes),
      message: z.string(),
      details: z.record(z.string().max(64), z.union([z.string().max(500), z.number()])).optional(),
    }),
  }),
]);

// ---------------------------------------------------------------------------------------------------------
// Channels (renderer → host, request/response)

/**
 * Channel name → request payload schema and response schema, merged from the areas in `channels/`. Add a
 * channel to its area's file (or a new area here); the type checker then points at every handler map that
 * lacks it.
 */
export const ipcChannels = {
  ...appChannels,
  ...registerChannels,
  ...printerChannels,
  ...staffChannels,
  ...paymentChannels,
  ...displayChannels,
  ...hardwareChannels,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** A request channel's name. */
export type IpcChannel = keyof typeof ipcChannels;

/** What a caller passes for a channel (the schema's input type). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>;

/** What a handler receives for a channel, after validation (the schema's output type). */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['request']>;

/** What a channel answers with when it succeeds. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['response']>;

/** The payload argument of `invoke`: optional when the channel's payload may be `undefined`. */
export type IpcPayloadArgs<C extends IpcChannel> =
  undefined extends IpcRequest<C> ? [payload?: IpcRequest<C>] : [payload: IpcRequest<C>];

/** Whether a string names a request channel of this contract. */
export function isIpcChannel(name: unknown): name is IpcChannel {
  return typeof name === 'string' && Object.hasOwn(ipcChannels, name);
}

// ---------------------------------------------------------------------------------------------------------
// Events (host → renderer, one way)

/** Event name → payload schema. */
export const ipcEvents = {
  ...appEvents,
  ...registerEvents,
  ...printerEvents,
  ...staffEvents,
  ...paymentEvents,
  ...displayEvents,
  ...hardwareEvents,
} as const satisfies Record<string, z.ZodType>;

/** An event's name. */
export type IpcEvent = keyof typeof ipcEvents;

/** An event's payload. */
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;

/** Whether a string names an event of this contract. */
export function isIpcEvent(name: unknown): name is IpcEvent {
  return typeof name === 'string' && Object.hasOwn(ipcEvents, name);
}

// ---------------------------------------------------------------------------------------------------------
// window.till

/** Stops a listener added with `TillApi.on`. */
export type Unsubscribe = () => void;

/**
 * What `window.till` exposes to the renderer, the same in Electron (preload) and in browser mode (WebSocket
 * transport). `invoke` never rejects: transport failures come back as `{ ok: false }` too.
 */
export interface TillApi {
  /** Calls a channel and resolves with its result. */
  invoke<C extends IpcChannel>(channel: C, ...payload: IpcPayloadArgs<C>): Promise<IpcResult<IpcResponse<C>>>;
  /** Listens to a host → renderer event until the returned function is called. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): Unsubscribe;
}
