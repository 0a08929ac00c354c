/**
 * Which register a bearer token belongs to. Tokens are looked up by their SHA-256 with a short cache, so
 * a busy register costs no query per push; every request is also contact, which feeds the web's buffer.
 */
import type { RegistersRepository } from '../repositories/registers';
import { hashToken } from './secrets';

/** An authenticated register: what its token lets it see and write (its own store's data). */
export interface RegisterIdentity {
  registerId: string;
  storeId: string;
}

/** Cached token look-ups live this long: a revoked token stops working within this time. */
const CACHE_MS = 10_000;
/** `last_seen_at` is written at most this often per register (it feeds the available-to-promise buffer). */
const TOUCH_MS = 2_000;

/** Resolves register tokens. */
export class RegisterAuth {
  private readonly cache = new Map<string, { identity: RegisterIdentity; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly registers: RegistersRepository) {}

  /** The register holding `token`, or null when the token is unknown or revoked. Counts as contact. */
  async identify(token: string): Promise<RegisterIdentity | null> {
    const hash = hashToken(token);
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || entry.until < now) {
      const identity = await this.registers.byTokenHash(hash);
      if (!identity) {
        this.cache.delete(hash);
        return null;
      }
      entry = { identity, until: now + CACHE_MS };
      this.cache.set(hash, entry);
    }
    this.touch(entry.identity.registerId, now);
    return entry.identity;
  }

  /** Records that a register is in contact (throttled); failures only delay the buffer's shrinking. */
  touch(registerId: string, now = Date.now()): void {
    if ((this.touched.get(registerId) ?? 0) + TOUCH_MS > now) return;
    this.touched.set(registerId, now);
    this.registers.touch(registerId).catch(() => this.touched.delete(registerId));
  }
}
