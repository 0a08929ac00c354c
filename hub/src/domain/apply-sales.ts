/**
 * Applying pushed sales (docs/architecture.md, Data rules): the sales statement (repositories/sales.ts)
 * stores the new ones with their stock, exceptions and notification in one round trip; loyalty follows
 * in the same transaction when a sale names a customer. Without loyalty the statement is its own
 * transaction, which is what keeps a busy hub's pushes at one round trip each.
 */
import type { Queryable } from '../db/port';
import type { PushedSale } from '../repositories/sales';
import type { DomainContext } from './context';
import { loyaltyEntries } from './loyalty';

/** Applies sales with `tx` (an open transaction, or the database for the single statement); returns new ids. */
export async function applySales(
  ctx: Pick<DomainContext, 'repos'>,
  tx: Queryable,
  sales: readonly PushedSale[],
): Promise<string[]> {
  if (sales.length === 0) return [];
  const inserted = await ctx.repos.sales.apply(sales, tx);
  const fresh = new Set(inserted);
  // Only sales that were new earn points: a re-sent sale changes nothing.
  const entries = loyaltyEntries(sales.filter((s) => fresh.has(s.doc.id)).map((s) => s.doc));
  const customerStores = await ctx.repos.loyalty.award(entries, tx);
  if (customerStores.length > 0) {
    await ctx.repos.changes.notify(
      customerStores.map((s) => ['customers', s] as const),
      [],
      tx,
    );
  }
  return inserted;
}

/** Applies sales atomically: as one autocommitted statement when it can, else in a transaction. */
export async function applySalesAtomically(
  ctx: DomainContext,
  sales: readonly PushedSale[],
): Promise<string[]> {
  // Loyalty needs more statements than the one, hence an explicit transaction.
  if (loyaltyEntries(sales.map((s) => s.doc)).length > 0) {
    return ctx.db.transaction((tx) => applySales(ctx, tx, sales));
  }
  return applySales(ctx, ctx.db, sales);
}
