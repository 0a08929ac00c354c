/**
 * `staff:verify-pin` through `dispatchIpc` with the real handlers: the real verifier on verifiers the hub's
 * `hashPin` makes (cheap parameters), the staff key from the register's key store, and the lockout in
 * `<dataDir>/lockouts.json`, which a new handler instance on the same folder (a restart) still honours.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../hub/src/domain/secrets';
import { enrollmentFile } from '../enrollment/enrollment-file';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';
import { fileStaffKeyStore } from '../keys/staff-key-store';
import { LOCKOUT_FILE } from './lockout-file';

const HUB = 'http://hub.test:4000';
const STAFF_KEY = 'AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw';
const quick = { logN: 14, r: 8, p: 1 };
const MINUTE = 60_000;

let bobHash: string;
let aliceHash: string;
beforeAll(async () => {
  [bobHash, aliceHash] = await Promise.all([
    hashPin('1111', STAFF_KEY, quick),
    hashPin('472913', STAFF_KEY, quick),
  ]);
});

let dataDir: string;
let clock: number;
beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'till-staff-')), 'register');
  clock = Date.parse('2026-12-01T09:00:00.000Z');
});
afterEach(async () => rm(path.dirname(dataDir), { recursive: true, force: true }));

/** Enrolls the data folder with store-1 at HUB and keeps its staff key, as `register:enroll` does. */
async function enroll(): Promise<void> {
  await enrollmentFile(dataDir).save({
    hubUrl: HUB,
    registerId: 'reg-1',
    storeId: 'store-1',
    token: 'tok_0123456789abcdef',
    name: 'Till 1',
    enrolledAt: '2026-12-01T08:00:00.000Z',
  });
  await fileStaffKeyStore(dataDir).put(HUB, 'store-1', STAFF_KEY);
}

/** A register process on `dataDir`: a new call is a restart. */
function register() {
  const handlers = createIpcHandlers({
    version: '0.0.0',
    mode: 'browser',
    platform: 'linux',
    dataDir,
    demoEnrollment: null,
    now: () => new Date(clock),
    log: () => {},
  });
  return (pin: string, staff: 'bob' | 'alice' = 'bob', pinHash?: string) =>
    dispatchIpc(handlers, 'staff:verify-pin', {
      staffId: `staff-${staff}`,
      storeId: 'store-1',
      pinHash: pinHash ?? (staff === 'bob' ? bobHash : aliceHash),
      pin,
    });
}

const outcome = (result: Awaited<ReturnType<ReturnType<typeof register>>>) =>
  result.ok ? 'ok' : result.error.code;

