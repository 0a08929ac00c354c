/**
 * Counter look-ups: a web order by number, e-mail, phone or receipt QR (BORIS and BOPIS), a customer by
 * e-mail or phone, and a customer's unified history — web orders and store sales, loyalty, and (only
 * with the customer's personalization consent) abandoned carts, recently viewed products and offers.
 * Look-ups need an exact key the customer gives at the counter.
 */
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { AbandonedCart, ViewedProduct } from '../repositories/browsing';
import type { CustomerContact } from '../repositories/customers';
import type { Repositories } from '../repositories/repositories';
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

/** Customers with exactly this e-mail or phone; `missing_key` when neither is given. */
export async function findCustomers(
  repos: Repositories,
  q: { email?: string | undefined; phone?: string | undefined },
): Promise<CustomerContact[]> {
  if (!q.email && !q.phone) throw new DomainError('missing_key', 'give email or phone');
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
  loyalty: { points: number };
  orders: WebOrder[];
  sales: unknown[];
  abandonedCarts: AbandonedCart[];
  recentlyViewed: ViewedProduct[];
  offers: Offer[];
  personalization: boolean;
}

/** A customer's unified history, or null when there is no such customer. */
export async function customerHistory(repos: Repositories, id: string): Promise<CustomerHistory | null> {
  const customer = await repos.customers.byId(id);
  if (!customer) return null;
  const [orders, sales] = await Promise.all([repos.webOrders.byCustomer(id), repos.sales.byCustomer(id)]);
  const personal = customer.consent.personalization === true;
  const [carts, views] = personal
    ? await Promise.all([repos.browsing.abandonedCarts(id), repos.browsing.mostViewed(id)])
    : [[], []];
  return {
    customer: { id: customer.id, name: customer.name, email: customer.email, consent: customer.consent },
    loyalty: { points: customer.loyaltyPoints },
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
