/**
 * A revoked register token is refused by every hub process on the database, including one that never saw
 * the token before (so the answer comes from the database's record, not from a cache the revocation
 * cleared). Two real hub processes (`test/support/hub-process.ts`) on one PostgreSQL: revoked through
 * one — by an operator, or by the register re-enrolling — refused by the other on pull, push and the
 * event stream. PostgreSQL only: two processes cannot share a PGlite database (it is embedded in one).
 */
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, auth, pushBody } from '../../test/support/hub';
import { eventually } from '../../test/support/eventually';
import { type HubProcess, startHubProcess } from '../../test/support/hub-process';

/** Long enough for a NOTIFY round trip on a loaded machine, far below the token cache's 10 s. */
const DEADLINE_MS = 2_000;
const ADMIN = { authorization: 'Bearer demo-admin-key' };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function enroll(base: string, code: string, replacesToken?: string) {
  const res = await fetch(`${base}/api/v1/registers/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: 'two processes', ...(replacesToken ? { replacesToken } : {}) }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; registerId: string };
}

const pull = async (base: string, token: string) =>
  (await fetch(`${base}/api/v1/sync/settings/pull`, { headers: auth(token) })).status;
const push = async (base: string, token: string) =>
  (
    await fetch(`${base}/api/v1/sync/sales/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(token) },
      body: JSON.stringify(pushBody([])),
    })
  ).status;
/** Opens the register's event stream and answers its status (closing it at once). */
const stream = async (base: string, token: string) => {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/v1/sync/stream`, { headers: auth(token), signal: controller.signal });
  controller.abort();
  return res.status;
};
const revoke = async (base: string, registerId: string) =>
  (await fetch(`${base}/api/v1/admin/registers/${registerId}/revoke`, { method: 'POST', headers: ADMIN }))
    .status;

describe.runIf(DATABASES.includes('postgres'))('revoked tokens across two hub processes', () => {
  let a: HubProcess;
  let b: HubProcess;
  beforeAll(async () => {
    a = await startHubProcess('postgres', await freePort(), { databasePrefix: 'till_revoke' });
    b = await startHubProcess({ url: a.databaseUrl! }, await freePort(), { env: { HUB_SEED: 'none' } });
  }, 180_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('a token revoked on A, never used on B, is refused by B on pull, push and stream', async () => {
    const { token, registerId } = await enroll(a.base, 'DEMO-S1-R1');
    expect(await pull(a.base, token)).toBe(200);
    expect(await revoke(a.base, registerId)).toBe(200);
    expect(await pull(b.base, token)).toBe(401);
    expect(await push(b.base, token)).toBe(401);
    expect(await stream(b.base, token)).toBe(401);
  });

  it('a token revoked on B while A had it cached is refused by A', async () => {
    const { token, registerId } = await enroll(b.base, 'DEMO-S2-R1');
    expect(await pull(a.base, token)).toBe(200);
    expect(await revoke(b.base, registerId)).toBe(200);
    await eventually(async () => (await pull(a.base, token)) === 401, DEADLINE_MS, 'A refuses');
    expect(await push(a.base, token)).toBe(401);
  });

  it('the token a re-enrollment on A replaced is refused by B; the new one works on both', async () => {
    const first = await enroll(a.base, 'DEMO-S1-R2');
    expect(await pull(b.base, first.token)).toBe(200);
    const second = await enroll(a.base, 'DEMO-S1-R2', first.token);
    await eventually(async () => (await pull(b.base, first.token)) === 401, DEADLINE_MS, 'B refuses');
    expect(await pull(a.base, first.token)).toBe(401);
    expect(await pull(b.base, second.token)).toBe(200);
    expect(await pull(a.base, second.token)).toBe(200);
  });
});
