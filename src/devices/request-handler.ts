/**
 * Turns one message from the process host into what the service must do: answer a request (validated,
 * dispatched, and any failure made a coded result) or shut down. Never throws; a message that is not part
 * of the protocol is answered with `invalid_request` when it carries an id, and otherwise dropped.
 */
import { z } from 'zod';
import {
  deviceErr,
  deviceHostMessageSchema,
  deviceMethods,
  isDeviceMethod,
} from '@till/shared/devices/protocol';
import type { DeviceResult, DeviceServiceMessage } from '@till/shared/devices/protocol';
import type { DeviceMethodHandlers } from './methods';

/** What to do with one host message. */
export type HostMessageOutcome =
  | { kind: 'reply'; message: DeviceServiceMessage }
  | { kind: 'shutdown' }
  | { kind: 'ignore'; reason: string };

/** Receives a handler's unexpected failure; the host gets only a generic message. */
export type FailureLogger = (method: string, error: unknown) => void;

/** Handles one raw message from the host. */
export async function handleHostMessage(
  handlers: DeviceMethodHandlers,
  raw: unknown,
  logFailure: FailureLogger = (method, error) => console.error(`[devices] ${method} failed:`, error),
): Promise<HostMessageOutcome> {
  const parsed = deviceHostMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const id = idOf(raw);
    if (id === undefined) return { kind: 'ignore', reason: 'not a protocol message' };
    return reply(id, deviceErr('invalid_request', `Malformed request: ${z.prettifyError(parsed.error)}`));
  }
  const message = parsed.data;
  if (message.type === 'shutdown') return { kind: 'shutdown' };

  const { id, method } = message;
  if (!isDeviceMethod(method)) {
    return reply(id, deviceErr('unknown_method', `Unknown device method ${JSON.stringify(method)}.`));
  }
  const params = deviceMethods[method].params.safeParse(message.params);
  if (!params.success) {
    return reply(
      id,
      deviceErr('invalid_request', `Invalid params for ${method}: ${z.prettifyError(params.error)}`),
    );
  }
  // Indexed by a union, so TypeScript cannot pair handler and params; the schema has just checked them.
  const handler = handlers[method] as (
    params: unknown,
  ) => DeviceResult<unknown> | Promise<DeviceResult<unknown>>;
  try {
    return reply(id, await handler(params.data));
  } catch (error) {
    logFailure(method, error);
    return reply(id, deviceErr('internal', `${method} failed unexpectedly.`));
  }
}

function reply(id: number, result: DeviceResult<unknown>): HostMessageOutcome {
  return { kind: 'reply', message: { type: 'result', id, result } };
}

/** The id of a message that is otherwise malformed, so its sender still gets an answer. */
function idOf(raw: unknown): number | undefined {
  const id = z.object({ id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).safeParse(raw);
  return id.success ? id.data.id : undefined;
}
