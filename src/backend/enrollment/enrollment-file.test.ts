/** The enrollment file: round trip, private to this account, atomic, and a damaged file set aside. */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { ENROLLMENT_FILE, enrollmentFile } from './enrollment-file';

const enrollment: StoredEnrollment = {
  hubUrl: 'http://127.0.0.1:4000',
  registerId: 'reg-1',
  storeId: 'store-1',
  token: 'tok_0123456789abcdef',
  name: 'Till 1',
  enrolledAt: '2026-11-27T10:00:00.000Z',
};

let root: string;
let dataDir: string;
const logged: string[] = [];
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'till-enrollment-'));
  // A folder that does not exist yet: the first save creates it.
  dataDir = path.join(root, 'data', 'register');
  logged.length = 0;
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const open = () => enrollmentFile(dataDir, (line) => logged.push(line));

describe('the enrollment file', () => {
  it('has nothing before the first save, then keeps the enrollment across instances', async () => {
    expect(await open().load()).toBeNull();
    await open().save(enrollment);
    expect(await open().load()).toEqual(enrollment);
    const next = { ...enrollment, token: 'tok_fedcba9876543210', registerId: 'reg-2' };
    await open().save(next);
    expect(await open().load()).toEqual(next);
  });

  it('is readable by this account only, and leaves no temp file behind', async () => {
    const file = open();
    await file.save(enrollment);
    await file.save({ ...enrollment, name: 'Till 2' });
    expect(file.path).toBe(path.join(dataDir, ENROLLMENT_FILE));
    if (process.platform !== 'win32') expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual([ENROLLMENT_FILE]);
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toMatchObject({ name: 'Till 2' });
  });

  it('refuses to save an enrollment that breaks its schema, and keeps the old one', async () => {
    await open().save(enrollment);
    await expect(open().save({ ...enrollment, token: 'short' })).rejects.toThrow();
    expect(await open().load()).toEqual(enrollment);
    expect(await readdir(dataDir)).toEqual([ENROLLMENT_FILE]);
  });

  it('sets a damaged file aside and says so, so the register can enroll again', async () => {
    await open().save(enrollment);
    await writeFile(path.join(dataDir, ENROLLMENT_FILE), '{"hubUrl": "http://x", "tok');
    expect(await open().load()).toBeNull();
    const files = await readdir(dataDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^enrollment\.json\.unreadable-\d+$/);
    expect(logged.join('\n')).toContain('must enroll again');
    // And a valid file with the wrong shape is no better than a broken one.
    await writeFile(path.join(dataDir, ENROLLMENT_FILE), JSON.stringify({ ...enrollment, storeId: 7 }));
    expect(await open().load()).toBeNull();
    await open().save(enrollment);
    expect(await open().load()).toEqual(enrollment);
  });
});
