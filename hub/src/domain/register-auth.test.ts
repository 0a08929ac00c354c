/**
 * The token cache's rules, with a counting stand-in for the registers repository (the real look-up,
 * revocation across hub processes and the 401 it gives are tested in hub/test/enrollment-access.test.ts
 * and hub/test/revocation-processes.test.ts): a known token is looked up once per lifetime, an unknown
 * one every time, a revocation drops it at once even while a look-up is running, and contact is written
 * at most every two seconds, again soon after a write fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistersRepository } from '../repositories/registers';
import { RegisterAuth, type RegisterIdentity } from './register-auth';
import { hashToken } from './secrets';

/** Registers by token, counting look-ups and contacts; `hold` makes the next look-up wait. */
class FakeRegisters {
  readonly tokens = new Map<string, RegisterIdentity>();
  lookups = 0;
  touches: string[] = [];
  failTouch = false;
  private held: Promise<void> | null = null;

  async byTokenHash(hash: string): Promise<RegisterIdentity | null> {
    this.lookups += 1;
    if (this.held) await this.held;
    for (const [token, identity] of this.tokens) if (hashToken(token) === hash) return identity;
    return null;
  }

  async touch(registerId: string): Promise<void> {
    this.touches.push(registerId);
    if (this.failTouch) throw new Error('database down');
  }

  /** The next look-ups wait until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise((resolve) => {
      release = () => {
        this.held = null;
        resolve();
      };
    });
    return release;
  }
}

const A1 = { registerId: 'reg-a', storeId: 'store-1' };
const B1 = { registerId: 'reg-b', storeId: 'store-1' };

let registers: FakeRegisters;
let auth: RegisterAuth;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z'), toFake: ['Date'] });
  registers = new FakeRegisters();
  registers.tokens.set('till_a', A1);
  registers.tokens.set('till_a2', A1);
  registers.tokens.set('till_b', B1);
  auth = new RegisterAuth(registers as unknown as RegistersRepository);
});

afterEach(() => vi.useRealTimers());

describe('RegisterAuth.identify', () => {
  it('answers a known token from the cache for ten seconds, then asks again', async () => {
    expect(await auth.identify('till_a')).toEqual(A1);
    expect(await auth.identify('till_a')).toEqual(A1);
    expect(registers.lookups).toBe(1);
    vi.advanceTimersByTime(10_000);
    await auth.identify('till_a');
    expect(registers.lookups).toBe(1);
    vi.advanceTimersByTime(1);
    await auth.identify('till_a');
    expect(registers.lookups).toBe(2);
  });

  it('gives null for an unknown token, asking every time (a token enrolled since must work at once)', async () => {
    expect(await auth.identify('till_new')).toBeNull();
    registers.tokens.set('till_new', B1);
    expect(await auth.identify('till_new')).toEqual(B1);
    expect(registers.lookups).toBe(2);
  });

  it('stops answering a cached token once the database no longer knows it and the cache has expired', async () => {
    await auth.identify('till_a');
    registers.tokens.delete('till_a');
    vi.advanceTimersByTime(10_001);
    expect(await auth.identify('till_a')).toBeNull();
    // Nothing stale is kept: the next call asks again.
    expect(await auth.identify('till_a')).toBeNull();
    expect(registers.lookups).toBe(3);
  });
});

describe('RegisterAuth.forget', () => {
  it('drops every cached token of that register and no other', async () => {
    for (const token of ['till_a', 'till_a2', 'till_b']) await auth.identify(token);
    registers.tokens.delete('till_a');
    registers.tokens.delete('till_a2');
    auth.forget('reg-a');
    expect(await auth.identify('till_a')).toBeNull();
    expect(await auth.identify('till_a2')).toBeNull();
    const before = registers.lookups;
    expect(await auth.identify('till_b')).toEqual(B1);
    expect(registers.lookups).toBe(before);
  });

  it('does not cache an answer whose look-up ran alongside a revocation', async () => {
    const release = registers.hold();
    const racing = auth.identify('till_a');
    auth.forget('reg-a');
    release();
    // The request that raced the revocation is answered…
    expect(await racing).toEqual(A1);
    // …but the next one asks the database, which now says revoked.
    registers.tokens.delete('till_a');
    expect(await auth.identify('till_a')).toBeNull();
    expect(registers.lookups).toBe(2);
  });

  it('caches again once no revocation races the look-up', async () => {
    auth.forget('reg-a');
    await auth.identify('till_a');
    await auth.identify('till_a');
    expect(registers.lookups).toBe(1);
  });
});

describe('RegisterAuth.forgetAll', () => {
  it('drops every cached token, and an answer that raced it is not kept', async () => {
    await auth.identify('till_a');
    await auth.identify('till_b');
    auth.forgetAll();
    await auth.identify('till_a');
    await auth.identify('till_b');
    expect(registers.lookups).toBe(4);

    const release = registers.hold();
    vi.advanceTimersByTime(10_001);
    const racing = auth.identify('till_a');
    auth.forgetAll();
    release();
    await racing;
    await auth.identify('till_a');
    expect(registers.lookups).toBe(6);
  });
});

describe('RegisterAuth contact', () => {
  it('writes contact on the first request, then at most every two seconds per register', async () => {
    await auth.identify('till_a');
    await auth.identify('till_a');
    await auth.identify('till_b');
    expect(registers.touches).toEqual(['reg-a', 'reg-b']);
    vi.advanceTimersByTime(1_999);
    await auth.identify('till_a');
    expect(registers.touches).toEqual(['reg-a', 'reg-b']);
    vi.advanceTimersByTime(1);
    await auth.identify('till_a');
    expect(registers.touches).toEqual(['reg-a', 'reg-b', 'reg-a']);
  });

  it('writes contact again on the next request after a write failed', async () => {
    registers.failTouch = true;
    auth.touch('reg-a');
    await vi.waitFor(() => expect(registers.touches).toEqual(['reg-a']));
    registers.failTouch = false;
    // The failure's clean-up runs after the rejected write settles.
    await new Promise((resolve) => setImmediate(resolve));
    auth.touch('reg-a');
    expect(registers.touches).toEqual(['reg-a', 'reg-a']);
  });

  it('counts an unknown token as no contact', async () => {
    await auth.identify('till_unknown');
    expect(registers.touches).toEqual([]);
  });
});