describe('staff:verify-pin', () => {
  it('answers matches for the right PIN and pin_wrong, with the tries left, for a wrong one', async () => {
    await enroll();
    const verify = register();
    expect(await verify('1111')).toEqual({ ok: true, value: { matches: true } });
    expect(await verify('1112')).toEqual({
      ok: false,
      error: { code: 'pin_wrong', message: 'Wrong PIN. 4 tries left.', details: { attemptsLeft: 4 } },
    });
    expect(await verify('472913', 'alice')).toEqual({ ok: true, value: { matches: true } });
  });

  it('refuses a malformed PIN or payload without counting it', async () => {
    await enroll();
    const verify = register();
    for (const pin of ['11', 'abcd', '1111 ', '1234567890123']) {
      expect(outcome(await verify(pin))).toBe('pin_malformed');
    }
    expect(outcome(await verify('1111', 'bob', 'not-a-verifier'))).toBe('pin_hash_unreadable');
    expect(await verify('1112')).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
    const handlers = createIpcHandlers({
      version: '0',
      mode: 'browser',
      platform: 'linux',
      dataDir,
      demoEnrollment: null,
    });
    for (const bad of [
      { staffId: 'staff-bob', storeId: 'store-1', pinHash: bobHash },
      { staffId: 'staff-bob', storeId: 'store-1', pinHash: bobHash, pin: '1111', extra: 1 },
      { staffId: '', storeId: 'store-1', pinHash: bobHash, pin: '1111' },
    ]) {
      expect(outcome(await dispatchIpc(handlers, 'staff:verify-pin', bad))).toBe('invalid_request');
    }
  });

  it('says staff_key_missing when the register is not enrolled or holds no key for the store', async () => {
    expect(outcome(await register()('1111'))).toBe('staff_key_missing');
    await enrollmentFile(dataDir).save({
      hubUrl: HUB,
      registerId: 'reg-1',
      storeId: 'store-1',
      token: 'tok_0123456789abcdef',
      name: 'Till 1',
      enrolledAt: '2026-12-01T08:00:00.000Z',
    });
    expect(outcome(await register()('1111'))).toBe('staff_key_missing');
    await fileStaffKeyStore(dataDir).put('http://other-hub:4000', 'store-1', STAFF_KEY);
    expect(outcome(await register()('1111'))).toBe('staff_key_missing');
  });

  it('locks after 5 wrong PINs in a row, refuses even the right PIN, and a restart keeps the lock', async () => {
    await enroll();
    const verify = register();
    for (const left of [4, 3, 2, 1]) {
      expect(await verify('9999')).toMatchObject({
        error: { code: 'pin_wrong', details: { attemptsLeft: left } },
      });
    }
    const until = new Date(clock + 5 * MINUTE).toISOString();
    expect(await verify('9999')).toMatchObject({ error: { code: 'locked', details: { until } } });
    expect(await verify('1111')).toMatchObject({ error: { code: 'locked', details: { until } } });

    // A restart: a new handler map on the same folder.
    const restarted = register();
    expect(await restarted('1111')).toMatchObject({ error: { code: 'locked', details: { until } } });
    // Another staff member is not locked.
    expect(outcome(await restarted('472913', 'alice'))).toBe('ok');

    const file = path.join(dataDir, LOCKOUT_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8')).entries['store-1/staff-bob']).toMatchObject({
      lockedUntil: until,
    });
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    clock += 5 * MINUTE - 1;
    expect(outcome(await restarted('1111'))).toBe('locked');
    clock += 1;
    expect(outcome(await restarted('1111'))).toBe('ok');
    // The right PIN cleared everything: five more tries before the next lock, which is 5 minutes again.
    expect(await restarted('9999')).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
  });

  it('doubles each further lock, up to an hour', async () => {
    await enroll();
    const verify = register();
    const locks: number[] = [];
    for (let lock = 0; lock < 6; lock++) {
      let result = await verify('9999');
      while (!result.ok && result.error.code === 'pin_wrong') result = await verify('9999');
      expect(outcome(result)).toBe('locked');
      const until = !result.ok ? Date.parse(String(result.error.details?.until)) : NaN;
      locks.push((until - clock) / MINUTE);
      clock = until;
    }
    expect(locks).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    await enroll();
    const verify = register();
    for (let i = 0; i < 4; i++) await verify('9999');
    expect(outcome(await verify('1111'))).toBe('ok');
    for (let i = 0; i < 4; i++) expect(outcome(await verify('9999'))).toBe('pin_wrong');
    expect(outcome(await verify('9999'))).toBe('locked');
  });

  it('checks one at a time: wrong PINs sent at once are all counted', async () => {
    await enroll();
    const verify = register();
    const answers = await Promise.all(Array.from({ length: 7 }, () => verify('9999')));
    expect(answers.map(outcome)).toEqual([
      'pin_wrong',
      'pin_wrong',
      'pin_wrong',
      'pin_wrong',
      'locked',
      'locked',
      'locked',
    ]);
  });

  it('sets a damaged lockout file aside', async () => {
    await enroll();
    const verify = register();
    await verify('9999');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dataDir, LOCKOUT_FILE), '{"version":1,"entr');
    expect(await verify('9999')).toMatchObject({ error: { details: { attemptsLeft: 4 } } });
    expect((await readdir(dataDir)).some((f) => f.startsWith(`${LOCKOUT_FILE}.unreadable-`))).toBe(true);
  });
});
