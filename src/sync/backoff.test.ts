import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff';

describe('back-off', () => {
  it('doubles after each failure up to the ceiling and resets on success', () => {
    const b = createBackoff({ baseMs: 100, maxMs: 1000, jitter: 0 });
    expect(b.delay()).toBe(0);
    b.fail();
    expect(b.delay()).toBe(100);
    b.fail();
    b.fail();
    expect(b.delay()).toBe(400);
    for (let i = 0; i < 10; i++) b.fail();
    expect(b.delay()).toBe(1000);
    b.succeed();
    expect(b.delay()).toBe(0);
  });

  it('spreads retries with jitter', () => {
    const low = createBackoff({ baseMs: 1000, jitter: 0.2, random: () => 0 });
    const high = createBackoff({ baseMs: 1000, jitter: 0.2, random: () => 1 });
    low.fail();
    high.fail();
    expect(low.delay()).toBe(800);
    expect(high.delay()).toBe(1200);
  });

  it('poke releases a waiting request at once', async () => {
    const b = createBackoff({ baseMs: 60_000, jitter: 0 });
    b.fail();
    let released = false;
    const waiting = b.wait().then(() => (released = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(released).toBe(false);
    b.poke();
    await waiting;
    expect(released).toBe(true);
    expect(b.delay()).toBe(0);
  });

  it('poke and a success release every waiting request, not only the last', async () => {
    for (const release of ['poke', 'succeed'] as const) {
      const b = createBackoff({ baseMs: 60_000, jitter: 0 });
      b.fail();
      const released: number[] = [];
      const waits = [1, 2, 3].map((n) => b.wait().then(() => released.push(n)));
      await new Promise((r) => setTimeout(r, 20));
      expect(released).toEqual([]);
      b[release]();
      await Promise.all(waits);
      expect(released.sort()).toEqual([1, 2, 3]);
    }
  });
});
