/**
 * The register's HTTP client of the hub, over real HTTP: a local node:http server plays the hub and answers
 * as each test needs, and records what it received.
 */
import { type IncomingHttpHeaders, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HubError, createHubClient } from './hub-client';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Hub = (request: Received, response: ServerResponse) => void;

const TOKEN = 'register-token-0123456789';
const enrolled = { registerId: 'reg-1', storeId: 'store-1', token: 't'.repeat(32), staffKey: 'k'.repeat(43) };
const page = { documents: [{ id: 'p1', name: 'Tea' }], checkpoint: { xid: '42', seq: 3 } };

let servers: Server[] = [];

afterEach(async () => {
  // A hung request would keep close() waiting for its connection, so connections are cut first.
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** Starts a hub on 127.0.0.1 that answers with `hub`; returns its URL and what it received. */
async function startHub(hub: Hub = (_, res) => reply(res, 200, {})) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      received.push(request);
      hub(request, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function client(baseUrl: string, options: { token?: string | null; timeoutMs?: number } = {}) {
  const signals: AbortSignal[] = [];
  /** Statuses of the answers whose headers arrived (their bodies may still be on the way). */
  const answered: number[] = [];
  const hubClient = createHubClient({
    baseUrl,
    token: () => (options.token === undefined ? TOKEN : options.token),
    timeoutMs: options.timeoutMs,
    // Node's own fetch; the signal is kept so a test can see whether the request was ever aborted.
    fetch: async (input, init) => {
      if (init?.signal) signals.push(init.signal);
      const response = await fetch(input, init);
      answered.push(response.status);
      return response;
    },
  });
  return Object.assign(hubClient, { signals, answered });
}

/** Awaits a call that must fail with a HubError and returns the error's status, code and message. */
async function failure(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => {
      throw new Error('the call succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  const { status, code, message } = error as HubError;
  return { status, code, message };
}

describe('HubError', () => {
  it('is an Error named HubError that carries the status, the code and the named documents', () => {
    const error = new HubError(409, 'conflict', 'already closed');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HubError');
    expect(String(error)).toBe('HubError: already closed');
    expect([error.status, error.code, error.documents]).toEqual([409, 'conflict', []]);
  });
});

describe('the requests the hub receives', () => {
  it('health asks GET /health for JSON with no token, even when the register is enrolled', async () => {
    const hub = await startHub((_, res) => reply(res, 200, { ok: true, db: 'pglite', extra: 1 }));
    await expect(client(hub.url).health()).resolves.toEqual({ ok: true, db: 'pglite' });
    await expect(client(hub.url, { token: null }).health()).resolves.toEqual({ ok: true, db: 'pglite' });
    expect(hub.received.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/health'],
      ['GET', '/health'],
    ]);
    for (const { headers } of hub.received) {
      expect(headers.accept).toBe('application/json');
      expect(headers['content-type']).toBeUndefined();
      expect(headers.authorization).toBeUndefined();
    }
  });

  it('drops one or several trailing slashes of the base URL', async () => {
    const hub = await startHub((_, res) => reply(res, 200, { ok: true, db: 'pg' }));
    await client(`${hub.url}/`).health();
    await client(`${hub.url}///`).health();
    expect(hub.received.map((r) => r.url)).toEqual(['/health', '/health']);
    expect(client(`${hub.url}//`).streamUrl()).toBe(`${hub.url}/api/v1/sync/stream`);
  });

  it('enroll posts the code and name as JSON without a token, and returns the enrollment', async () => {
    const hub = await startHub((_, res) => reply(res, 201, enrolled));
    await expect(client(hub.url).enroll('DEMO-1', 'Till 1')).resolves.toEqual(enrolled);
    const [request] = hub.received;
    expect([request?.method, request?.url]).toEqual(['POST', '/api/v1/registers/enroll']);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.parse(request?.body ?? '')).toEqual({ code: 'DEMO-1', name: 'Till 1' });
  });

  it('enroll sends replacesToken only when the register re-enrolls', async () => {
    const hub = await startHub((_, res) => reply(res, 201, enrolled));
    await client(hub.url).enroll('DEMO-1', 'Till 1', 'old-token-0123456789');
    await client(hub.url).enroll('DEMO-1', 'Till 1', '');
    expect(hub.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { code: 'DEMO-1', name: 'Till 1', replacesToken: 'old-token-0123456789' },
      { code: 'DEMO-1', name: 'Till 1' },
    ]);
  });

  it('pull GETs one page with the bearer token, the encoded checkpoint (or none) and the limit', async () => {
    const hub = await startHub((_, res) => reply(res, 200, page));
    const hubClient = client(hub.url);
    await expect(hubClient.pull('products', null, 50)).resolves.toEqual(page);
    await hubClient.pull('stock', { xid: '7', seq: 2 }, 10);
    expect(hub.received.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/api/v1/sync/products/pull?checkpoint=&limit=50'],
      ['GET', `/api/v1/sync/stock/pull?checkpoint=${encodeURIComponent('{"xid":"7","seq":2}')}&limit=10`],
    ]);
    for (const { headers } of hub.received) {
      expect(headers.accept).toBe('application/json');
      expect(headers['content-type']).toBeUndefined();
      expect(headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  it('push posts the rows as JSON with the bearer token and returns the conflicts', async () => {
    const conflicts = [{ id: 's1', total: 5 }];
    const hub = await startHub((_, res) => reply(res, 200, conflicts));
    const rows = [{ assumedMasterState: null, newDocumentState: { id: 's1', total: 4 } }];
    await expect(client(hub.url).push('sales', rows)).resolves.toEqual(conflicts);
    const [request] = hub.received;
    expect([request?.method, request?.url]).toEqual(['POST', '/api/v1/sync/sales/push']);
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(request?.body ?? '')).toEqual(rows);
  });
});

describe('failures', () => {
  it.each([null, ''])('a register with no token (%j) is refused before anything is sent', async (token) => {
    const hub = await startHub();
    const notEnrolled = {
      status: 401,
      code: 'not_enrolled',
      message: 'this register is not enrolled with a hub',
    };
    expect(await failure(client(hub.url, { token }).pull('products', null, 10))).toEqual(notEnrolled);
    expect(await failure(client(hub.url, { token }).push('sales', []))).toEqual(notEnrolled);
    expect(hub.received).toEqual([]);
  });

  it('a hub that does not answer within timeoutMs is a timeout', { timeout: 5_000 }, async () => {
    const hub = await startHub(() => undefined);
    expect(await failure(client(hub.url, { timeoutMs: 100 }).health())).toEqual({
      status: 0,
      code: 'timeout',
      message: 'the hub did not answer in time',
    });
  });

  it(
    'a hub that sends its headers and then stalls mid-body is a timeout too',
    { timeout: 10_000 },
    async () => {
      const hub = await startHub((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"documents":[');
      });
      // Long enough for the headers to arrive first on a loaded machine; the body never completes.
      const hubClient = client(hub.url, { timeoutMs: 1_500 });
      expect(await failure(hubClient.pull('products', null, 10))).toEqual({
        status: 0,
        code: 'timeout',
        message: 'the hub did not answer in time',
      });
      expect(hubClient.answered).toEqual([200]);
    },
  );

  it('a prompt answer cancels the timer, so the request is never aborted afterwards', async () => {
    const hub = await startHub((_, res) => reply(res, 200, { ok: true, db: 'pg' }));
    // The timeout leaves room for a loaded machine; the wait then outlasts it.
    const hubClient = client(hub.url, { timeoutMs: 500 });
    await hubClient.health();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(hubClient.signals.map((signal) => signal.aborted)).toEqual([false]);
  });

  it('a refused connection is unreachable and says why', async () => {
    const { url } = await startHub();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await failure(client(url).health())).toEqual({
      status: 0,
      code: 'unreachable',
      message: expect.stringMatching(/^the hub cannot be reached \(.+\)$/),
    });
  });

  it('an answer cut off mid-body is unreachable', async () => {
    const hub = await startHub((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      // Once the headers and the start of the body are out, the hub goes away.
      res.write('{"documents":[', () => setTimeout(() => res.socket?.destroy(), 20));
    });
    expect(await failure(client(hub.url).pull('products', null, 10))).toEqual({
      status: 0,
      code: 'unreachable',
      message: expect.stringMatching(/^the hub's answer was cut off \(.+\)$/),
    });
  });

  it('an error answer in the contract gives its status, code, message and documents', async () => {
    const documents = [{ id: 's1', code: 'invalid', message: 'total is negative' }];
    const error = { code: 'refused', message: 'one sale is refused', documents };
    const hub = await startHub((_, res) => reply(res, 400, { error }));
    const thrown = await client(hub.url)
      .push('sales', [])
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(HubError);
    expect(thrown).toMatchObject({ status: 400, code: 'refused', message: 'one sale is refused', documents });
  });

  it.each([
    ['an HTML page', 502, '<html>Bad gateway</html>'],
    ['an empty body', 503, ''],
    ['JSON outside the contract', 500, '{"error":"boom"}'],
  ])('an error answer with %s still tells its status', async (_, status, body) => {
    const hub = await startHub((_, res) => res.writeHead(status).end(body));
    expect(await failure(client(hub.url).pull('products', null, 10))).toEqual({
      status,
      code: `http_${status}`,
      message: `the hub answered ${status}`,
    });
  });
});

describe('a 2xx answer that breaks the sync contract is a bad_response naming the answer', () => {
  type Call = (c: ReturnType<typeof client>) => Promise<unknown>;
  const health: Call = (c) => c.health();
  const enroll: Call = (c) => c.enroll('DEMO-1', 'Till 1');
  const pull: Call = (c) => c.pull('products', null, 10);
  const push: Call = (c) => c.push('sales', []);
  const pageWith = (documents: string, xid = '"1"') =>
    `{"documents":${documents},"checkpoint":{"xid":${xid},"seq":0}}`;

  it.each<[string, string, Call, string]>([
    ['a health answer whose ok is not a boolean', 'health', health, '{"ok":"yes","db":"pg"}'],
    ['an empty health answer', 'health', health, ''],
    [
      'an enrollment with a too-short token',
      'enrollment',
      enroll,
      JSON.stringify({ ...enrolled, token: 'x' }),
    ],
    ['an empty enrollment answer', 'enrollment', enroll, ''],
    ['a pull page with a malformed checkpoint', 'pull', pull, pageWith('[]', '"abc"')],
    ['a pull page with a null document', 'pull', pull, pageWith('[null]')],
    ['a pull page with an array as a document', 'pull', pull, pageWith('[[]]')],
    ['a pull page with a string as a document', 'pull', pull, pageWith('["x"]')],
    ['an empty pull answer', 'pull', pull, ''],
    ['a push answer that is not an array', 'push', push, '{"conflicts":[]}'],
    ['a push answer with a null conflict', 'push', push, '[null]'],
    ['an empty push answer', 'push', push, ''],
  ])('%s', async (_, what, call, body) => {
    const hub = await startHub((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    expect(await failure(call(client(hub.url)))).toEqual({
      status: 502,
      code: 'bad_response',
      message: `the hub's ${what} answer does not follow the sync contract`,
    });
  });
});
