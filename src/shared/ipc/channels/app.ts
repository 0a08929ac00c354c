/**
 * The `app` area of the IPC contract: what the register runs as, a round trip, and notices from the
 * process host. Each area's file exports its request channels and its events; contract.ts merges them.
 */
import { z } from 'zod';

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

/** `app:notice`: something the host wants a person at the register to know (shown in the notice strip). */
export const noticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  /** Stable, machine-readable, e.g. `host_stopping`, `system_resumed`. */
  code: z.string(),
  message: z.string(),
});

/** Request channels of the `app` area. */
export const appChannels = {
  'app:info': { request: z.undefined(), response: appInfoSchema },
  'app:ping': { request: pingRequestSchema.optional(), response: pingResponseSchema },
} as const;

/** Events of the `app` area. */
export const appEvents = {
  'app:notice': noticeSchema,
} as const;
