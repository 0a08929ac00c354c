/** Register shifts (push-only: registers send them, none pulls them back). */
import type { Shift } from '@till/shared/schemas/shift';
import type { Queryable } from '../db/port';

/** The hub's version of a shift and the store it belongs to. */
export interface ShiftMaster {
  doc: Shift;
  storeId: string;
}

/** Reads and writes shifts. */
export class ShiftsRepository {
  constructor(private readonly db: Queryable) {}

  /** Locks a shift for a register's change and returns the hub's version, or null when it is new. */
  async lock(id: string, tx: Queryable = this.db): Promise<ShiftMaster | null> {
    const rows = await tx.query<{ doc: Shift; store_id: string }>(
      'SELECT doc, store_id FROM shifts WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    return row ? { doc: row.doc, storeId: row.store_id } : null;
  }

  /**
   * Stores a shift as the register sent it; false (and nothing written) when the id belongs to another
   * store's shift — one inserted since `lock` found none, as the lock is what checks the store first.
   */
  async upsert(doc: Shift, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO shifts AS s (id, store_id, register_id, status, doc) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc, updated_at = now()
       WHERE s.store_id = excluded.store_id
       RETURNING id`,
      [doc.id, doc.storeId, doc.registerId, doc.status, JSON.stringify(doc)],
    );
    return rows.length > 0;
  }
}
