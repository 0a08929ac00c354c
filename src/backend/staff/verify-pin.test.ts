/**
 * The register's PIN check against verifiers the hub makes: `hashPin` on the hub side, `verifyPin` here
 * (the derivation is written in both places, so this is what keeps them in step), fixed vectors that pin
 * the format down, legacy verifiers, and the demo seed's verifiers read back from a real hub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../hub/src/domain/secrets';
import { DEMO_STAFF } from '../../../hub/src/domain/seed';
import { type TestHub, startHub } from '../../../test/support/hub';
import { verifyPin } from './verify-pin';

const staffKey = 'AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw';
const otherKey = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';
/** Cheaper parameters for the tests of the format; the real ones are tested on the seed below. */
const quick = { logN: 14, r: 8, p: 1 };

/** Made once by the hub's `hashPin('472913', staffKey, quick)`: the format may not drift on either side. */
const TILL2_VECTOR = 'till2$ln=14,r=8,p=1$hTXuDkNGoNPjW-WfeVNAzA$KvNyyA-DAGkPPEZ6VnuKPcwg0SPpmS7RrM5tgAfQRZk';
/** The same PIN with the parameters new verifiers get (N = 2^17). */
const TILL2_VECTOR_17 =
  'till2$ln=17,r=8,p=1$1OxCJuUVBLc5VS0gPwJQ9g$YraxeldcKNb1mKVLemt0rTihCs2mPStMAq_WdkbeYc0';
/** Made by the hub's former `hashPin('1111')` (scrypt$, N = 2^14, no key), as existing databases hold. */
const LEGACY_VECTOR = 'scrypt$1Y98KXiKh2yR5OK9ELsEgA==$X5l+FH98YRND7ChVIi7ODDwS30XMye0Dd3i4kIsZauY=';

describe('verifyPin', () => {
  it('accepts the PIN of a verifier the hub made, and nothing else', async () => {
    const stored = await hashPin('409617', staffKey, quick);
    expect(await verifyPin(stored, '409617', staffKey)).toEqual({
      ok: true,
      value: { matches: true, legacy: false },
    });
    for (const wrong of ['409618', '4096170', '0409617', '1111']) {
      expect(await verifyPin(stored, wrong, staffKey)).toEqual({
        ok: true,
        value: { matches: false, legacy: false },
      });
    }
  });

  it('needs the store that made it: another store’s key does not match', async () => {
    const stored = await hashPin('409617', staffKey, quick);
    expect(await verifyPin(stored, '409617', otherKey)).toEqual({
      ok: true,
      value: { matches: false, legacy: false },
    });
  });

  it('verifies the fixed vectors, with the parameters each verifier names', async () => {
    expect(await verifyPin(TILL2_VECTOR, '472913', staffKey)).toMatchObject({ value: { matches: true } });
    expect(await verifyPin(TILL2_VECTOR, '472914', staffKey)).toMatchObject({ value: { matches: false } });
    expect(await verifyPin(TILL2_VECTOR_17, '472913', staffKey)).toMatchObject({ value: { matches: true } });
  });

  it('still verifies legacy scrypt$ verifiers, without a key, and says they are legacy', async () => {
    expect(await verifyPin(LEGACY_VECTOR, '1111', null)).toEqual({
      ok: true,
      value: { matches: true, legacy: true },
    });
    expect(await verifyPin(LEGACY_VECTOR, '1112', staffKey)).toEqual({
      ok: true,
      value: { matches: false, legacy: true },
    });
  });

  it('answers coded errors, without computing anything, when it cannot check', async () => {
    const code = async (pinHash: string, pin: string, key: string | null) => {
      const result = await verifyPin(pinHash, pin, key);
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code(TILL2_VECTOR, '472913', null)).toBe('staff_key_missing');
    expect(await code(TILL2_VECTOR, '472913', 'not-a-key')).toBe('staff_key_invalid');
    expect(await code(TILL2_VECTOR, '47 913', staffKey)).toBe('pin_malformed');
    expect(await code(TILL2_VECTOR, '123', staffKey)).toBe('pin_malformed');
    expect(await code(TILL2_VECTOR, '1234567890123', staffKey)).toBe('pin_malformed');
    expect(await code('472913', '472913', staffKey)).toBe('pin_hash_unreadable');
    // A verifier asking for 2^22 · 8 · 128 bytes (4 GiB) is refused, not run.
    expect(await code(TILL2_VECTOR.replace('ln=14', 'ln=22'), '472913', staffKey)).toBe(
      'pin_hash_unreadable',
    );
  });

  it('answers each of many checks asked at once', async () => {
    const stored = await hashPin('5550', staffKey, quick);
    const answers = await Promise.all(
      ['5550', '5551', '5550', '0555'].map((pin) => verifyPin(stored, pin, staffKey)),
    );
    expect(answers.map((a) => a.ok && a.value.matches)).toEqual([true, false, true, false]);
  });
});

describe('the demo seed’s verifiers', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub('pglite', {}, { productionPins: true });
  });
  afterAll(async () => hub?.close());

  it('are till2 verifiers with the current parameters, keyed by their store’s staff key', async () => {
    const rows = await hub.db.query<{ id: string; pin_hash: string; staff_key: string }>(
      'SELECT s.id, s.pin_hash, st.staff_key FROM staff s JOIN stores st ON st.id = s.store_id',
    );
    expect(rows.map((r) => r.id).sort()).toEqual(DEMO_STAFF.map((s) => s.id).sort());
    for (const row of rows) {
      const demo = DEMO_STAFF.find((s) => s.id === row.id);
      expect(row.pin_hash).toMatch(/^till2\$ln=17,r=8,p=1\$/);
      expect(row.pin_hash).not.toContain(demo?.pin);
      expect(await verifyPin(row.pin_hash, demo?.pin ?? '', row.staff_key)).toEqual({
        ok: true,
        value: { matches: true, legacy: false },
      });
    }
    // Alice's PIN under Carla's store key: the stores' keys differ, so it does not match.
    const alice = rows.find((r) => r.id === 'staff-alice');
    const carla = rows.find((r) => r.id === 'staff-carla');
    expect(alice?.staff_key).not.toBe(carla?.staff_key);
    expect(await verifyPin(alice?.pin_hash ?? '', '472913', carla?.staff_key ?? null)).toMatchObject({
      value: { matches: false },
    });
  });
});
