import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { startRegisterHost } from '../../host/register-host';
import type { RegisterHost } from '../../host/register-host';
import type { IpcEventPayload } from '@till/shared/ipc/contract';
import { createWebSocketTill } from './till-browser-transport';
import { webSocketUrl } from './till';

// Node 20 has no global WebSocket; ws's has the same EventTarget surface. A browser sends its page's Origin
// by itself; here the stand-in sends the host's.
let origin = '';
class BrowserLikeWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url, { origin });
    // A browser's WebSocket never throws on 'error' (a 'close' follows); Node's EventEmitter would.
    this.on('error', () => {});
  }
}

let host: RegisterHost;
let rendererDir: string;
const realWebSocket = globalThis.WebSocket;

beforeEach(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'till-transport-'));
  host = await startRegisterHost({ rendererDir, version: '2.0.0', port: 0 });
  origin = host.origin;
  globalThis.WebSocket = BrowserLikeWebSocket as unknown as typeof WebSocket;
});

afterEach(async () => {
  globalThis.WebSocket = realWebSocket;
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

const urlFor = (token: string) => webSocketUrl({ protocol: 'http:', host: `127.0.0.1:${host.port}` }, token);

describe('createWebSocketTill', () => {
  it('invokes channels on the host and gets typed results', async () => {
    const till = createWebSocketTill(urlFor(host.token));
    expect(await till.invoke('app:info')).toEqual({
      ok: true,
      value: { version: '2.0.0', mode: 'browser', platform: process.platform },
    });
    const [a, b] = await Promise.all([
      till.invoke('app:ping', { nonce: 'a' }),
      till.invoke('app:ping', { nonce: 'b' }),
    ]);
    expect(a.ok && a.value.nonce).toBe('a');
    expect(b.ok && b.value.nonce).toBe('b');
  });

  it('answers unavailable, not a rejection, when the token is wrong', async () => {
    const till = createWebSocketTill(urlFor('wrong'));
    expect(await till.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('refuses channels outside the contract without sending them', async () => {
    const till = createWebSocketTill(urlFor(host.token));
    const result = await till.invoke('app:nope' as 'app:info');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('delivers host events to listeners until they unsubscribe', async () => {
    const till = createWebSocketTill(urlFor(host.token));
    await till.invoke('app:ping'); // connected
    const seen: IpcEventPayload<'app:notice'>[] = [];
    const first = new Promise<void>((resolve) => {
      const stop = till.on('app:notice', (notice) => {
        seen.push(notice);
        stop();
        resolve();
      });
    });
    host.broadcast('app:notice', { level: 'info', code: 'one', message: 'first' });
    await first;
    host.broadcast('app:notice', { level: 'info', code: 'two', message: 'second' });
    await till.invoke('app:ping'); // the second event, if delivered, would have arrived before this answer
    expect(seen.map((n) => n.code)).toEqual(['one']);
  });

  it('turns a lost connection into unavailable results', async () => {
    const till = createWebSocketTill(urlFor(host.token));
    expect((await till.invoke('app:info')).ok).toBe(true);
    await host.close();
    expect(await till.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    host = await startRegisterHost({ rendererDir, version: '2.0.0', port: 0 });
  });
});
