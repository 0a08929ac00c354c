/**
 * The browser-mode wire protocol: how `TillApi` travels over the register host's WebSocket.
 *
 * One JSON object per WebSocket message. The page sends `invoke` messages; the host answers each with a
 * `result` carrying the same `id`, and pushes `event` messages at any time. Channel and event names are
 * checked against the contract by the receiving side, not by these schemas, so that an unknown name gets a
 * coded answer (`unknown_channel`) rather than a dropped connection.
 */
import { z } from 'zod';
import { ipcResultSchema } from './contract';

/** The path the host accepts WebSocket upgrades on. */
export const wsPath = '/till';

/** The query parameter that carries the per-launch token on the WebSocket URL. */
export const wsTokenParam = 'token';

/** The URL-fragment key under which the host hands the page its token (`#token=…`). */
export const pageTokenKey = 'token';

/** The largest message either side accepts, in bytes. IPC payloads are small; bulk data goes elsewhere. */
export const wsMaxMessageBytes = 1024 * 1024;

/** Page → host: call a channel. */
export const wsInvokeSchema = z.strictObject({
  type: z.literal('invoke'),
  /** Chosen by the page, unique among its pending calls. */
  id: z.number().int().nonnegative(),
  channel: z.string().max(128),
  payload: z.unknown().optional(),
});

/** Host → page: the answer to one `invoke`. */
export const wsResultSchema = z.object({
  type: z.literal('result'),
  id: z.number().int().nonnegative(),
  result: ipcResultSchema,
});

/** Host → page: an event. */
export const wsEventSchema = z.object({
  type: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});

/** Any message the host sends. */
export const wsServerMessageSchema = z.discriminatedUnion('type', [wsResultSchema, wsEventSchema]);

/** A page → host message. */
export type WsInvoke = z.infer<typeof wsInvokeSchema>;
/** A host → page message. */
export type WsServerMessage = z.infer<typeof wsServerMessageSchema>;
