/** The audit trail registers push: insert-only. */
import type { AuditEntry } from '@till/shared/schemas/audit';
import type { Queryable } from '../db/port';

/** A pushed entry whose id is stored already with other content or at another store. */
export interface AuditCollision {
  id: string;
  /** Whether the stored entry belongs to the pushed entry's store. */
  sameStore: boolean;
  /** A summary of the stored entry. */
  existing: { storeId: string; registerId: string; action: string; at: string };
}

const rows = (entries: readonly AuditEntry[]) =>
  JSON.stringify(
    entries.map((doc) => ({
      id: doc.id,
      store_id: doc.storeId,
      register_id: doc.registerId,
      action: doc.action,
      at: doc.at,
      doc,
    })),
  );

/** Writes audit entries. */
export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Inserts entries in one statement and returns the ids it inserted; an entry already stored is left as
   * it is (a re-sent push, or a collision `collisions` then finds).
   */
  async insertMany(entries: readonly AuditEntry[], tx: Queryable = this.db): Promise<string[]> {
    if (entries.length === 0) return [];
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO audit (id, store_id, register_id, action, at, doc)
       SELECT x.id, x.store_id, x.register_id, x.action, x.at, x.doc
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, store_id text, register_id text, action text, at timestamptz, doc jsonb)
       ON CONFLICT (id) DO NOTHING
       RETURNING id::text AS id`,
      [rows(entries)],
    );
    return inserted.map((r) => r.id);
  }

  /**
   * The entries whose ids are stored with other content or at another store. Run in the transaction of
   * `insertMany`, after it: its conflicts waited for any concurrent insert of the same id to commit, so
   * this statement sees that row too.
   */
  async collisions(entries: readonly AuditEntry[], tx: Queryable = this.db): Promise<AuditCollision[]> {
    if (entries.length === 0) return [];
    const found = await tx.query<AuditCollision>(
      `SELECT a.id::text AS id, a.store_id = x.store_id AS "sameStore",
              json_build_object('storeId', a.store_id, 'registerId', a.register_id, 'action', a.action,
                'at', a.at) AS existing
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, store_id text, doc jsonb)
       JOIN audit a ON a.id = x.id
       WHERE a.store_id <> x.store_id OR a.doc <> x.doc
       ORDER BY a.id`,
      [rows(entries)],
    );
    return found.map((r) => ({
      ...r,
      existing: { ...r.existing, at: new Date(r.existing.at).toISOString() },
    }));
  }
}
