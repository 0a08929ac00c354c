/** Register shifts (push-only: registers send them, none pulls them back). */
import type { Shift } from '@till/shared/schemas/shift';
import type { Queryable } from '../db/port';

/** Reads and writes shifts. */
export class ShiftsRepository {
  constructor(private readonly db: Queryable) {}

  /** Locks a shift for a register's change and returns the hub's version, or null when it is new. */
  async lock(id: string, tx: Queryable = this.db): Promise<Shift | null> {
    const rows = await tx.query<{ doc: Shift }>('SELECT doc FROM shifts WHERE id = $1 FOR UPDATE', [id]);
    return rows[0]?.doc ?? null;
  }

  /** Stores a shift as the register sent it. */
  async upsert(doc: Shift, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO shifts (id, store_id, register_id, status, doc) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc, updated_at = now()`,
      [doc.id, doc.storeId, doc.registerId, doc.status, JSON.stringify(doc)],
    );
  }
}
