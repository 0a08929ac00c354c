/**
 * An in-process attempt limiter for enrollment (routes/enroll.ts): at most `limit` counted (refused)
 * attempts per key in a sliding window. Attempts whose outcome is not known yet are in flight, and
 * `counted + in flight` never exceeds the limit: an attempt that would pass it waits for one in flight to
 * settle — so a thousand guesses sent at once cannot slip through before the first answer, while twenty
 * good enrollments sent at once all go through (each success frees its place). Once the counted ones alone
 * reach the limit, attempts are refused with the seconds until the oldest leaves the window.
 *
 * Not `@fastify/rate-limit`: it counts every request of a route and keys on what is known before the body,
 * while enrollment must count failures only (a shop enrolling twenty registers from one address is not an
 * attack) and also key on the code inside the body. Each hub process counts for itself, so N processes
 * behind one address allow N times the limit; that still turns 2,000 guesses a second into a handful.
 */
import { isIP } from 'node:net';
import type { AttemptLimit } from '../config';

/** An admitted attempt: settle it once, saying whether it counts (it was refused). */
export interface Attempt {
  settle(counted: boolean): void;
}

/** The limiter's answer: an admitted attempt, or how long until one may be made. */
export type Admission = { ok: true; attempt: Attempt } | { ok: false; retryAfterSeconds: number };

/** Attempts waiting for a place, per key, at most (more are refused at once). */
const MAX_WAITING = 100;

interface KeyState {
  counted: number[];
  inFlight: number;
  waiting: { admit: () => void; refuse: (retryAfterSeconds: number) => void }[];
}

/** Sliding-window attempt counting per key. */
export class AttemptLimiter {
  private readonly keys = new Map<string, KeyState>();
  private lastSweep = 0;

  constructor(
    private readonly setting: AttemptLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits an attempt for `key` (perhaps after a wait), or refuses it; an aborted wait is refused. */
  take(key: string, signal?: AbortSignal): Promise<Admission> {
    if (this.setting.limit <= 0) return Promise.resolve({ ok: true, attempt: { settle: () => undefined } });
    this.sweep();
    const state = this.state(key);
    const retryAfter = this.retryAfter(state);
    if (retryAfter !== null) return Promise.resolve({ ok: false, retryAfterSeconds: retryAfter });
    if (state.counted.length + state.inFlight < this.setting.limit) {
      return Promise.resolve({ ok: true, attempt: this.admit(key, state) });
    }
    if (state.waiting.length >= MAX_WAITING) return Promise.resolve({ ok: false, retryAfterSeconds: 1 });
    return new Promise<Admission>((resolve) => {
      const waiter = {
        admit: () => resolve({ ok: true, attempt: this.admit(key, state) }),
        refuse: (retryAfterSeconds: number) => resolve({ ok: false, retryAfterSeconds }),
      };
      state.waiting.push(waiter);
      signal?.addEventListener('abort', () => {
        const at = state.waiting.indexOf(waiter);
        if (at >= 0) state.waiting.splice(at, 1);
        waiter.refuse(1);
      });
    });
  }

  private state(key: string): KeyState {
    let state = this.keys.get(key);
    if (!state) {
      state = { counted: [], inFlight: 0, waiting: [] };
      this.keys.set(key, state);
    }
    const since = this.now() - this.setting.windowSeconds * 1000;
    state.counted = state.counted.filter((t) => t > since);
    return state;
  }

  /** Seconds until the oldest counted attempt leaves the window, when the counted ones fill it; else null. */
  private retryAfter(state: KeyState): number | null {
    if (state.counted.length < this.setting.limit) return null;
    const freeAt = (state.counted[0] ?? this.now()) + this.setting.windowSeconds * 1000;
    return Math.max(1, Math.ceil((freeAt - this.now()) / 1000));
  }

  private admit(key: string, state: KeyState): Attempt {
    state.inFlight += 1;
    let settled = false;
    return {
      settle: (counted) => {
        if (settled) return;
        settled = true;
        state.inFlight -= 1;
        if (counted) state.counted.push(this.now());
        this.wake(key);
      },
    };
  }

  /** Lets waiting attempts in as places free up, or refuses them once the window is full. */
  private wake(key: string): void {
    // (A key with attempts in flight is never swept, so this is the settling attempt's own state.)
    const state = this.state(key);
    while (state.waiting.length > 0) {
      const retryAfter = this.retryAfter(state);
      if (retryAfter !== null) {
        for (const w of state.waiting.splice(0)) w.refuse(retryAfter);
        return;
      }
      if (state.counted.length + state.inFlight >= this.setting.limit) return;
      state.waiting.shift()?.admit();
    }
  }

  /** Drops idle keys with nothing counted in the window, once per window (bounded memory under a flood). */
  private sweep(): void {
    const now = this.now();
    const windowMs = this.setting.windowSeconds * 1000;
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [key, state] of this.keys) {
      const idle = state.inFlight === 0 && state.waiting.length === 0;
      if (idle && !state.counted.some((t) => t > now - windowMs)) this.keys.delete(key);
    }
  }
}

/**
 * The key of a client address: IPv4 as it is (also when IPv4-mapped), IPv6 by its /64 — one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would count nothing.
 */
export function sourceKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
