/** Registers and their enrollment codes. Only a token's SHA-256 is ever stored. */
import type { Queryable } from '../db/port';

/** The register a token belongs to. */
export interface RegisterRecord {
  registerId: string;
  storeId: string;
}

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

  /** Records that a register is in contact now. */
  async touch(registerId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query('UPDATE registers SET last_seen_at = now() WHERE id = $1', [registerId]);
  }

  /**
   * Claims an enrollment code and returns its store, or null when the code is unknown or used. A
   * single-use code is claimed by the UPDATE itself, so two registers racing for one code cannot both win.
   */
  async claimCode(code: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ store_id: string }>(
      `UPDATE enrollment_codes SET used_at = now()
       WHERE code = $1 AND (reusable OR used_at IS NULL) RETURNING store_id`,
      [code],
    );
    return rows[0]?.store_id ?? null;
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

  /** Per store, the last contact of any of its live registers (ms since epoch), null if none ever. */
  async lastContacts(tx: Queryable = this.db): Promise<{ storeId: string; seen: number | null }[]> {
    const rows = await tx.query<{ store_id: string; seen: number | null }>(
      `SELECT s.id AS store_id, (extract(epoch FROM max(r.last_seen_at)) * 1000)::float8 AS seen
       FROM stores s LEFT JOIN registers r ON r.store_id = s.id AND r.revoked_at IS NULL GROUP BY s.id`,
    );
    return rows.map((r) => ({ storeId: r.store_id, seen: r.seen }));
  }
}
