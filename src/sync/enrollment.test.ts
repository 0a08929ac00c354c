/** The replica's side of an enrollment (enrolling itself is tested in src/backend/enrollment). */
import { describe, expect, it } from 'vitest';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { redactEnrollment, replicaNameFor } from './enrollment';

const enrollment: StoredEnrollment = {
  hubUrl: 'http://127.0.0.1:4000',
  registerId: 'reg-1',
  storeId: 'store-1',
  token: 'tok_0123456789abcdefWXYZ',
  name: 'Till 1',
  enrolledAt: '2026-11-27T10:00:00.000Z',
};

describe('enrollment in the replica', () => {
  it('names one replica per hub and store', () => {
    expect(replicaNameFor(enrollment)).toMatch(/^till-[0-9a-f]{8}-store-1$/);
    expect(replicaNameFor({ ...enrollment, storeId: 'store-2' })).not.toBe(replicaNameFor(enrollment));
    expect(replicaNameFor({ ...enrollment, hubUrl: 'http://10.0.0.2:4000' })).not.toBe(
      replicaNameFor(enrollment),
    );
    const reenrolled: StoredEnrollment = { ...enrollment, registerId: 'reg-2', token: 'x'.repeat(20) };
    expect(replicaNameFor(reenrolled)).toBe(replicaNameFor(enrollment));
    expect(replicaNameFor({ ...enrollment, storeId: 'Store #1 (Downtown)' })).toMatch(
      /^till-[0-9a-f]{8}-store-1-downtown$/,
    );
  });

  it('keeps the same name from release to release, so an upgraded register finds its unsent sales', () => {
    // FNV-1a of the hub URL, eight hex digits (zero-padded), then the store: changing any of it would open
    // an empty replica beside the old one.
    expect(replicaNameFor({ hubUrl: 'a', storeId: 'store-1' })).toBe('till-e40c292c-store-1');
    expect(replicaNameFor({ hubUrl: 'http://hub.test', storeId: 'store-1' })).toBe('till-2c6ad6b0-store-1');
    expect(replicaNameFor({ hubUrl: 'http://hub-67.example:8080', storeId: 'store-1' })).toBe(
      'till-01f5d9a0-store-1',
    );
  });

  it('stays within 100 characters for a very long store id', () => {
    const name = replicaNameFor({ ...enrollment, storeId: 'flagship-'.repeat(20) });
    expect(name).toHaveLength(100);
    expect(name).toMatch(/^till-[0-9a-f]{8}-flagship-flagship-/);
  });

  it('hides the token from logs and diagnostics', () => {
    const redacted = redactEnrollment(enrollment);
    expect(redacted).toEqual({ ...enrollment, token: '…WXYZ' });
    expect(JSON.stringify(redacted)).not.toContain('0123456789');
  });
});
