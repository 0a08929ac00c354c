/**
 * The replica reads of the app-info panel, in the pattern of lib/replica-query.ts: options per read (key,
 * reader, kept fresh by the collection's changes) and a hook each.
 */
import { useQuery } from '@tanstack/react-query';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** How many products the replica holds. */
export function productCountQueryOptions(db: TillDatabase | null) {
  return replicaQueryOptions(db, 'products', ['count'], (replica) => replica.products.count().exec());
}

/** The products in the replica, counted again whenever the products collection changes. */
export function useProductCount() {
  return useQuery(productCountQueryOptions(useReplica()));
}

/** The store's name, from its settings document (null until the settings have replicated). */
export function storeNameQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'settings', ['name', storeId], async (replica) => {
    const settings = await replica.settings.findOne(storeId).exec();
    return settings?.name ?? null;
  });
}

/** The store's name, kept current from the replica. */
export function useStoreName(storeId: string) {
  return useQuery(storeNameQueryOptions(useReplica(), storeId));
}
