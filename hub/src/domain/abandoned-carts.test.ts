/**
 * The background cart sweeper's timing and failure rules, with a recording stand-in for the carts
 * repository and Vitest's clock (marking carts against a real database is tested in
 * hub/test/storefront-webstore.test.ts): it sweeps every tenth of the abandoned-cart time, kept between
 * one second and one minute, with the cut-off that time before the clock; a failed sweep is reported and
 * the next one still runs; stopping ends the sweeps and waits for the one in progress.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DomainContext } from './context';
import { abandonedBefore, startCartSweeper } from './abandoned-carts';

const NOW = new Date('2026-12-02T10:00:00Z');

/** A carts repository that records each sweep; `fail` makes the next sweeps throw. */
function recordingCarts() {
  const sweeps: { before: string; now: string; customerId: string | null }[] = [];
  const carts = {
    fail: false,
    gate: null as Promise<void> | null,
    sweeps,
    async markAbandoned(before: Date, now: Date, customerId: string | null = null) {
      if (carts.gate) await carts.gate;
      if (carts.fail) throw new Error('database away');
      sweeps.push({ before: before.toISOString(), now: now.toISOString(), customerId });
      return 0;
    },
  };
  return { carts, ctx: { repos: { carts } } as unknown as Pick<DomainContext, 'repos'> };
}

beforeEach(() => vi.useFakeTimers({ now: NOW }));
afterEach(() => vi.useRealTimers());

describe('abandonedBefore', () => {
  it('is the abandoned-cart time (fractions of a minute too) before now', () => {
    expect(abandonedBefore({ abandonedCartMinutes: 30 }, NOW).toISOString()).toBe('2026-12-02T09:30:00.000Z');
    expect(abandonedBefore({ abandonedCartMinutes: 0.5 }, NOW).toISOString()).toBe(
      '2026-12-02T09:59:30.000Z',
    );
  });
});

describe('startCartSweeper', () => {
  it.each([
    [30, 60_000],
    [5, 30_000],
    [0.05, 1_000],
  ])('with carts abandoned after %s min, sweeps every %s ms', async (minutes, intervalMs) => {
    const { carts, ctx } = recordingCarts();
    const sweeper = startCartSweeper(ctx, { abandonedCartMinutes: minutes }, () => {});
    await vi.advanceTimersByTimeAsync(intervalMs - 1);
    expect(carts.sweeps).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(carts.sweeps).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(intervalMs);
    expect(carts.sweeps).toHaveLength(2);
    await sweeper.stop();
  });

  it('sweeps every cart (no customer) with the cut-off taken from the clock it is given', async () => {
    const { carts, ctx } = recordingCarts();
    const clock = () => new Date('2030-01-01T12:00:00Z');
    const sweeper = startCartSweeper(ctx, { abandonedCartMinutes: 30 }, () => {}, clock);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(carts.sweeps).toEqual([
      { before: '2030-01-01T11:30:00.000Z', now: '2030-01-01T12:00:00.000Z', customerId: null },
    ]);
    await sweeper.stop();
  });

  it('reports a failed sweep and sweeps again at the next tick', async () => {
    const { carts, ctx } = recordingCarts();
    const errors: unknown[] = [];
    const sweeper = startCartSweeper(ctx, { abandonedCartMinutes: 5 }, (err) => errors.push(err));
    carts.fail = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(errors).toEqual([new Error('database away')]);
    carts.fail = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(carts.sweeps).toHaveLength(1);
    await sweeper.stop();
  });

  it('stops sweeping once stopped, after the sweep in progress has finished', async () => {
    const { carts, ctx } = recordingCarts();
    const sweeper = startCartSweeper(ctx, { abandonedCartMinutes: 5 }, () => {});
    let open = () => {};
    carts.gate = new Promise((resolve) => {
      open = resolve;
    });
    await vi.advanceTimersByTimeAsync(30_000);
    let stopped = false;
    const stopping = sweeper.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    carts.gate = null;
    open();
    await stopping;
    expect(carts.sweeps).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(carts.sweeps).toHaveLength(1);
  });
});
