/**
 * How the shared event stream reopens a stream its source gave up on (a non-200 answer leaves an
 * EventSource CLOSED for good): later and later up to a cap, once per failure, never after close(). Driven
 * with fake timers so the delays themselves are checked, not just that a reopen happens.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEventSource, fakeSyncStream } from '../../test/support/fake-event-source';

const setUp = (reopenMs = 1_000) => fakeSyncStream(reopenMs);

/** Advances the clock to just before `ms` and then past it; returns how many sources were open at each. */
function countsAround(ms: number, sources: FakeEventSource[]): [number, number] {
  vi.advanceTimersByTime(ms - 1);
  const before = sources.length;
  vi.advanceTimersByTime(1);
  return [before, sources.length];
}

describe('reopening the sync event stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits 1 s, then 2 s, then 4 s between refusals, up to 30 s', () => {
    const { sources, latest, stream } = setUp();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      latest().refuse();
      const opened = sources.length;
      const start = Date.now();
      while (sources.length === opened) vi.advanceTimersByTime(100);
      waits.push(Date.now() - start);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    stream.close();
  });

  it('reopens exactly when the delay is up, not a millisecond before', () => {
    const { sources, latest, stream } = setUp();
    latest().refuse();
    expect(countsAround(1_000, sources)).toEqual([1, 2]);
    latest().refuse();
    expect(countsAround(2_000, sources)).toEqual([2, 3]);
    stream.close();
  });

  it('starts again from the base delay once a stream opens', () => {
    const { sources, latest, stream } = setUp();
    latest().refuse();
    vi.advanceTimersByTime(1_000);
    latest().refuse();
    vi.advanceTimersByTime(2_000);
    expect(sources).toHaveLength(3);
    latest().onopen?.({});
    latest().refuse();
    expect(countsAround(1_000, sources)).toEqual([3, 4]);
    stream.close();
  });

  it('schedules one reopen however many errors the same refusal raises', () => {
    const { sources, latest, stream } = setUp();
    latest().refuse();
    latest().onerror?.({});
    latest().onerror?.({});
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(2);
    expect(sources[0]?.closed).toBe(true);
    stream.close();
  });

  it('a network error the source retries by itself opens nothing new', () => {
    const { sources, latest, stream } = setUp();
    latest().onerror?.({});
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
    stream.close();
  });

  it('close() cancels a pending reopen and leaves no timer behind', () => {
    const { sources, latest, stream } = setUp();
    latest().refuse();
    expect(vi.getTimerCount()).toBe(1);
    stream.close();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
  });

  it('an error from the source after close() schedules nothing', () => {
    const { sources, latest, stream } = setUp();
    stream.close();
    latest().refuse();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
  });
});
