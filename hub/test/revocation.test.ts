/**
 * Revocation takes effect at once in every hub process. On PostgreSQL: two real hub processes
 * (`hub/src/server.ts` under tsx) on one database — a register revoked through process A, or by hand in
 * SQL, is refused by process B as soon as the notification arrives, although B had just cached its token.
 * On PGlite: one process, revoked by hand in SQL. Each wait polls with a short deadline (the token cache
 * lives 10 s, so a revocation that only expired from the cache would miss it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, createDatabase, startHub } from '../../test/support/hub';
import { eventually } from '../../test/support/eventually';

/** Long enough for a NOTIFY round trip on a loaded machine, far below the token cache's 10 s. */
const DEADLINE_MS = 2000;
const ADMIN = { authorization: 'Bearer demo-admin-key' };
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A free loopback port (taken and given back at once). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A hub process on `databaseUrl`; resolves with its base URL once it listens. */
async function hubProcess(databaseUrl: string, seed: 'demo' | 'none') {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'hub/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HUB_SEED: seed,
      HUB_DB_POOL: '4',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Till hub listening')) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
  });
  child.stdout?.resume();
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const pullStatus = async (base: string, token: string) =>
  (await fetch(`${base}/api/v1/sync/settings/pull`, { headers: auth(token) })).status;

async function enrollAt(base: string, code: string): Promise<{ token: string; registerId: string }> {
  const res = await fetch(`${base}/api/v1/registers/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: 'revocation test' }),
  });
  expect(res.status).toBe(201);
  return res.json() as Promise<{ token: string; registerId: string }>;
}

describe.runIf(DATABASES.includes('postgres'))('revocation across two hub processes on PostgreSQL', () => {
  let a: Awaited<ReturnType<typeof hubProcess>>;
  let b: Awaited<ReturnType<typeof hubProcess>>;
  let database: Awaited<ReturnType<typeof createDatabase>>;
  beforeAll(async () => {
    database = await createDatabase();
    a = await hubProcess(database.url, 'demo');
    b = await hubProcess(database.url, 'none');
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it('a register revoked through process A is refused by process B at once', async () => {
    const { token, registerId } = await enrollAt(a.base, 'DEMO-S1-R1');
    // Both processes now hold the token in their caches.
    expect(await pullStatus(a.base, token)).toBe(200);
    expect(await pullStatus(b.base, token)).toBe(200);
    const revoked = await fetch(`${a.base}/api/v1/admin/registers/${registerId}/revoke`, {
      method: 'POST',
      headers: ADMIN,
    });
    expect(revoked.status).toBe(200);
    expect(await pullStatus(a.base, token)).toBe(401);
    await eventually(async () => (await pullStatus(b.base, token)) === 401, DEADLINE_MS, 'B refuses');
  });

  it('a revocation made by hand in SQL is honoured by both at once', async () => {
    const { token, registerId } = await enrollAt(b.base, 'DEMO-S2-R1');
    expect(await pullStatus(a.base, token)).toBe(200);
    expect(await pullStatus(b.base, token)).toBe(200);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('UPDATE registers SET revoked_at = now() WHERE id = $1', [registerId]);
    } finally {
      await client.end();
    }
    await eventually(async () => (await pullStatus(a.base, token)) === 401, DEADLINE_MS, 'A refuses');
    await eventually(async () => (await pullStatus(b.base, token)) === 401, DEADLINE_MS, 'B refuses');
  });
});

describe.runIf(DATABASES.includes('pglite'))('revocation in one hub process on PGlite', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub('pglite');
  });
  afterAll(() => hub.close());

  const pull = async (token: string) =>
    (await hub.app.inject({ url: '/api/v1/sync/settings/pull', headers: auth(token) })).statusCode;

  it('a revocation made by hand in SQL is honoured at once, though the token was cached', async () => {
    const { token, registerId } = await hub.enroll('DEMO-S1-R2');
    expect(await pull(token)).toBe(200);
    await hub.db.query('UPDATE registers SET revoked_at = now() WHERE id = $1', [registerId]);
    await eventually(async () => (await pull(token)) === 401, DEADLINE_MS, 'the token refused');
  });

  it('so is a register deleted by hand', async () => {
    const { token, registerId } = await hub.enroll('DEMO-S2-R1');
    expect(await pull(token)).toBe(200);
    await hub.db.query('DELETE FROM registers WHERE id = $1', [registerId]);
    await eventually(async () => (await pull(token)) === 401, DEADLINE_MS, 'the token refused');
  });
});
