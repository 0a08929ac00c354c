/** Whether the database answers (GET /health). */
import type { Queryable } from '../db/port';

/** Asks the database the simplest question. */
export class HealthRepository {
  constructor(private readonly db: Queryable) {}

  /** Resolves when the database answers; rejects when it does not. */
  async ping(tx: Queryable = this.db): Promise<void> {
    await tx.query('SELECT 1');
  }
}
