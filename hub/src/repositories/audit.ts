/** The audit trail registers push: insert-only. */
import type { AuditEntry } from '@till/shared/schemas/audit';
import type { Queryable } from '../db/port';

/** Writes audit entries. */
export class AuditRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts entries in one statement; an entry already stored is left as it is (a re-sent push). */
  async insertMany(entries: readonly AuditEntry[], tx: Queryable = this.db): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO audit (id, store_id, register_id, action, at, doc)
       SELECT x.id, x.store_id, x.register_id, x.action, x.at, x.doc
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, store_id text, register_id text, action text, at timestamptz, doc jsonb)
       ON CONFLICT (id) DO NOTHING`,
      [
        JSON.stringify(
          entries.map((doc) => ({
            id: doc.id,
            store_id: doc.storeId,
            register_id: doc.registerId,
            action: doc.action,
            at: doc.at,
            doc,
          })),
        ),
      ],
    );
  }
}
