/**
 * Back-off shared by every collection's requests to one hub: after failures, requests wait longer and
 * longer (doubling up to `maxMs`) so an unreachable hub is not hammered by a store full of registers; a
 * success resets it, and `poke()` (the event stream reconnected) ends the wait at once so a register
 * catches up the moment the hub is back rather than at its next timer.
 */

/** Options: the first delay after a failure and the ceiling. */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** Random spread (0–1) so a store's registers do not retry in lock step. */
  jitter?: number;
  random?: () => number;
}

/** Creates a back-off. */
export function createBackoff(options: BackoffOptions = {}) {
  const base = options.baseMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  let failures = 0;
  // Every request waiting now (one per collection, say): `poke` must release all of them, not the last.
  const waiting = new Set<() => void>();

  const delay = () => {
    if (failures === 0) return 0;
    const raw = Math.min(max, base * 2 ** (failures - 1));
    return Math.round(raw * (1 - jitter + 2 * jitter * random()));
  };

  return {
    /** How long the next request would wait now (ms). */
    delay,
    failures: () => failures,
    /** Waits before a request; returns at once when nothing failed. */
    wait(): Promise<void> {
      const ms = delay();
      if (ms === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        }
        waiting.add(done);
      });
    },
    fail() {
      failures += 1;
    },
    /** A request went through: the hub is up, so whatever waits behind earlier failures goes now too. */
    succeed() {
      failures = 0;
      for (const done of [...waiting]) done();
    },
    /** The hub is reachable again: reset and release every waiting request now. */
    poke() {
      failures = 0;
      for (const done of [...waiting]) done();
    },
  };
}

/** A back-off. */
export type Backoff = ReturnType<typeof createBackoff>;
