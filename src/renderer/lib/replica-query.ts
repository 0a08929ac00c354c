/**
 * Reading the replica with react-query: the one pattern features use for replica data (see the README).
 * A query's key starts with its replica and collection (`replicaKeys`); its data stays fresh
 * (`staleTime: Infinity`) until that collection changes, when the sync provider invalidates every query of
 * the collection — whether the change came from replication or from this register.
 */
import { type QueryClient, queryOptions, skipToken, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { RxCollection } from 'rxdb';
import { type Subscription, throttleTime } from 'rxjs';
import { type CollectionName, collectionNames } from '@till/shared/sync/protocol';
import type { TillDatabase } from '../../sync/database';

/** Query-key factories: every replica read sits under its database and collection. */
export const replicaKeys = {
  all: ['replica'] as const,
  database: (db: TillDatabase | null) => [...replicaKeys.all, db?.name ?? 'none'] as const,
  collection: (db: TillDatabase | null, collection: CollectionName) =>
    [...replicaKeys.database(db), collection] as const,
};

/**
 * Options of a query that reads `collection` of the replica with `read`. `key` tells this read apart from
 * others of the same collection (`['count']`, `['by-sku', sku]`). With no replica yet the query waits.
 */
export function replicaQueryOptions<T, K extends readonly unknown[]>(
  db: TillDatabase | null,
  collection: CollectionName,
  key: K,
  read: (db: TillDatabase) => Promise<T>,
) {
  return queryOptions({
    queryKey: [...replicaKeys.collection(db, collection), ...key] as const,
    queryFn: db ? () => read(db) : skipToken,
    // The replica says when the data changed (see invalidateOnChange); until then it is current.
    staleTime: Infinity,
  });
}

/**
 * Invalidates a collection's queries whenever a document of it changes. At most one invalidation per
 * `throttleMs` and collection: an initial sync writes thousands of products, and each refetch is a read.
 */
export function invalidateOnChange(queryClient: QueryClient, db: TillDatabase, throttleMs = 250): () => void {
  const subscriptions: Subscription[] = collectionNames.map((name) => {
    // The collections differ in document type only; their change streams are alike. One event per write
    // batch, not per document (`$`), which would build an event object for each product of a sync.
    const changes$ = (db.collections[name] as unknown as RxCollection).eventBulks$;
    return changes$
      .pipe(throttleTime(throttleMs, undefined, { leading: true, trailing: true }))
      .subscribe(() => void queryClient.invalidateQueries({ queryKey: replicaKeys.collection(db, name) }));
  });
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}

/** Keeps the queries of `db` current for as long as the calling component is mounted. */
export function useReplicaInvalidation(db: TillDatabase | null): void {
  const queryClient = useQueryClient();
  useEffect(() => (db ? invalidateOnChange(queryClient, db) : undefined), [db, queryClient]);
}
