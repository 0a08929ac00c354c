/**
 * Where the register keeps its stores' staff keys: the 0600 file of browser mode, the same file with
 * each key sealed by the OS under Electron, and the fall-back (with a notice) when the OS cannot seal.
 * The OS's sealing is Electron's `safeStorage`, absent under Node; `sealer` below stands in for it with
 * AES-256-GCM under a per-"account" key, so sealing, and failing to unseal on another account, are real.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEventPayload } from '@till/shared/ipc/contract';
import { STAFF_KEY_FILE } from './key-file';
import { UNPROTECTED_KEY_NOTICE, openStaffKeyStore } from './open-staff-key-store';
import { type KeyEncryptor, fileStaffKeyStore, safeStorageStaffKeyStore } from './staff-key-store';

const HUB = 'http://hub.local:4000';
const KEY_1 = 'AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw';
const KEY_2 = 'ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8';

/** An OS account's sealing: AES-256-GCM under a key only that "account" has. */
function sealer(options: { available?: boolean; backend?: string } = {}): KeyEncryptor {
  const secret = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
    ...(options.backend && { getSelectedStorageBackend: () => options.backend as string }),
  };
}

let dataDir: string;
const logged: string[] = [];
const log = (line: string) => logged.push(line);
beforeEach(async () => {
  dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'till-keys-')), 'register');
  logged.length = 0;
});
afterEach(async () => rm(path.dirname(dataDir), { recursive: true, force: true }));

const fileText = () => readFile(path.join(dataDir, STAFF_KEY_FILE), 'utf8');

describe('the key file (browser mode)', () => {
  it('keeps a key per hub and store, across instances, and replaces a store’s key', async () => {
    expect(await fileStaffKeyStore(dataDir, log).get(HUB, 'store-1')).toBeNull();
    await fileStaffKeyStore(dataDir, log).put(HUB, 'store-1', KEY_1);
    await fileStaffKeyStore(dataDir, log).put(HUB, 'store-2', KEY_2);
    await fileStaffKeyStore(dataDir, log).put('http://other:4000', 'store-1', KEY_2);
    const store = fileStaffKeyStore(dataDir, log);
    expect(store.protection).toBe('file');
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
    expect(await store.get(HUB, 'store-2')).toBe(KEY_2);
    expect(await store.get('http://other:4000', 'store-1')).toBe(KEY_2);
    await store.put(HUB, 'store-1', KEY_2);
    expect(await fileStaffKeyStore(dataDir, log).get(HUB, 'store-1')).toBe(KEY_2);
    expect(JSON.parse(await fileText()).keys).toHaveLength(3);
  });

  it('is readable by this account only, and leaves no temp file behind', async () => {
    const store = fileStaffKeyStore(dataDir, log);
    await Promise.all([store.put(HUB, 'store-1', KEY_1), store.put(HUB, 'store-2', KEY_2)]);
    expect(store.path).toBe(path.join(dataDir, STAFF_KEY_FILE));
    if (process.platform !== 'win32') {
      expect((await stat(store.path)).mode & 0o777).toBe(0o600);
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    }
    expect(await readdir(dataDir)).toEqual([STAFF_KEY_FILE]);
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
    expect(await store.get(HUB, 'store-2')).toBe(KEY_2);
  });

  it('refuses a key that is not 32 bytes of base64url, and keeps what it had', async () => {
    const store = fileStaffKeyStore(dataDir, log);
    await store.put(HUB, 'store-1', KEY_1);
    for (const bad of ['', 'short', `${KEY_1}=`, KEY_1.replace('A', '+')]) {
      await expect(store.put(HUB, 'store-1', bad)).rejects.toThrow();
    }
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
  });

  it('sets a damaged file aside and says so', async () => {
    await fileStaffKeyStore(dataDir, log).put(HUB, 'store-1', KEY_1);
    await writeFile(path.join(dataDir, STAFF_KEY_FILE), '{"version":1,"keys":[{"hub');
    expect(await fileStaffKeyStore(dataDir, log).get(HUB, 'store-1')).toBeNull();
    expect((await readdir(dataDir))[0]).toMatch(/^staff-keys\.json\.unreadable-\d+$/);
    expect(logged.join('\n')).toContain('Enroll again');
    await fileStaffKeyStore(dataDir, log).put(HUB, 'store-1', KEY_2);
    expect(await fileStaffKeyStore(dataDir, log).get(HUB, 'store-1')).toBe(KEY_2);
  });
});

describe('keys sealed by the OS (Electron safeStorage)', () => {
  it('never writes the key itself, and reads it back on the same account', async () => {
    const account = sealer();
    await safeStorageStaffKeyStore(dataDir, account, log).put(HUB, 'store-1', KEY_1);
    const text = await fileText();
    expect(text).not.toContain(KEY_1);
    expect(JSON.parse(text).keys[0]).toMatchObject({ protection: 'safe-storage', storeId: 'store-1' });
    const store = safeStorageStaffKeyStore(dataDir, account, log);
    expect(store.protection).toBe('safe-storage');
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
  });

  it('yields nothing to another account, or to browser mode, with the same file', async () => {
    await safeStorageStaffKeyStore(dataDir, sealer(), log).put(HUB, 'store-1', KEY_1);
    expect(await safeStorageStaffKeyStore(dataDir, sealer(), log).get(HUB, 'store-1')).toBeNull();
    expect(await fileStaffKeyStore(dataDir, log).get(HUB, 'store-1')).toBeNull();
    expect(logged.join('\n')).toContain('cannot be read here');
  });

  it('reads a key kept plain before, and seals it when it is saved again', async () => {
    const account = sealer();
    await fileStaffKeyStore(dataDir, log).put(HUB, 'store-1', KEY_1);
    const store = safeStorageStaffKeyStore(dataDir, account, log);
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
    await store.put(HUB, 'store-1', KEY_1);
    expect(await fileText()).not.toContain(KEY_1);
    expect(await store.get(HUB, 'store-1')).toBe(KEY_1);
  });
});

describe('openStaffKeyStore', () => {
  const open = (encryptor?: KeyEncryptor) => {
    const notices: IpcEventPayload<'app:notice'>[] = [];
    const store = openStaffKeyStore({
      dataDir,
      ...(encryptor && { encryptor }),
      onNotice: (n) => notices.push(n),
      log,
    });
    return { store, notices };
  };

  it('uses the plain file in browser mode, without a notice', async () => {
    const { store, notices } = open();
    await store.put(HUB, 'store-1', KEY_1);
    expect(store.protection).toBe('file');
    expect(notices).toEqual([]);
  });

  it('seals when Electron can', async () => {
    const { store, notices } = open(sealer({ backend: 'gnome_libsecret' }));
    await store.put(HUB, 'store-1', KEY_1);
    expect(store.protection).toBe('safe-storage');
    expect(await fileText()).not.toContain(KEY_1);
    expect(notices).toEqual([]);
  });

  it('falls back to the file, and says so, when the OS cannot seal or has no keyring', async () => {
    for (const encryptor of [sealer({ available: false }), sealer({ backend: 'basic_text' })]) {
      const { store, notices } = open(encryptor);
      expect(store.protection).toBe('file');
      await store.put(HUB, 'store-1', KEY_1);
      expect(await fileText()).toContain(KEY_1);
      expect(notices).toEqual([UNPROTECTED_KEY_NOTICE]);
      if (process.platform !== 'win32') expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    }
    expect(logged.join('\n')).toMatch(/cannot encrypt[\s\S]*basic_text/);
  });
});
