/**
 * Applying pushed sales (docs/architecture.md, Data rules): the sales statement (repositories/sales.ts)
 * stores the new ones with their stock, exceptions and notification in one round trip; loyalty follows
 * in the same transaction when a sale names a customer. Without loyalty the statement is its own
 * transaction, which is what keeps a busy hub's pushes at one round trip each.
 */
import type { Queryable } from '../db/port';
import type { PushedSale } from '../repositories/sales';
import { type LoyaltyRules, loyaltyRulesOf } from '@till/shared/schemas/settings';
import type { DomainContext } from './context';
import { loyaltyEntries, movesPoints, overspendExceptions } from './loyalty';

/** Applies sales with `tx` (an open transaction, or the database for the single statement); returns new ids. */
export async function applySales(
  ctx: Pick<DomainContext, 'repos'>,
  tx: Queryable,
  sales: readonly PushedSale[],
): Promise<string[]> {
  const inserted = await ctx.repos.sales.apply(sales, tx);
  const fresh = new Set(inserted);
  // Only sales that were new move points: a re-sent sale changes nothing.
  const docs = sales.filter((s) => fresh.has(s.doc.id) && s.doc.customerId != null).map((s) => s.doc);
  const rules = new Map<string, LoyaltyRules>();
  for (const storeId of new Set(docs.map((d) => d.storeId))) {
    rules.set(storeId, loyaltyRulesOf(await ctx.repos.settings.forStore(storeId, tx)));
  }
  const entries = loyaltyEntries(docs, (storeId) => rules.get(storeId) ?? loyaltyRulesOf(null));
  const { stores: customerStores, booked } = await ctx.repos.loyalty.award(entries, tx);
  // A spend the balance could not cover (made offline) is booked to zero and raised for a person.
  await ctx.repos.exceptions.raise(overspendExceptions(booked), tx);
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
  if (movesPoints(sales.map((s) => s.doc))) {
    return ctx.db.transaction((tx) => applySales(ctx, tx, sales));
  }
  return applySales(ctx, ctx.db, sales);
}
