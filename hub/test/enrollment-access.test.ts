/**
 * Enrollment and tokens, on both databases: refused enrollments are rate-limited per source address and
 * per code (429 with Retry-After) while successful ones never are; issued codes work once and expire; the
 * admin API issues codes, lists registers and revokes one (its token answers 401 at once, its stream
 * closes); re-enrolling revokes the token it replaces; the answer carries the store's staff key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, count, startHub } from '../../test/support/hub';

const ADMIN = { authorization: 'Bearer demo-admin-key' };

describe.each(DATABASES)('enrollment and tokens on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub(kind);
  });
  afterAll(() => hub.close());

  /** One enrollment attempt from `source`. */
  const enroll = (payload: Record<string, unknown>, source = '198.51.100.1') =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/registers/enroll',
      payload: { name: 'till', ...payload },
      remoteAddress: source,
    });
  const issue = (payload: Record<string, unknown>, headers: Record<string, string> = ADMIN) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/admin/enrollment-codes', headers, payload });
  const pullWorks = async (token: string) =>
    (await hub.app.inject({ url: '/api/v1/sync/settings/pull', headers: auth(token) })).statusCode;

  it('limits refused attempts per source with 429 and Retry-After, counting concurrent ones too', async () => {
    const source = '203.0.113.7';
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => enroll({ code: `WRONG-${1000 + i}` }, source)),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 403)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    const limited = answers.find((a) => a.statusCode === 429)!;
    expect(limited.json().error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json().error.retryAfter).toBe(retryAfter);
    // While limited, even a good code is refused from there (no oracle left), but not from elsewhere.
    expect((await enroll({ code: 'DEMO-S1-R1' }, source)).statusCode).toBe(429);
    expect((await enroll({ code: 'DEMO-S1-R1' }, '203.0.113.8')).statusCode).toBe(201);
  });

  it('never throttles successful enrollments from one address', async () => {
    const source = '192.0.2.44';
    // Nine refusals leave one attempt; twenty-five successes in a row must all go through.
    for (let i = 0; i < 9; i++) expect((await enroll({ code: `NOPE-${i}-X` }, source)).statusCode).toBe(403);
    for (let i = 0; i < 25; i++) {
      expect((await enroll({ code: i % 2 ? 'DEMO-S1-R2' : 'DEMO-S2-R1' }, source)).statusCode).toBe(201);
    }
    // And at once: those beyond the limit wait for a place instead of being refused.
    const together = await Promise.all(
      Array.from({ length: 25 }, (_, i) => enroll({ code: i % 2 ? 'DEMO-S1-R1' : 'DEMO-S2-R1' }, source)),
    );
    expect(together.map((a) => a.statusCode)).toEqual(Array(25).fill(201));
    expect((await enroll({ code: 'NOPE-LAST' }, source)).statusCode).toBe(403);
    expect((await enroll({ code: 'NOPE-OVER' }, source)).statusCode).toBe(429);
  });

  it('limits refused attempts per code across addresses', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await enroll({ code: 'GUESS-THIS-CODE' }, `10.1.0.${i}`)).statusCode).toBe(403);
    }
    const sixth = await enroll({ code: 'GUESS-THIS-CODE' }, '10.1.0.6');
    expect(sixth.statusCode).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect((await enroll({ code: 'ANOTHER-GUESS' }, '10.1.0.6')).statusCode).toBe(403);
  });

  it('issues codes that enroll one register, even eight at once, and expire', async () => {
    expect((await issue({ storeId: 'store-2' }, {})).statusCode).toBe(401);
    expect((await issue({ storeId: 'store-9' })).json().error).toMatchObject({
      code: 'unknown_store',
      message: 'no store store-9',
    });
    expect((await issue({ storeId: 'store-2', ttlHours: 0 })).statusCode).toBe(400);

    const res = await issue({ storeId: 'store-2' });
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    expect(issued.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(issued.storeId).toBe('store-2');
    const ttlHours = (Date.parse(issued.expiresAt) - Date.now()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(167);
    expect(ttlHours).toBeLessThanOrEqual(168);

    const name = `one-code-${kind}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => enroll({ code: issued.code, name }, `10.2.0.${i}`)),
    );
    // One wins; the others are refused as used, or (past the per-code limit) as too many.
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.every((a) => [201, 403, 429].includes(a.statusCode))).toBe(true);
    expect(await count(hub.db, 'registers', 'name = $1', [name])).toBe(1);

    const short = (await issue({ storeId: 'store-1', ttlHours: 1 })).json();
    expect(Date.parse(short.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);
    await hub.db.query(
      "UPDATE enrollment_codes SET expires_at = now() - interval '1 second' WHERE code = $1",
      [short.code],
    );
    const expired = await enroll({ code: short.code }, '10.2.1.1');
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error).toMatchObject({
      code: 'invalid_code',
      message: 'unknown, used or expired enrollment code',
    });
    // A code inserted by hand expires too (the column's default), rather than living for ever.
    await hub.db.query("INSERT INTO enrollment_codes (code, store_id) VALUES ('BY-HAND-1', 'store-1')");
    const [row] = await hub.db.query<{ ok: boolean }>(
      "SELECT expires_at < now() + interval '8 days' AS ok FROM enrollment_codes WHERE code = 'BY-HAND-1'",
    );
    expect(row?.ok).toBe(true);
  });

  it('lists registers and revokes one: its token answers 401 at once and its stream is closed', async () => {
    const base = await hub.listen();
    const code = (await issue({ storeId: 'store-2' })).json().code;
    const enrolled = (await enroll({ code, name: 'to-revoke' }, '10.3.0.1')).json();
    expect(await pullWorks(enrolled.token)).toBe(200);

    const listed = await hub.app.inject({ url: '/api/v1/admin/registers?storeId=store-2', headers: ADMIN });
    const registers = listed.json().registers as { id: string; storeId: string; revokedAt: null }[];
    expect(registers.every((r) => r.storeId === 'store-2')).toBe(true);
    expect(registers.find((r) => r.id === enrolled.registerId)).toMatchObject({
      name: 'to-revoke',
      revokedAt: null,
      lastSeenAt: expect.any(String),
      enrolledAt: expect.any(String),
    });
    expect((await hub.app.inject({ url: '/api/v1/admin/registers' })).statusCode).toBe(401);

    const stream = await fetch(`${base}/api/v1/sync/stream`, { headers: auth(enrolled.token) });
    expect(stream.status).toBe(200);
    const ended = drain(stream);

    const revoke = () =>
      hub.app.inject({
        method: 'POST',
        url: `/api/v1/admin/registers/${enrolled.registerId}/revoke`,
        headers: ADMIN,
      });
    const revoked = await revoke();
    expect(revoked.statusCode).toBe(200);
    const revokedAt = revoked.json().register.revokedAt;
    expect(revokedAt).toEqual(expect.any(String));
    expect(await pullWorks(enrolled.token)).toBe(401);
    await ended;
    expect((await revoke()).json().register.revokedAt).toBe(revokedAt);
    const unknown = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/admin/registers/reg-nope/revoke',
      headers: ADMIN,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('unknown_register');
  });

  it('revokes the token a re-enrollment replaces, in the same store only', async () => {
    const first = (await enroll({ code: 'DEMO-S1-R1' })).json();
    expect(await pullWorks(first.token)).toBe(200);
    const second = await enroll({ code: 'DEMO-S1-R2', replacesToken: first.token });
    expect(second.statusCode).toBe(201);
    expect(await pullWorks(first.token)).toBe(401);
    expect(await pullWorks(second.json().token)).toBe(200);

    // A token of another store is not this enrollment's to revoke.
    const other = (await enroll({ code: 'DEMO-S2-R1' })).json();
    expect((await enroll({ code: 'DEMO-S1-R1', replacesToken: other.token })).statusCode).toBe(201);
    expect(await pullWorks(other.token)).toBe(200);
  });

  it("delivers the store's staff key: 32 random bytes per store, the same for every register", async () => {
    const a = (await enroll({ code: 'DEMO-S1-R1' })).json();
    const b = (await enroll({ code: 'DEMO-S1-R2' })).json();
    const c = (await enroll({ code: 'DEMO-S2-R1' })).json();
    expect(a.staffKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.staffKey, 'base64url')).toHaveLength(32);
    expect(b.staffKey).toBe(a.staffKey);
    expect(c.staffKey).not.toBe(a.staffKey);
    const [store] = await hub.db.query<{ staff_key: string }>(
      "SELECT staff_key FROM stores WHERE id = 'store-1'",
    );
    expect(store?.staff_key).toBe(a.staffKey);
  });
});

/** Reads a response body to its end; resolves when the server closes it. */
async function drain(res: Response): Promise<void> {
  const reader = res.body!.getReader();
  for (;;) {
    const { done } = await reader.read().catch(() => ({ done: true }));
    if (done) return;
  }
}
