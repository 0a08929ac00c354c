/**
 * Group commit for pushed sales. Every register's push waits for its own transaction, and on PostgreSQL a
 * transaction that NOTIFYs commits under a database-wide lock, so one transaction per small push caps a hub
 * at a few hundred pushes a second. Instead, pushes that arrive while a transaction is running are applied
 * together in the next one — set-wise, exactly as one bigger push would be — and each request is answered
 * when the transaction holding it commits. A request is never split across transactions, so each is still
 * applied all or nothing; if a group fails, its requests are retried one by one so a failure stays with
 * the request that caused it.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { Db } from '../db/port';
import { applySalesAtomically } from './apply-sales';

interface Pending {
  docs: SaleDocument[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Applies sales in grouped transactions; `lanes` transactions may be in flight at once (two on PostgreSQL
 * keep the server busy while a commit is flushed; measured, more lanes only made groups smaller).
 */
export class SalesWriter {
  private readonly queue: Pending[] = [];
  private active = 0;

  constructor(
    private readonly db: Db,
    private readonly lanes = db.kind === 'postgres' ? 2 : 1,
    private readonly maxDocs = 2000,
  ) {}

  /** Applies `docs` (already validated and scoped); resolves once they are committed. */
  apply(docs: SaleDocument[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docs, resolve, reject });
      if (this.active < this.lanes) void this.lane();
    });
  }

  private async lane(): Promise<void> {
    this.active += 1;
    try {
      while (this.queue.length > 0) {
        const group = this.take();
        try {
          await applySalesAtomically(this.db, unique(group.flatMap((p) => p.docs)));
          for (const p of group) p.resolve();
        } catch (err) {
          if (group.length === 1) group[0]!.reject(err);
          else await this.oneByOne(group);
        }
      }
    } finally {
      this.active -= 1;
    }
  }

  /** Takes whole requests from the queue up to `maxDocs` documents (at least one request). */
  private take(): Pending[] {
    const group: Pending[] = [];
    let docs = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (group.length > 0 && docs + next.docs.length > this.maxDocs) break;
      group.push(this.queue.shift()!);
      docs += next.docs.length;
    }
    return group;
  }

  private async oneByOne(group: readonly Pending[]): Promise<void> {
    for (const p of group) {
      try {
        await applySalesAtomically(this.db, p.docs);
        p.resolve();
      } catch (err) {
        p.reject(err);
      }
    }
  }
}

/** The same sale may sit in two queued requests (a register retried while the first was in flight). */
function unique(docs: readonly SaleDocument[]): SaleDocument[] {
  return [...new Map(docs.map((d) => [d.id, d])).values()];
}
