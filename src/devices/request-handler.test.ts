import { describe, expect, it, vi } from 'vitest';
import { createMethodHandlers } from './methods';
import type { DeviceMethodHandlers } from './methods';
import { handleHostMessage } from './request-handler';

const handlers = createMethodHandlers({ pid: 4242, devices: () => [] });

describe('handleHostMessage', () => {
  it('answers health with the pid and the device list, under the request id', async () => {
    expect(await handleHostMessage(handlers, { type: 'request', id: 7, method: 'health' })).toEqual({
      kind: 'reply',
      message: { type: 'result', id: 7, result: { ok: true, value: { pid: 4242, devices: [] } } },
    });
  });

  it('answers unknown methods, inherited names and bad params with coded errors', async () => {
    for (const method of ['teleport', 'toString', '__proto__']) {
      expect(await handleHostMessage(handlers, { type: 'request', id: 1, method })).toMatchObject({
        message: { id: 1, result: { ok: false, error: { code: 'unknown_method' } } },
      });
    }
    expect(
      await handleHostMessage(handlers, { type: 'request', id: 2, method: 'health', params: { x: 1 } }),
    ).toMatchObject({ message: { id: 2, result: { ok: false, error: { code: 'invalid_request' } } } });
  });

  it('answers a malformed message that has an id, and ignores one without', async () => {
    expect(
      await handleHostMessage(handlers, { type: 'request', id: 3, method: 5, admin: true }),
    ).toMatchObject({
      message: { id: 3, result: { ok: false, error: { code: 'invalid_request' } } },
    });
    expect(await handleHostMessage(handlers, 'hello')).toMatchObject({ kind: 'ignore' });
    expect(await handleHostMessage(handlers, { type: 'request', id: -1 })).toMatchObject({ kind: 'ignore' });
  });

  it('turns shutdown into a shutdown', async () => {
    expect(await handleHostMessage(handlers, { type: 'shutdown' })).toEqual({ kind: 'shutdown' });
  });

  it('turns a throwing handler into a coded error without its message', async () => {
    const log = vi.fn();
    const failing: DeviceMethodHandlers = {
      ...handlers,
      health: () => {
        throw new Error('/dev/hidraw3: permission denied');
      },
    };
    const outcome = await handleHostMessage(failing, { type: 'request', id: 9, method: 'health' }, log);
    expect(outcome).toEqual({
      kind: 'reply',
      message: {
        type: 'result',
        id: 9,
        result: { ok: false, error: { code: 'internal', message: 'health failed unexpectedly.' } },
      },
    });
    expect(log).toHaveBeenCalledWith('health', expect.any(Error));
  });
});
