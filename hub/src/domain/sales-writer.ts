/**
 * Group commit for pushed sales. Every register's push waits for its own transaction, and on PostgreSQL a
 * transaction that NOTIFYs commits under a database-wide lock, so one transaction per small push caps a hub
 * at a few hundred pushes a second. Instead, pushes that arrive while a transaction is running are applied
 * together in the next one — set-wise, exactly as one bigger push would be — and each request is answered
 * when the transaction holding it commits. A request is never split across transactions, so each is still
 * applied all or nothing; if a group fails, its requests are retried one by one so a failure stays with
 * the request that caused it (a refused id, a value the database cannot store).
 *
 * A group never holds one sale id twice: a request that shares an id with the group waits for the next
 * one. So the second of two requests carrying the same id meets the first one's sale in the database,
 * where a re-sent document is a no-op and other content is refused (`id_conflict`) — rather than being
 * answered as applied while only the first was stored.
 */
import type { PushedSale } from '../repositories/sales';

/** Applies one group of sales atomically (domain/apply-sales.ts in the hub). */
export type ApplySales = (sales: readonly PushedSale[]) => Promise<unknown>;

interface Pending {
  sales: PushedSale[];
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
    private readonly applyGroup: ApplySales,
    private readonly lanes = 1,
    private readonly maxDocs = 2000,
  ) {}

  /**
   * Applies sales (already validated and scoped, each id once); resolves once they are committed, or
   * rejects with what the database refused this request for.
   */
  apply(sales: PushedSale[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ sales, resolve, reject });
      if (this.active < this.lanes) void this.lane();
    });
  }

  private async lane(): Promise<void> {
    this.active += 1;
    try {
      while (this.queue.length > 0) {
        const group = this.take();
        try {
          await this.applyGroup(group.flatMap((p) => p.sales));
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

  /**
   * Takes whole requests from the head of the queue, up to `maxDocs` documents (at least one request) and
   * up to the first request that shares a sale id with those taken.
   */
  private take(): Pending[] {
    const group: Pending[] = [];
    const ids = new Set<string>();
    let docs = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (group.length > 0 && docs + next.sales.length > this.maxDocs) break;
      if (next.sales.some((s) => ids.has(s.doc.id))) break;
      group.push(this.queue.shift()!);
      for (const s of next.sales) ids.add(s.doc.id);
      docs += next.sales.length;
    }
    return group;
  }

  private async oneByOne(group: readonly Pending[]): Promise<void> {
    for (const p of group) {
      try {
        await this.applyGroup(p.sales);
        p.resolve();
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
