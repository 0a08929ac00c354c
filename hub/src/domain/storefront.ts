/**
 * What the web store reads and reports: a SKU's stock per store and in total with the web's
 * available-to-promise, and browsing and cart events (which also keep the session's cart, so carts left
 * without a checkout show up as abandoned at the counter).
 */
import type { BrowsingEvent } from '../repositories/browsing';
import type { AtpModel } from './atp';
import type { DomainContext } from './context';

/** One level as the web sees it. */
export interface WebLevel {
  onHand: number;
  reserved: number;
  available: number;
}

/** A SKU's stock in total and per store. */
export interface SkuStock {
  sku: string;
  total: WebLevel;
  stores: (WebLevel & { storeId: string })[];
}

/** A SKU's stock with the web's availability, or null when the hub does not know the SKU. */
export async function skuStock(
  ctx: DomainContext & { atp: AtpModel },
  sku: string,
): Promise<SkuStock | null> {
  if (!(await ctx.repos.products.exists(sku))) return null;
  await ctx.atp.fresh();
  const levels = await ctx.repos.stock.levelsAtEveryStore(sku);
  const stores = levels.map((l) => {
    const { available } = ctx.atp.atp(l.storeId, sku, l.onHand, l.reserved);
    return { storeId: l.storeId, onHand: l.onHand, reserved: l.reserved, available };
  });
  const total = stores.reduce(
    (t, s) => ({
      onHand: t.onHand + s.onHand,
      reserved: t.reserved + s.reserved,
      available: t.available + s.available,
    }),
    { onHand: 0, reserved: 0, available: 0 },
  );
  return { sku, total, stores };
}

/** Records storefront events and keeps carts, in one transaction; returns how many were accepted. */
export async function recordBrowsing(ctx: DomainContext, events: readonly BrowsingEvent[]): Promise<number> {
  await ctx.db.transaction(async (tx) => {
    await ctx.repos.browsing.insertEvents(events, tx);
    for (const e of events) {
      if (e.type === 'checkout') {
        await ctx.repos.browsing.convertCart(e.sessionId, tx);
        continue;
      }
      if ((e.type !== 'cart_add' && e.type !== 'cart_remove') || !e.sku) continue;
      const delta = (e.qty ?? 1) * (e.type === 'cart_add' ? 1 : -1);
      await ctx.repos.browsing.adjustCart(e.sessionId, e.customerEmail, e.sku, delta, tx);
    }
  });
  return events.length;
}
