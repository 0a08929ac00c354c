/**
 * The expiry job's timing, with the clock moved by hand: it runs every `everyMs` (not at once), never starts
 * a run while the last one is still going (two runs would race for the same orders and stall the pool on a
 * slow database), reports a failed run and tries again at the next tick, and stops when told to.
 *
 * Stood in: the database and the repositories — a transaction that finishes (or fails) only when the test
 * says so, finding no order due. What a run does to real orders (expired, released, refunded, the store
 * told) is tested against a real hub in hub/test/fulfilment-moves.test.ts and hub/test/fulfilment.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startExpiryJob } from './fulfilment-expiry';
import type { MoveContext } from './fulfilment-moves';

const EVERY_MS = 60_000;

/** A context whose runs each wait for the test to finish or fail them; counts the runs started. */
function standIn() {
  const runs: { finish: () => void; fail: (err: Error) => void }[] = [];
  const ctx = {
    db: {
      transaction: <T>(fn: (tx: unknown) => Promise<T>) =>
        new Promise<T>((resolve, reject) => {
          runs.push({
            finish: () => void fn({}).then(resolve, reject),
            fail: reject,
          });
        }),
    },
    repos: { webOrders: { lockExpired: async () => [] } },
    gateway: {},
  } as unknown as MoveContext;
  return { ctx, runs };
}

describe('the expiry job', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    stop?.();
    stop = null;
    vi.useRealTimers();
  });

  it('runs once every period, starting one period after it was started', async () => {
    const { ctx, runs } = standIn();
    const onError = vi.fn();
    stop = startExpiryJob(ctx, EVERY_MS, onError);
    await vi.advanceTimersByTimeAsync(EVERY_MS - 1);
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(2);
    runs[1]?.finish();
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(3);
    expect(onError).not.toHaveBeenCalled();
  });

  it('skips the ticks that come while a run is still going, and runs again once it has finished', async () => {
    const { ctx, runs } = standIn();
    stop = startExpiryJob(ctx, EVERY_MS, vi.fn());
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(1);
    // A slow run: three more ticks pass while it is still going.
    await vi.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(runs).toHaveLength(1);
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    // Finishing starts nothing by itself: the next run waits for the next tick.
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(2);
  });

  it('reports a failed run with its error and runs again at the next tick', async () => {
    const { ctx, runs } = standIn();
    const onError = vi.fn();
    stop = startExpiryJob(ctx, EVERY_MS, onError);
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    const failure = new Error('connection terminated');
    runs[0]?.fail(failure);
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(failure);
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(2);
    runs[1]?.finish();
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    expect(runs).toHaveLength(3);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('runs no more once stopped', async () => {
    const { ctx, runs } = standIn();
    const stopJob = startExpiryJob(ctx, EVERY_MS, vi.fn());
    await vi.advanceTimersByTimeAsync(EVERY_MS);
    runs[0]?.finish();
    await vi.advanceTimersByTimeAsync(0);
    stopJob();
    await vi.advanceTimersByTimeAsync(10 * EVERY_MS);
    expect(runs).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
