/**
 * Registers and their enrollment codes. Only a token's SHA-256 is ever stored. A register whose token
 * stops working is announced on `REVOCATIONS_CHANNEL` by a trigger (migrations/004_register_access.sql),
 * on commit, to every hub process.
 */
import type { Queryable } from '../db/port';

/** The NOTIFY channel of revoked registers; the payload is the register's id. */
export const REVOCATIONS_CHANNEL = 'till_revocations';

/** The register a token belongs to. */
export interface RegisterRecord {
  registerId: string;
  storeId: string;
}

/** A register as the admin API lists it. */
export interface RegisterListing {
  id: string;
  storeId: string;
  name: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** An issued enrollment code. */
export interface IssuedCode {
  code: string;
  storeId: string;
  expiresAt: string;
}

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();
const isoOrNull = (value: unknown): string | null => (value == null ? null : iso(value));

/** Reads and writes registers. */
export class RegistersRepository {
  constructor(private readonly db: Queryable) {}

  /** The register holding this token hash, unless it was revoked; null when there is none. */
  async byTokenHash(hash: string, tx: Queryable = this.db): Promise<RegisterRecord | null> {
    const rows = await tx.query<{ id: string; store_id: string }>(
      'SELECT id, store_id FROM registers WHERE token_hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    const row = rows[0];
    return row ? { registerId: row.id, storeId: row.store_id } : null;
  }

  /** Those of `ids` that are no longer active (revoked, or deleted by hand). */
  async inactiveAmong(ids: readonly string[], tx: Queryable = this.db): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.query<{ id: string }>(
      `SELECT x.id FROM unnest($1::text[]) AS x (id)
       WHERE NOT EXISTS (SELECT 1 FROM registers r WHERE r.id = x.id AND r.revoked_at IS NULL)`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Records that a register is in contact now. */
  async touch(registerId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query('UPDATE registers SET last_seen_at = now() WHERE id = $1', [registerId]);
  }

  /**
   * Claims an enrollment code and returns its store, or null when the code is unknown, used or expired.
   * A single-use code is claimed by the UPDATE itself, so two registers racing for one code cannot both
   * win; a reusable (demo) code is neither used up nor expired.
   */
  async claimCode(code: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ store_id: string }>(
      `UPDATE enrollment_codes SET used_at = now()
       WHERE code = $1 AND (reusable OR (used_at IS NULL AND expires_at > now())) RETURNING store_id`,
      [code],
    );
    return rows[0]?.store_id ?? null;
  }

  /** Stores a new single-use code for `storeId`, valid for `ttlHours`; null if the code is taken. */
  async insertCode(
    code: string,
    storeId: string,
    ttlHours: number,
    tx: Queryable = this.db,
  ): Promise<IssuedCode | null> {
    const rows = await tx.query<{ expires_at: unknown }>(
      `INSERT INTO enrollment_codes (code, store_id, reusable, expires_at)
       VALUES ($1, $2, false, now() + make_interval(hours => $3::int))
       ON CONFLICT (code) DO NOTHING RETURNING expires_at`,
      [code, storeId, ttlHours],
    );
    const row = rows[0];
    return row ? { code, storeId, expiresAt: iso(row.expires_at) } : null;
  }

  /** Adds an enrolled register (in contact from now). */
  async insert(
    register: { id: string; storeId: string; name: string; tokenHash: string },
    tx: Queryable = this.db,
  ): Promise<void> {
    await tx.query(
      'INSERT INTO registers (id, store_id, name, token_hash, last_seen_at) VALUES ($1, $2, $3, $4, now())',
      [register.id, register.storeId, register.name, register.tokenHash],
    );
  }

  /**
   * Revokes the live register of `storeId` holding this token hash (a register re-enrolling); returns its
   * id, or null when the token is unknown, revoked already or of another store.
   */
  async revokeByTokenHash(hash: string, storeId: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ id: string }>(
      `UPDATE registers SET revoked_at = now()
       WHERE token_hash = $1 AND store_id = $2 AND revoked_at IS NULL RETURNING id`,
      [hash, storeId],
    );
    return rows[0]?.id ?? null;
  }

  /** Revokes a register (again: its first revocation time stays); null when there is no such register. */
  async revoke(id: string, tx: Queryable = this.db): Promise<RegisterListing | null> {
    const rows = await tx.query<ListingRow>(
      `UPDATE registers SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
       RETURNING id, store_id, name, enrolled_at, last_seen_at, revoked_at`,
      [id],
    );
    return rows[0] ? listing(rows[0]) : null;
  }

  /** Every register (of one store, if given), live ones first, newest first. */
  async list(storeId: string | undefined, tx: Queryable = this.db): Promise<RegisterListing[]> {
    const rows = await tx.query<ListingRow>(
      `SELECT id, store_id, name, enrolled_at, last_seen_at, revoked_at FROM registers
       WHERE $1::text IS NULL OR store_id = $1
       ORDER BY revoked_at IS NOT NULL, enrolled_at DESC, id`,
      [storeId ?? null],
    );
    return rows.map(listing);
  }

  /** Per store, the last contact of any of its live registers (ms since epoch), null if none ever. */
  async lastContacts(tx: Queryable = this.db): Promise<{ storeId: string; seen: number | null }[]> {
    const rows = await tx.query<{ store_id: string; seen: number | null }>(
      `SELECT s.id AS store_id, (extract(epoch FROM max(r.last_seen_at)) * 1000)::float8 AS seen
       FROM stores s LEFT JOIN registers r ON r.store_id = s.id AND r.revoked_at IS NULL GROUP BY s.id`,
    );
    return rows.map((r) => ({ storeId: r.store_id, seen: r.seen }));
  }
}

interface ListingRow {
  id: string;
  store_id: string;
  name: string;
  enrolled_at: unknown;
  last_seen_at: unknown;
  revoked_at: unknown;
}

function listing(row: ListingRow): RegisterListing {
  return {
    id: row.id,
    storeId: row.store_id,
    name: row.name,
    enrolledAt: iso(row.enrolled_at),
    lastSeenAt: isoOrNull(row.last_seen_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}
