/**
 * What the web store reads and reports: a SKU's stock per store and in total with the web's
 * available-to-promise (one SKU, or the visible page's SKUs in one read), and browsing and cart events
 * (which also keep the session's cart, so carts left without a checkout show up as abandoned at the
 * counter). Events that name a customer are kept only with that customer's personalization consent.
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

/** The stock of each known SKU among `skus` (in the order asked), and the SKUs the hub does not know. */
export async function skuStocks(
  ctx: DomainContext & { atp: AtpModel },
  skus: readonly string[],
): Promise<{ stocks: SkuStock[]; unknown: string[] }> {
  const wanted = [...new Set(skus)];
  await ctx.atp.fresh();
  const bySku = new Map<string, SkuStock>();
  for (const l of await ctx.repos.storefront.levels(wanted)) {
    const stock = bySku.get(l.sku) ?? {
      sku: l.sku,
      total: { onHand: 0, reserved: 0, available: 0 },
      stores: [],
    };
    const { available } = ctx.atp.atp(l.storeId, l.sku, l.onHand, l.reserved);
    stock.stores.push({ storeId: l.storeId, onHand: l.onHand, reserved: l.reserved, available });
    stock.total.onHand += l.onHand;
    stock.total.reserved += l.reserved;
    stock.total.available += available;
    bySku.set(l.sku, stock);
  }
  return {
    stocks: wanted.flatMap((sku) => bySku.get(sku) ?? []),
    unknown: wanted.filter((sku) => !bySku.has(sku)),
  };
}

/** What became of a batch of events: recorded, or ignored for want of the customer's consent. */
export interface BrowsingOutcome {
  accepted: number;
  ignored: number;
}

/**
 * Records storefront events and keeps carts, in one transaction. An event naming a customer is kept only
 * when that customer consented to personalization; one naming an e-mail the hub does not know is
 * ignored too (no consent was given). Anonymous events stay with their session only.
 */
export async function recordBrowsing(
  ctx: DomainContext,
  all: readonly BrowsingEvent[],
): Promise<BrowsingOutcome> {
  const emails = [...new Set(all.flatMap((e) => (e.customerEmail ? [e.customerEmail] : [])))];
  const consenting = emails.length > 0 ? await ctx.repos.storefront.consentingEmails(emails) : new Set();
  const events = all.filter((e) => !e.customerEmail || consenting.has(e.customerEmail.toLowerCase()));
  if (events.length === 0) return { accepted: 0, ignored: all.length };
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
  return { accepted: events.length, ignored: all.length - events.length };
}
