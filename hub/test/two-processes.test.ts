/**
 * The hub scaled out: real hub processes (`hub/src/server.ts`, each its own Node process with its own pool
 * and LISTEN connection) on one PostgreSQL database. What one process commits reaches the storefront and
 * register streams held by another; a register revoked through one is refused by the other and its open
 * stream there is closed; a lost LISTEN connection is re-established and its streams resynchronised (also
 * closing the streams of registers revoked while it was down); and cluster mode (`HUB_WORKERS=2`) serves
 * streams from both workers behind one port.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually';
import { DATABASES, auth, pushBody } from '../../test/support/hub';
import { type HubProcess, startHubProcess } from '../../test/support/hub-process';
import { freePort } from '../../test/support/private-postgres';
import { makeSale } from '../../test/support/sales';
import { openStream } from '../../test/support/sse-client';

const ADMIN = { authorization: 'Bearer demo-admin-key' };
/** Long enough for a NOTIFY round trip on a loaded machine, far below the token cache's 10 s. */
const DEADLINE_MS = 3000;

async function enroll(base: string, code: string): Promise<{ token: string; registerId: string }> {
  const res = await fetch(`${base}/api/v1/registers/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: 'scale-out test' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; registerId: string };
}

async function push(base: string, token: string, docs: unknown[]): Promise<number> {
  const res = await fetch(`${base}/api/v1/sync/sales/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth(token) },
    body: JSON.stringify(pushBody(docs)),
  });
  await res.body?.cancel();
  return res.status;
}

const pullStatus = async (base: string, token: string) => {
  const res = await fetch(`${base}/api/v1/sync/settings/pull`, { headers: auth(token) });
  await res.body?.cancel();
  return res.status;
};

/** A raw event stream: its text so far, which worker answered, and whether the hub ended it. */
async function rawStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const state = { text: '', ended: false, worker: res.headers.get('x-till-worker') ?? '' };
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        state.text += value;
      }
      state.ended = true;
    } catch {
      // Aborted by close().
    }
  })();
  return { state, close: () => controller.abort() };
}

/**
 * Ends every LISTEN connection on `url`'s database, as a database restart would, and runs `then` (SQL)
 * at once on the same session — before the hubs can have listened again, most of the time.
 */
async function dropListeners(url: string, then?: { sql: string; params: unknown[] }): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
    );
    if (then) await client.query(then.sql, then.params);
    return rows.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

