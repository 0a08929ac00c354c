/**
 * Which register a bearer token belongs to. Tokens are looked up by their SHA-256 with a short cache, so
 * a busy register costs no query per push; every request is also contact, which feeds the web's buffer.
 * A revocation reaches the cache at once: the process that revokes calls `forget`, and every other hub
 * process hears of it through `till_revocations` (streams/revocations.ts). The cache lifetime is only the
 * fallback for a notification that was lost.
 */
import type { RegistersRepository } from '../repositories/registers';
import { hashToken } from './secrets';

/** An authenticated register: what its token lets it see and write (its own store's data). */
export interface RegisterIdentity {
  registerId: string;
  storeId: string;
}

/** Cached token look-ups live this long: a revocation whose notification was lost still holds within it. */
const CACHE_MS = 10_000;
/** `last_seen_at` is written at most this often per register (it feeds the available-to-promise buffer). */
const TOUCH_MS = 2_000;

/** Resolves register tokens. */
export class RegisterAuth {
  private readonly cache = new Map<string, { identity: RegisterIdentity; until: number }>();
  private readonly touched = new Map<string, number>();
  /** Bumped by every revocation heard, so a look-up that raced one is not cached. */
  private generation = 0;

  constructor(private readonly registers: RegistersRepository) {}

  /** The register holding `token`, or null when the token is unknown or revoked. Counts as contact. */
  async identify(token: string): Promise<RegisterIdentity | null> {
    const hash = hashToken(token);
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || entry.until < now) {
      const generation = this.generation;
      const identity = await this.registers.byTokenHash(hash);
      if (!identity) {
        this.cache.delete(hash);
        return null;
      }
      entry = { identity, until: now + CACHE_MS };
      // A revocation heard while the query ran may have been of this very token: answer (the request
      // ran alongside the revocation) but do not keep the answer.
      if (generation === this.generation) this.cache.set(hash, entry);
    }
    this.touch(entry.identity.registerId, now);
    return entry.identity;
  }

  /** Forgets every cached token of a register (it was revoked, deleted or given another token). */
  forget(registerId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.cache) {
      if (entry.identity.registerId === registerId) this.cache.delete(hash);
    }
  }

  /** Forgets every cached token (revocations may have been missed). */
  forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /** Records that a register is in contact (throttled); failures only delay the buffer's shrinking. */
  touch(registerId: string, now = Date.now()): void {
    if ((this.touched.get(registerId) ?? 0) + TOUCH_MS > now) return;
    this.touched.set(registerId, now);
    this.registers.touch(registerId).catch(() => this.touched.delete(registerId));
  }
}
