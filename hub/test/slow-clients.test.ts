/**
 * Slow clients, over raw sockets, on both databases. Credentials are checked before a body is read: a
 * request with a bad token or key and a body that never comes is answered 401 (not 408: it is not left to
 * time out) and its connection closed. A client with a good token whose body trickles in, or whose
 * headers never end, is cut off by the request timeout (short here) — while other clients are served.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, startHub } from '../../test/support/hub';

/** The hub's timeouts here: short, so that a client cut off is cut off well within a test. */
const TIMEOUTS = { requestMs: 1500, headersMs: 1500, idleMs: 10_000, keepAliveMs: 1000 };
/** How long a test waits for the hub to close a connection before calling it left open. */
const DEADLINE_MS = 10_000;

/** A raw HTTP/1.1 connection: what it received, and whether the hub closed it. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let open = true;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) =>
    socket.on('close', () => {
      open = false;
      resolve();
    }),
  );
  return {
    socket,
    received: () => received,
    isOpen: () => open,
    /** Resolves true once the hub closed the connection, false if it is still open at the deadline. */
    closedWithin: (ms: number) =>
      Promise.race([
        closed.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
  };
}

const head = (method: string, path: string, headers: Record<string, string>) =>
  `${method} ${path} HTTP/1.1\r\nHost: hub\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

describe.each(DATABASES)('slow clients on %s', (kind) => {
  let hub: TestHub;
  let port: number;
  beforeAll(async () => {
    hub = await startHub(kind, { timeouts: TIMEOUTS });
    port = Number(new URL(await hub.listen()).port);
  });
  afterAll(() => hub.close());

  const body = { 'content-type': 'application/json', 'content-length': '100000' };
  it.each([
    ['a register push with a forged token', '/api/v1/sync/sales/push', 'Bearer till_forged_token_0000'],
    ['a register push with no token', '/api/v1/sync/sales/push', ''],
    ['a storefront order with a wrong key', '/api/v1/storefront/orders', 'Bearer wrong-key'],
    ['storefront events with a wrong key', '/api/v1/storefront/events', 'Bearer wrong-key'],
    ['an admin request with a wrong key', '/api/v1/admin/enrollment-codes', 'Bearer wrong-key'],
  ])('%s and a body that never comes: 401 at once, connection closed', async (_what, path, authorization) => {
    const conn = connect(port);
    conn.socket.write(head('POST', path, authorization ? { ...body, authorization } : body));
    expect(await conn.closedWithin(DEADLINE_MS)).toBe(true);
    expect(conn.received()).toMatch(/^HTTP\/1\.1 401 /);
    expect(conn.received()).toContain('"code":"unauthorized"');
  });

  it('a good token with a trickling body is cut off by the request timeout; others are served', async () => {
    const { token } = await hub.enroll('DEMO-S1-R1');
    const conn = connect(port);
    conn.socket.write(head('POST', '/api/v1/sync/sales/push', { ...body, authorization: `Bearer ${token}` }));
    let sent = 0;
    const trickle = setInterval(() => {
      if (!conn.isOpen()) return;
      conn.socket.write(sent === 0 ? '[' : ' ');
      sent += 1;
    }, 100);
    try {
      // Meanwhile the hub answers everyone else.
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(await conn.closedWithin(DEADLINE_MS)).toBe(true);
    } finally {
      clearInterval(trickle);
    }
    // Cut off long before the body could have been complete.
    expect(sent).toBeLessThan(100_000);
    const answer = conn.received();
    if (answer) {
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toContain('"code":"request_timeout"');
    }
  });

  it('headers that never end are cut off too', async () => {
    const conn = connect(port);
    conn.socket.write('GET /health HTTP/1.1\r\nHost: hub\r\nX-Slow: 1\r\n');
    expect(await conn.closedWithin(DEADLINE_MS)).toBe(true);
    expect(conn.received()).not.toMatch(/^HTTP\/1\.1 200 /);
  });
});
