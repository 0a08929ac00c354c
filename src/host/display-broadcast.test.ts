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
  rendererDir = await mkdtemp(path.join(tmpdir(), 'till-host-display-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Till</title>');
  host = await startRegisterHost({ rendererDir, version: '9.9.9', port: 0 });
});

afterEach(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

/** Opens a page's socket with the launch token and its own origin. */
function openPage(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/till?token=${host.token}`, { origin: host.origin });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the next message of `type` on `ws`. */
function next(ws: WebSocket, type: 'result' | 'event'): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.type !== type) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

const cart = {
  kind: 'cart',
  currency: 'USD',
  locale: 'en-US',
  lines: [{ lineId: 'l1', name: 'Oat milk', qty: 1, unitPrice: 349, discount: 0, gross: 349 }],
  totals: { net: 349, tax: 0, gross: 349, discount: 0 },
};

describe('register host: the customer display', () => {
  it('sends what the register page publishes to the display page, and the latest state to a late one', async () => {
    const register = await openPage();
    const display = await openPage();
    const update = next(display, 'event');
    const answer = next(register, 'result');
    register.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'display:publish', payload: cart }));
    expect(await answer).toEqual({ type: 'result', id: 1, result: { ok: true, value: { published: true } } });
    expect(await update).toEqual({ type: 'event', event: 'display:update', payload: cart });

    const late = await openPage();
    const current = next(late, 'result');
    late.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'display:current' }));
    expect(await current).toEqual({ type: 'result', id: 7, result: { ok: true, value: cart } });
    // Browser mode has no windows to open: the page opens `/#display` itself.
    const open = next(late, 'result');
    late.send(JSON.stringify({ type: 'invoke', id: 8, channel: 'display:open' }));
    expect(await open).toMatchObject({ id: 8, result: { ok: true, value: { openedBy: 'page' } } });
    for (const ws of [register, display, late]) ws.close();
  });

  it('refuses a state that is not one, and sends nothing', async () => {
    const register = await openPage();
    const display = await openPage();
    const events: unknown[] = [];
    display.on('message', (data: Buffer) => events.push(JSON.parse(data.toString())));
    const answer = next(register, 'result');
    const bad = { ...cart, lines: [{ ...cart.lines[0], gross: 3.49 }] };
    register.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'display:publish', payload: bad }));
    expect(await answer).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_request' } } });
    // A round trip on the display's own socket orders after anything the host would have sent it.
    const pong = next(display, 'result');
    display.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'display:current' }));
    expect(await pong).toMatchObject({ result: { ok: true, value: { kind: 'idle' } } });
    expect(events.filter((e) => (e as { type: string }).type === 'event')).toEqual([]);
    register.close();
    display.close();
  });
});
