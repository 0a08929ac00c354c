/**
 * A register's page replicates straight from the hub from its own origin (till://register in Electron,
 * http://127.0.0.1:<port> in browser mode), so the hub must answer CORS: preflights, plain replies, and
 * the hijacked event stream.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, startHub } from '../../test/support/hub';

const ORIGIN = 'http://127.0.0.1:5173';

describe.each(DATABASES)('CORS on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll()).token;
  });
  afterAll(() => hub.close());

  it('answers a preflight for a push with the token and JSON', async () => {
    const res = await hub.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/sales/push',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(res.headers['access-control-allow-headers'])).toContain('authorization');
  });

  it('lets the page read a pull, and an error, from another origin', async () => {
    const pull = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/sync/settings/pull',
      headers: { origin: ORIGIN, authorization: `Bearer ${token}` },
    });
    expect(pull.statusCode).toBe(200);
    expect(pull.headers['access-control-allow-origin']).toBe(ORIGIN);
    const refused = await hub.app.inject({
      method: 'GET',
      url: '/api/v1/sync/settings/pull',
      headers: { origin: ORIGIN },
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  it('puts the CORS headers on the event stream too', async () => {
    const port = Number(new URL(await hub.listen()).port);
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/sync/stream',
          headers: { origin: ORIGIN, authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        },
        (res) => {
          resolve(res.headers);
          req.destroy();
        },
      );
      req.on('error', reject);
    });
    expect(headers['content-type']).toContain('text/event-stream');
    expect(headers['access-control-allow-origin']).toBe(ORIGIN);
  });
});
