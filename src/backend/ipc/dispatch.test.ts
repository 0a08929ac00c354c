import { describe, expect, it, vi } from 'vitest';
import { ipcErr } from '@till/shared/ipc/contract';
import { dispatchIpc } from './dispatch';
import { createIpcHandlers } from './handlers';
import type { IpcHandlers } from './handler-types';

const handlers = createIpcHandlers({
  version: '1.2.3',
  mode: 'electron',
  platform: 'linux',
  now: () => new Date('2026-11-27T10:00:00.000Z'),
  // Never written: these tests call only the app channels.
  dataDir: '/nonexistent/till-dispatch-test',
  demoEnrollment: null,
});

describe('dispatchIpc with the real handlers', () => {
  it('answers app:info from the context', async () => {
    expect(await dispatchIpc(handlers, 'app:info', undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', mode: 'electron', platform: 'linux' },
    });
  });

  it('answers app:ping with the nonce and the time it was received', async () => {
    expect(await dispatchIpc(handlers, 'app:ping', { nonce: 'n1' })).toEqual({
      ok: true,
      value: { nonce: 'n1', receivedAt: '2026-11-27T10:00:00.000Z' },
    });
    expect(await dispatchIpc(handlers, 'app:ping', undefined)).toEqual({
      ok: true,
      value: { receivedAt: '2026-11-27T10:00:00.000Z' },
    });
  });

  it('refuses unknown channels, including names inherited from Object', async () => {
    for (const channel of ['app:nope', 'toString', '__proto__', 17, undefined]) {
      const result = await dispatchIpc(handlers, channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('validates the payload before the handler runs', async () => {
    const handler = vi.fn(() => ipcErr<never>('internal', 'must not run'));
    const spied: IpcHandlers = { ...handlers, 'app:ping': handler };
    const result = await dispatchIpc(spied, 'app:ping', { nonce: 'x', admin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    if (!result.ok) expect(result.error.message).toContain('app:ping');
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown handler into a coded error without leaking its message', async () => {
    const log = vi.fn();
    const failing: IpcHandlers = {
      ...handlers,
      'app:info': () => {
        throw new Error('secret path /home/clerk/db');
      },
    };
    const result = await dispatchIpc(failing, 'app:info', undefined, log);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'app:info failed unexpectedly.' },
    });
    expect(log).toHaveBeenCalledWith('app:info', expect.any(Error));
  });
});
