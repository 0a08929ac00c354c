/**
 * The replicated collections as the hub serves them, in one table checked against the sync protocol
 * (`syncCollections` in src/shared/sync/protocol.ts): for each, the feed a pull reads (null when registers
 * never pull it) and the handler a push runs (null when only the hub writes it). The register streams
 * pump exactly the pulled ones.
 */
import { type CollectionName, collectionNames, isCollectionName } from '@till/shared/sync/protocol';
import { type PullFeed, feeds } from '../repositories/feeds';
import { DomainError } from './errors';
import { pushAudit } from './push/audit';
import { pushCustomers } from './push/customers';
import { pushOrders } from './push/orders';
import type { PushHandler } from './push/push-handler';
import { pushSales } from './push/sales';
import { pushShifts } from './push/shifts';

/** How the hub serves one collection. */
export interface CollectionSync {
  /** What a pull reads, or null: the collection is push-only. */
  pull: PullFeed | null;
  /** What a push runs, or null: only the hub writes the collection. */
  push: PushHandler | null;
}

/** Every replicated collection: how it is pulled and which handler writes a push. */
export const hubCollections = {
  products: { pull: feeds.products, push: null },
  stock: { pull: feeds.stock, push: null },
  sales: { pull: feeds.sales, push: pushSales },
  orders: { pull: feeds.orders, push: pushOrders },
  customers: { pull: feeds.customers, push: pushCustomers },
  staff: { pull: feeds.staff, push: null },
  shifts: { pull: null, push: pushShifts },
  audit: { pull: null, push: pushAudit },
  settings: { pull: feeds.settings, push: null },
} satisfies Record<CollectionName, CollectionSync>;

/** The collections registers pull (and the register streams carry), with their feeds. */
export const pulledCollections: readonly { name: CollectionName; feed: PullFeed }[] = collectionNames.flatMap(
  (name) => {
    const feed: PullFeed | null = hubCollections[name].pull;
    return feed ? [{ name, feed }] : [];
  },
);

/** The collection named by a path, or `unknown_collection`. */
export function collectionNamed(name: string): CollectionName {
  if (!isCollectionName(name)) throw new DomainError('unknown_collection', `no collection "${name}"`);
  return name;
}

/** The feed of a collection registers pull; `not_pullable` for a push-only one. */
export function pullFeedOf(name: CollectionName): PullFeed {
  const feed: PullFeed | null = hubCollections[name].pull;
  if (!feed) throw new DomainError('not_pullable', `${name} is push-only`);
  return feed;
}

/** The push handler of a collection registers write; `not_pushable` for one only the hub writes. */
export function pushHandlerOf(name: CollectionName): PushHandler {
  const handler: PushHandler | null = hubCollections[name].push;
  if (!handler) throw new DomainError('not_pushable', `${name} is written only by the hub`);
  return handler;
}