describe.runIf(DATABASES.includes('postgres'))('two hub processes on one PostgreSQL', () => {
  let a: HubProcess;
  let b: HubProcess;
  beforeAll(async () => {
    a = await startHubProcess('postgres', await freePort(), { env: { HUB_DB_POOL: '4' } });
    b = await startHubProcess({ url: a.databaseUrl! }, await freePort(), {
      env: { HUB_SEED: 'none', HUB_DB_POOL: '4' },
    });
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a sale pushed to A reaches the storefront and register streams held by B', async () => {
    const { token } = await enroll(a.base, 'DEMO-S1-R1');
    const other = await enroll(b.base, 'DEMO-S1-R2');
    const storefront = await openStream(`${b.base}/api/v1/storefront/stock/stream?sku=SKU-00031`);
    const register = await openStream(`${b.base}/api/v1/sync/stream`, auth(other.token));
    try {
      await register.waitFor((d) => d === 'RESYNC');
      const sale = makeSale('store-1', [{ sku: 'SKU-00031', qty: 2 }]);
      expect(await push(a.base, token, [sale])).toBe(200);
      const level = JSON.parse(await storefront.waitFor((d) => d.includes('SKU-00031')));
      expect(level).toMatchObject({ sku: 'SKU-00031', storeId: 'store-1' });
      const event = JSON.parse(await register.waitFor((d) => d.includes(sale.id)));
      expect(event.collection).toBe('sales');
      expect(event.documents.map((d: { id: string }) => d.id)).toContain(sale.id);
    } finally {
      storefront.close();
      register.close();
    }
  });

  it('a register revoked through A is refused by B, and its open stream on B is closed', async () => {
    const { token, registerId } = await enroll(a.base, 'DEMO-S2-R1');
    expect(await pullStatus(b.base, token)).toBe(200); // B has the token cached now
    const stream = await rawStream(`${b.base}/api/v1/sync/stream`, auth(token));
    await eventually(() => stream.state.text.includes('RESYNC'), DEADLINE_MS, 'the first RESYNC');
    const revoked = await fetch(`${a.base}/api/v1/admin/registers/${registerId}/revoke`, {
      method: 'POST',
      headers: ADMIN,
    });
    expect(revoked.status).toBe(200);
    await eventually(async () => (await pullStatus(b.base, token)) === 401, DEADLINE_MS, 'B refuses');
    await eventually(() => stream.state.ended, DEADLINE_MS, "B closes the register's stream");
  });

  it('after its LISTEN connection is cut, B resynchronises its streams and hears A again', async () => {
    const { token } = await enroll(a.base, 'DEMO-S1-R1');
    const register = await openStream(`${b.base}/api/v1/sync/stream`, auth(token));
    const storefront = await openStream(`${b.base}/api/v1/storefront/stock/stream?sku=SKU-00032`);
    try {
      await register.waitFor((d) => d === 'RESYNC');
      expect(await dropListeners(a.databaseUrl!)).toBeGreaterThanOrEqual(2);
      // The gap is told: a second RESYNC, and the watched SKU's current levels re-sent unasked.
      await eventually(
        async () => register.events.filter((d) => d === 'RESYNC').length >= 2,
        10_000,
        'a RESYNC after the gap',
      );
      await storefront.waitFor((d) => d.includes('SKU-00032'), 10_000);
      const sale = makeSale('store-2', [{ sku: 'SKU-00032', qty: 1 }]);
      const seen = storefront.events.length;
      expect(await push(a.base, (await enroll(a.base, 'DEMO-S2-R1')).token, [sale])).toBe(200);
      await eventually(
        async () =>
          storefront.events.slice(seen).some((d) => d.includes('SKU-00032') && d.includes('store-2')),
        DEADLINE_MS,
        'the next level change',
      );
    } finally {
      register.close();
      storefront.close();
    }
  });

  it('a register revoked while B was not listening is still cut off on B once it listens again', async () => {
    const { token, registerId } = await enroll(a.base, 'DEMO-S1-R2');
    expect(await pullStatus(b.base, token)).toBe(200); // cached on B
    const stream = await rawStream(`${b.base}/api/v1/sync/stream`, auth(token));
    await eventually(() => stream.state.text.includes('RESYNC'), DEADLINE_MS, 'the first RESYNC');
    // Revoked right after the listeners were cut, so B has most likely missed this notification (if it
    // listened again first, it hears it: the stream is closed either way).
    await dropListeners(a.databaseUrl!, {
      sql: 'UPDATE registers SET revoked_at = now() WHERE id = $1',
      params: [registerId],
    });
    await eventually(() => stream.state.ended, 10_000, "B closes the revoked register's stream");
    expect(await pullStatus(b.base, token)).toBe(401);
  });
});

describe.runIf(DATABASES.includes('postgres'))('cluster mode (HUB_WORKERS=2)', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startHubProcess('postgres', await freePort(), {
      env: { HUB_WORKERS: '2', HUB_DB_POOL: '4' },
    });
    // Healthy means one worker answers; the primary prints its banner once every worker listens.
    await eventually(() => hub.output().includes('Till hub listening'), 60_000, 'both workers');
  }, 180_000);
  afterAll(() => hub?.stop());

  it("serves streams from both workers, and each hears the other's commits", async () => {
    const streams: Awaited<ReturnType<typeof rawStream>>[] = [];
    try {
      // Connections go round the workers; open streams until both have some.
      for (let i = 0; i < 8 && new Set(streams.map((s) => s.state.worker)).size < 2; i++) {
        streams.push(await rawStream(`${hub.base}/api/v1/storefront/stock/stream?sku=SKU-00033`));
      }
      expect(new Set(streams.map((s) => s.state.worker))).toEqual(new Set(['1', '2']));
      const { token } = await enroll(hub.base, 'DEMO-S1-R1');
      expect(await push(hub.base, token, [makeSale('store-1', [{ sku: 'SKU-00033', qty: 1 }])])).toBe(200);
      for (const s of streams) {
        await eventually(
          () => s.state.text.includes('SKU-00033'),
          DEADLINE_MS,
          `worker ${s.state.worker}'s stream gets the level`,
        );
      }
    } finally {
      for (const s of streams) s.close();
    }
  });

  it('refuses cluster mode on PGlite with a clear error', async () => {
    await expect(
      startHubProcess('pglite', await freePort(), { env: { HUB_WORKERS: '2' }, startTimeoutMs: 60_000 }),
    ).rejects.toThrow(/HUB_WORKERS=2 needs PostgreSQL/);
  });
});
