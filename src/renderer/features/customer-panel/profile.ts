/**
 * What the customer panel shows of one customer, and what the register keeps of it. A profile is made
 * from the hub's history with consent applied here as well as on the hub: without the customer's
 * personalization consent it holds their name and balance and nothing else, so nothing more is shown or
 * cached. Profiles are small (the latest few purchases, summarised) so a register can keep many.
 */
import { z } from 'zod';
import type { HubHistory } from './counter-client';

/** At most this many purchases of each kind are kept per profile (the latest). */
export const MAX_PURCHASES = 8;

const bounded = (max: number) => z.string().max(max);

/** One past purchase, web order or store sale, summarised for the panel. */
export const purchaseSchema = z.object({
  kind: z.enum(['web', 'store']),
  id: bounded(64),
  number: bounded(64),
  at: bounded(40),
  gross: z.int(),
  status: bounded(40),
  items: z.array(bounded(200)).max(20),
});

/** A summarised purchase. */
export type Purchase = z.infer<typeof purchaseSchema>;

/** A profile as the panel shows it and the register caches it. */
export const customerProfileSchema = z.object({
  id: bounded(64),
  name: bounded(200),
  points: z.int().min(0),
  /** True when the customer agreed to personalization: only then is anything below filled. */
  consent: z.boolean(),
  tier: z.enum(['bronze', 'silver', 'gold']).nullable(),
  purchases: z.array(purchaseSchema).max(MAX_PURCHASES * 2),
  recentlyViewed: z.array(z.object({ sku: bounded(64), name: bounded(200) })).max(20),
  /** The newest abandoned cart: SKUs and quantities, with names where the hub gave them. */
  abandonedCart: z
    .object({
      at: bounded(40),
      items: z.array(z.object({ sku: bounded(64), name: bounded(200), qty: z.int().min(1) })).max(200),
    })
    .nullable(),
  offers: z
    .array(z.object({ sku: bounded(64), name: bounded(200), discountBp: z.int(), reason: bounded(200) }))
    .max(20),
  /** When the hub answered (ISO 8601). */
  fetchedAt: bounded(40),
});

/** A customer profile. */
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

type DocSummary = HubHistory['sales'][number];

function summarise(kind: Purchase['kind'], doc: DocSummary): Purchase {
  return {
    kind,
    id: doc.id,
    number: doc.number ?? doc.id.slice(0, 8),
    at: doc.createdAt ?? '',
    gross: doc.totals?.gross ?? 0,
    status: kind === 'web' ? (doc.status ?? 'placed') : (doc.kind ?? 'sale'),
    items: (doc.lines ?? []).slice(0, 20).map((l) => `${l.qty} × ${(l.name ?? l.sku).slice(0, 190)}`),
  };
}

/** The profile of a history fetched at `now`, with consent applied (nothing personal without it). */
export function profileFromHistory(history: HubHistory, now: Date = new Date()): CustomerProfile {
  const consent = history.personalization && history.customer.consent.personalization === true;
  const base: CustomerProfile = {
    id: history.customer.id,
    name: history.customer.name,
    points: history.loyalty.points,
    consent,
    tier: null,
    purchases: [],
    recentlyViewed: [],
    abandonedCart: null,
    offers: [],
    fetchedAt: now.toISOString(),
  };
  if (!consent) return base;
  const latest = (docs: DocSummary[]) =>
    [...docs].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')).slice(0, MAX_PURCHASES);
  const purchases = [
    ...latest(history.orders).map((d) => summarise('web', d)),
    ...latest(history.sales).map((d) => summarise('store', d)),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const cart = [...history.abandonedCarts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const names = new Map((cart?.items ?? []).map((i) => [i.sku, i.name]));
  return {
    ...base,
    tier: history.loyalty.tier ?? null,
    purchases,
    recentlyViewed: history.recentlyViewed.slice(0, 20).map((v) => ({ sku: v.sku, name: v.name })),
    abandonedCart: cart
      ? {
          at: cart.updatedAt,
          items: Object.entries(cart.lines)
            .filter(([, qty]) => qty > 0)
            .slice(0, 200)
            .map(([sku, qty]) => ({ sku, name: names.get(sku) ?? sku, qty })),
        }
      : null,
    offers: history.offers.slice(0, 20),
  };
}

/**
 * What the panel may show of a profile: everything with consent; without it only the name and balance,
 * whatever the profile holds. `localConsent` is the consent this register holds for the customer (null
 * when it holds none): a "no" given at the counter since the profile was fetched hides it at once.
 */
export function panelView(profile: CustomerProfile, localConsent: boolean | null = null): CustomerProfile {
  if (profile.consent && localConsent !== false) return profile;
  return {
    ...profile,
    consent: false,
    tier: null,
    purchases: [],
    recentlyViewed: [],
    abandonedCart: null,
    offers: [],
  };
}
