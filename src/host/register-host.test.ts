import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startRegisterHost } from './register-host';
import type { RegisterHost } from './register-host';

let host: RegisterHost;
let rendererDir: string;

beforeEach(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'till-host-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Till</title>');
  host = await startRegisterHost({ rendererDir, version: '9.9.9', port: 0 });
});

afterEach(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

/** Opens a socket and resolves when it is open, or with the HTTP status it was refused with. */
function open(options: { token?: string | null; origin?: string | null }) {
  const token = options.token === undefined ? host.token : options.token;
  const origin = options.origin === undefined ? host.origin : options.origin;
  const url = `ws://127.0.0.1:${host.port}/till${token === null ? '' : `?token=${token}`}`;
  const ws = new WebSocket(url, origin === null ? {} : { origin });
  return new Promise<{ ws: WebSocket; status?: number }>((resolve, reject) => {
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ ws, status: res.statusCode }));
    ws.once('error', reject);
  });
}

/** Sends one message and resolves with the next one received. */
function roundTrip(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(message));
  });
}

describe('register host: WebSocket', () => {
  it('answers app:info over the socket with mode browser', async () => {
    const { ws, status } = await open({});
    expect(status).toBeUndefined();
    const reply = await roundTrip(ws, { type: 'invoke', id: 1, channel: 'app:info' });
    expect(reply).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: { version: '9.9.9', mode: 'browser', platform: process.platform } },
    });
    ws.close();
  });

  it('refuses a socket without the token, or with a wrong one', async () => {
    expect((await open({ token: null })).status).toBe(401);
    expect((await open({ token: 'not-the-token' })).status).toBe(401);
  });

  it('refuses a non-loopback, other-port or missing Origin even with the token', async () => {
    expect((await open({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await open({ origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await open({ origin: null })).status).toBe(403);
  });

  it('answers bad requests with coded errors, and drops a malformed message', async () => {
    const { ws } = await open({});
    expect(await roundTrip(ws, { type: 'invoke', id: 2, channel: 'app:nope' })).toMatchObject({
      id: 2,
      result: { ok: false, error: { code: 'unknown_channel' } },
    });
    expect(
      await roundTrip(ws, { type: 'invoke', id: 3, channel: 'app:ping', payload: { nonce: 5 } }),
    ).toMatchObject({
      id: 3,
      result: { ok: false, error: { code: 'invalid_request' } },
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"not":"an invoke"}');
    expect(await closed).toBe(1008);
  });

  it('pushes events to connected pages', async () => {
    const { ws } = await open({});
    const received = new Promise((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
    );
    host.broadcast('app:notice', { level: 'info', code: 'test', message: 'hello' });
    expect(await received).toEqual({
      type: 'event',
      event: 'app:notice',
      payload: { level: 'info', code: 'test', message: 'hello' },
    });
    ws.close();
  });
});

describe('register host: HTTP', () => {
  it('serves the renderer with hardening headers, and the token only in the page URL fragment', async () => {
    expect(host.pageUrl).toBe(`${host.origin}/#token=${host.token}`);
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Till</title>');
    // The page's CSP (src/backend/csp.ts) also forbids framing.
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a foreign Host header, other methods and paths outside the renderer', async () => {
    const http = await import('node:http');
    const get = (reqPath: string, headers: Record<string, string> = {}, method = 'GET') =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: host.port, path: reqPath, headers, method },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await get('/', { host: 'evil.example' })).toBe(403);
    expect(await get('/', {}, 'POST')).toBe(405);
    expect(await get('/../package.json')).toBe(404);
    expect(await get('/%2e%2e/%2e%2e/etc/passwd')).toBe(404);
    expect(await get('/missing.js')).toBe(404);
  });

  it('says how to build the page when the renderer is missing', async () => {
    await rm(path.join(rendererDir, 'index.html'));
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it('closes open sockets on close()', async () => {
    const { ws } = await open({});
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await host.close();
    expect(await closed).toBe(1001);
    host = await startRegisterHost({ rendererDir, version: '9.9.9', port: 0 });
  });
});
