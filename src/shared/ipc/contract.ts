/**
 * The one typed IPC contract of the register (DESIGN.md §5).
 *
 * Every request the renderer can make of its process host (Electron main, or the browser-mode register
 * host) is a channel here, with a zod schema for its payload (validated where the handler is registered)
 * and a zod schema that is the source of its response type. Every event the host can push to the renderer
 * is listed with its payload schema. `window.till` (type `TillApi`) is typed from these maps, so a channel
 * that is not here cannot be called.
 *
 * Results are values, not exceptions: `{ ok: true, value } | { ok: false, error: { code, message } }`.
 *
 * This file imports only zod: it is read by main, preload, renderer and host alike.
 */
import { z } from 'zod';

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
] as const;

/** A coded failure, safe to show to a person. */
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** The error half of an `IpcResult`. */
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

/** What every request returns: a value, or a coded error. Never a thrown exception. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

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
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ipcErrorCodes), message: z.string() }) }),
]);

// ---------------------------------------------------------------------------------------------------------
// Channels (renderer → host, request/response)

/** Whether the register runs inside Electron or as a page served by the browser-mode register host. */
export const appModeSchema = z.enum(['electron', 'browser']);

/** `app:info`: what this register is running as. */
export const appInfoSchema = z.object({
  /** The app's version (package.json). */
  version: z.string(),
  mode: appModeSchema,
  /** Node's `process.platform` of the host process, e.g. `linux`, `win32`, `darwin`. */
  platform: z.string(),
});

/** `app:ping`: a round trip, to tell whether the host answers. */
export const pingRequestSchema = z.strictObject({
  /** Echoed back, so a caller can match answers; short, so it cannot be used to move data. */
  nonce: z.string().max(64).optional(),
});

/** The answer to `app:ping`. */
export const pingResponseSchema = z.object({
  nonce: z.string().optional(),
  /** When the host received the ping (ISO 8601). */
  receivedAt: z.string(),
});

/**
 * Channel name → request payload schema and response schema. Add a channel here first; the type checker then
 * points at every handler map that lacks it.
 */
export const ipcChannels = {
  'app:info': { request: z.undefined(), response: appInfoSchema },
  'app:ping': { request: pingRequestSchema.optional(), response: pingResponseSchema },
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

/** `app:notice`: something the host wants a person at the register to know (shown in the notice strip). */
export const noticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  /** Stable, machine-readable, e.g. `host_stopping`, `system_resumed`. */
  code: z.string(),
  message: z.string(),
});

/** Event name → payload schema. */
export const ipcEvents = {
  'app:notice': noticeSchema,
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
