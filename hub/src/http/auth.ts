/**
 * Who is calling. Registers send `Authorization: Bearer <token>` and are scoped to their store; the web
 * store and connectors send the storefront key for writes; operators send the admin key.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/port';
import { hashToken, sameSecret } from '../domain/secrets';
import { unauthorized } from './errors';

/** An authenticated register: what its token lets it see and write. */
export interface RegisterIdentity {
  registerId: string;
  storeId: string;
}

/** Cached token look-ups live this long: a revoked token stops working within this time. */
const CACHE_MS = 10_000;
/** `last_seen_at` is written at most this often per register (it feeds the available-to-promise buffer). */
const TOUCH_MS = 2_000;

/** The bearer token of a request, or null. */
export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Resolves register tokens, with a short cache so a busy register costs no query per push. */
export class RegisterAuth {
  private readonly cache = new Map<string, { identity: RegisterIdentity; until: number }>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly db: Db) {}

  /** The register behind the request's token; throws 401 when there is none or it is unknown. */
  async authenticate(request: FastifyRequest): Promise<RegisterIdentity> {
    const token = bearer(request);
    if (!token) throw unauthorized();
    const hash = hashToken(token);
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || entry.until < now) {
      const rows = await this.db.query<{ id: string; store_id: string }>(
        'SELECT id, store_id FROM registers WHERE token_hash = $1 AND revoked_at IS NULL',
        [hash],
      );
      const row = rows[0];
      if (!row) {
        this.cache.delete(hash);
        throw unauthorized('unknown or revoked register token');
      }
      entry = { identity: { registerId: row.id, storeId: row.store_id }, until: now + CACHE_MS };
      this.cache.set(hash, entry);
    }
    this.touch(entry.identity.registerId, now);
    return entry.identity;
  }

  /** Records that a register is in contact (throttled); failures only delay the buffer's shrinking. */
  touch(registerId: string, now = Date.now()): void {
    if ((this.touched.get(registerId) ?? 0) + TOUCH_MS > now) return;
    this.touched.set(registerId, now);
    this.db
      .query('UPDATE registers SET last_seen_at = now() WHERE id = $1', [registerId])
      .catch(() => this.touched.delete(registerId));
  }
}

/** Throws 401 unless the request carries `Bearer <key>`. */
export function requireKey(request: FastifyRequest, key: string, what: string): void {
  const token = bearer(request);
  if (!token || !sameSecret(token, key)) throw unauthorized(`the ${what} key is required`);
}
