/**
 * Counter look-ups: a web order by number, e-mail, phone or receipt QR (BORIS and BOPIS), a customer by
 * e-mail or phone, and a customer's unified history — web orders and store sales, loyalty, and (only
 * with the customer's personalization consent) abandoned carts, recently viewed products and offers.
 * Look-ups need an exact key the customer gives at the counter.
 */
import { type LoyaltyTier, tierOf } from '@till/shared/domain/loyalty';
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { ViewedProduct } from '../repositories/browsing';
import type { AbandonedCartView } from '../repositories/carts';
import type { CustomerContact } from '../repositories/customers';
import type { Repositories } from '../repositories/repositories';
import { type AbandonedCartPolicy, abandonedCartsOf } from './abandoned-carts';
import { DomainError } from './errors';

/** The keys of an order look-up; `qr` is a receipt QR `till:order:<id or number>` or the bare number. */
export interface OrderLookup {
  number?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  qr?: string | undefined;
}

/** Orders matching any key given; `missing_key` when none is. */
export async function findOrders(repos: Repositories, q: OrderLookup): Promise<WebOrder[]> {
  const key = q.qr ? q.qr.replace(/^till:order:/, '') : q.number;
  if (!key && !q.email && !q.phone) throw new DomainError('missing_key', 'give number, email, phone or qr');
  return repos.webOrders.find({ key: key ?? null, email: q.email ?? null, phone: q.phone ?? null });
}

/** The prefix of a loyalty card's code; the rest is the customer's id (a bare id is read the same). */
export const LOYALTY_CARD_PREFIX = 'till:customer:';

/**
 * Customers with exactly this loyalty card, e-mail or phone; `missing_key` when none is given. A card is
 * what its barcode or QR says: `till:customer:<id>` or the bare id.
 */
export async function findCustomers(
  repos: Repositories,
  q: { email?: string | undefined; phone?: string | undefined; card?: string | undefined },
): Promise<CustomerContact[]> {
  if (q.card) {
    const id = q.card.startsWith(LOYALTY_CARD_PREFIX) ? q.card.slice(LOYALTY_CARD_PREFIX.length) : q.card;
    const found = await repos.customers.byId(id);
    return found ? [found] : [];
  }
  if (!q.email && !q.phone) throw new DomainError('missing_key', 'give card, email or phone');
  return repos.customers.findByContact(q.email ?? null, q.phone ?? null);
}

/** A simple offer for the demo: a product the customer looked at, 10 % off. */
export interface Offer {
  sku: string;
  name: string;
  discountBp: number;
  reason: string;
}

/** Everything the counter may show of one customer. */
export interface CustomerHistory {
  customer: Pick<CustomerContact, 'id' | 'name' | 'email' | 'consent'>;
  /** The balance, the points earned in all and the tier they give. */
  loyalty: { points: number; lifetime: number; tier: LoyaltyTier };
  orders: WebOrder[];
  sales: unknown[];
  abandonedCarts: AbandonedCartView[];
  recentlyViewed: ViewedProduct[];
  offers: Offer[];
  personalization: boolean;
}

/**
 * A customer's unified history, or null when there is no such customer. Carts left untouched for the
 * policy's time as of `now` are marked abandoned first (domain/abandoned-carts.ts).
 */
export async function customerHistory(
  repos: Repositories,
  id: string,
  cartPolicy: AbandonedCartPolicy = { abandonedCartMinutes: 30 },
  now: Date = new Date(),
): Promise<CustomerHistory | null> {
  const customer = await repos.customers.byId(id);
  if (!customer) return null;
  const personal = customer.consent.personalization === true;
  // Without consent the counter sees the name and the balance, nothing else (not even their purchases).
  const [orders, sales, lifetime] = await Promise.all([
    personal ? repos.webOrders.byCustomer(id) : [],
    personal ? repos.sales.byCustomer(id) : [],
    repos.loyalty.lifetimeEarned(id),
  ]);
  const [carts, views] = personal
    ? await Promise.all([abandonedCartsOf({ repos }, cartPolicy, id, now), repos.browsing.mostViewed(id)])
    : [[], []];
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      email: personal ? customer.email : null,
      consent: customer.consent,
    },
    loyalty: { points: customer.loyaltyPoints, lifetime, tier: tierOf(lifetime) },
    orders,
    sales,
    abandonedCarts: carts,
    recentlyViewed: views,
    // What they looked at most, 10 % off, with consent only.
    offers: views
      .slice(0, 3)
      .map((v) => ({ sku: v.sku, name: v.name, discountBp: 1000, reason: 'viewed online' })),
    personalization: personal,
  };
}
