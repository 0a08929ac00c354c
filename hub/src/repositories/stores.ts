/** Stores as enrollment needs them: whether one exists, and its staff key. */
import type { Queryable } from '../db/port';

/** Reads stores. */
export class StoresRepository {
  constructor(private readonly db: Queryable) {}

  /** Whether a store with this id exists. */
  async exists(storeId: string, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM stores WHERE id = $1', [storeId]);
    return rows.length > 0;
  }

  /**
   * The store's staff key (32 bytes, base64url): the pepper of its staff PIN verifiers, handed to a
   * register only in its enrollment answer. Never log it. Null when the store does not exist.
   */
  async staffKey(storeId: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ staff_key: string }>('SELECT staff_key FROM stores WHERE id = $1', [
      storeId,
    ]);
    return rows[0]?.staff_key ?? null;
  }
}
