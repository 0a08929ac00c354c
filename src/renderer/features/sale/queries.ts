/**
 * The sale screen's replica reads, in the pattern of lib/replica-query.ts: the store's settings, the
 * stock of the cart's SKUs at this store, and the parked sales (local
 * documents, which have no change stream the provider follows, so that query is refetched when used).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { TillDatabase } from '../../../sync/database';
import { listParkedSales } from '../../../sync/sale-in-progress';
import { type LocalStock, localStock } from '../../../sync/stock-view';
import { useReplica, useSyncEngine } from '../../app/sync-provider';
import { replicaKeys, replicaQueryOptions } from '../../lib/replica-query';

/** The store's settings document (null until it has replicated). */
export function storeSettingsQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'settings', ['store', storeId], async (replica) => {
    const doc = await replica.settings.findOne(storeId).exec();
    return doc ? (doc.toJSON() as StoreSettings) : null;
  });
}

/** The store's settings, kept current from the replica. */
export function useStoreSettings(storeId: string | null) {
  return useQuery(storeSettingsQueryOptions(useReplica(), storeId ?? ''));
}

/**
 * Stock of `skus` at this store as the register sees it (src/sync/stock-view.ts). The unacknowledged sales
 * are this register's sales the engine still counts as pending.
 */
export function cartStockQueryOptions(
  db: TillDatabase | null,
  storeId: string,
  registerId: string,
  skus: readonly string[],
  isPending: ((id: string) => boolean) | null,
) {
  return replicaQueryOptions(db, 'stock', ['cart', storeId, ...skus], async (replica) => {
    const mine = await replica.sales.find({ selector: { registerId } }).exec();
    const pendingIds = mine.map((d) => d.id).filter((id) => isPending?.(id) ?? true);
    const levels = await Promise.all(skus.map((sku) => localStock(replica, storeId, sku, pendingIds)));
    return new Map<string, LocalStock>(levels.map((l) => [l.sku, l]));
  });
}

/** Stock of the given SKUs, kept current from the replica's stock levels. */
export function useCartStock(storeId: string, registerId: string, skus: readonly string[]) {
  const engine = useSyncEngine();
  return useQuery({
    ...cartStockQueryOptions(engine?.db ?? null, storeId, registerId, skus, engine?.isPending ?? null),
    placeholderData: (previous) => previous,
  });
}

/** The parked sales of this register, oldest first. */
export function parkedSalesQueryOptions(db: TillDatabase | null) {
  return queryOptions({
    queryKey: [...replicaKeys.database(db), 'local', 'parked-sales'] as const,
    queryFn: async () => {
      if (!db) return [];
      const list = await listParkedSales(db);
      if (!list.ok) throw new Error(list.error.message);
      return list.value;
    },
    staleTime: 0,
  });
}

/** The parked sales; refetched whenever the list is shown. */
export function useParkedSales() {
  return useQuery(parkedSalesQueryOptions(useReplica()));
}
