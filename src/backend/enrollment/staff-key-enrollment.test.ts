/**
 * Enrollment and the store's staff key: the key in the hub's answer goes to the key store — not into
 * `enrollment.json`, not to the page — and with it the register checks the PINs of the staff it pulls.
 * Against a real hub (PGlite), through `dispatchIpc` as both process hosts call it.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { staffSchema } from '@till/shared/schemas/staff';
import { type TestHub, auth, startHub } from '../../../test/support/hub';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';
import { fileStaffKeyStore } from '../keys/staff-key-store';
import { verifyPin } from '../staff/verify-pin';
import { enrollRegister } from './enroll-register';
import { ENROLLMENT_FILE, enrollmentFile } from './enrollment-file';

let hub: TestHub;
let hubUrl: string;
beforeAll(async () => {
  hub = await startHub('pglite');
  hubUrl = await hub.listen();
});
afterAll(async () => hub?.close());

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'till-staff-key-'));
});
afterEach(async () => rm(dataDir, { recursive: true, force: true }));

const storeKey = async (storeId: string) =>
  (await hub.db.query<{ staff_key: string }>('SELECT staff_key FROM stores WHERE id = $1', [storeId]))[0]
    ?.staff_key;

describe('enrolling keeps the staff key apart', () => {
  it('stores the hub’s key for the store, and neither the page nor enrollment.json sees it', async () => {
    const handlers = createIpcHandlers({
      ...{ version: '1.0.0', mode: 'browser', platform: 'linux', dataDir, demoEnrollment: null },
    });
    const answer = await dispatchIpc(handlers, 'register:enroll', {
      hubUrl,
      code: 'DEMO-S1-R1',
      name: 'Till 1',
      pendingSales: 0,
    });
    expect(answer).toMatchObject({ ok: true, value: { storeId: 'store-1' } });
    const key = await storeKey('store-1');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await fileStaffKeyStore(dataDir).get(hubUrl, 'store-1')).toBe(key);
    expect(JSON.stringify(answer)).not.toContain(key);
    expect(await readFile(path.join(dataDir, ENROLLMENT_FILE), 'utf8')).not.toContain(key);
    expect((await readdir(dataDir)).sort()).toEqual([ENROLLMENT_FILE, 'staff-keys.json']);

    // With it, the register checks the PINs of the staff it pulls with its token.
    const token = (answer.ok && (answer.value as StoredEnrollment).token) || '';
    const pull = await hub.app.inject({ url: '/api/v1/sync/staff/pull', headers: auth(token) });
    const staff = staffSchema.array().parse(pull.json().documents);
    const alice = staff.find((s) => s.id === 'staff-alice');
    const held = await fileStaffKeyStore(dataDir).get(hubUrl, 'store-1');
    expect(await verifyPin(alice?.pinHash ?? '', '472913', held)).toEqual({
      ok: true,
      value: { matches: true, legacy: false },
    });
    expect(await verifyPin(alice?.pinHash ?? '', '472914', held)).toMatchObject({
      value: { matches: false },
    });
  });

  it('keeps one key per store when the register moves, and the demo enrollment brings its key too', async () => {
    const handlers = createIpcHandlers({
      ...{ version: '1.0.0', mode: 'browser', platform: 'linux', dataDir },
      demoEnrollment: { hubUrl, code: 'DEMO-S2-R1' },
    });
    expect(await dispatchIpc(handlers, 'register:enrollment', undefined)).toMatchObject({
      ok: true,
      value: { storeId: 'store-2' },
    });
    await dispatchIpc(handlers, 'register:enroll', {
      ...{ hubUrl, code: 'DEMO-S1-R2', name: 'Till 1', pendingSales: 0 },
    });
    const keys = fileStaffKeyStore(dataDir);
    expect(await keys.get(hubUrl, 'store-2')).toBe(await storeKey('store-2'));
    expect(await keys.get(hubUrl, 'store-1')).toBe(await storeKey('store-1'));
  });
});

describe('enrollRegister and the staff key of an answer', () => {
  it('stores neither the enrollment nor the key when the key is not 32 bytes', async () => {
    for (const staffKey of ['short', `${'A'.repeat(43)}=`, 'A'.repeat(42) + '+']) {
      const attempt = enrollRegister({
        store: enrollmentFile(dataDir),
        staffKeys: fileStaffKeyStore(dataDir),
        ...{ hubUrl: 'http://hub.local:4000', code: 'CODE-1234', name: 'Till 1', pendingSales: 0 },
        // The hub's answer is checked with the protocol's schema first; this one skips that check.
        enroll: async () => ({
          ok: true,
          value: { registerId: 'reg-1', storeId: 'store-1', token: 'till_0123456789abcdef0123', staffKey },
        }),
      });
      await expect(attempt).rejects.toThrow('staff key');
    }
    expect(await readdir(dataDir)).toEqual([]);
  });
});
