/**
 * The customer display's reads and calls: this register's latest sale from the replica (the pattern of
 * lib/replica-query.ts), for the change due after a sale; and the `display:*` channels.
 */
import { useQuery } from '@tanstack/react-query';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { unwrapIpc } from '../../lib/ipc-query';
import { replicaQueryOptions } from '../../lib/replica-query';

/** The newest sale or return recorded on `registerId` (null before the first). */
export function latestSaleQueryOptions(db: TillDatabase | null, registerId: string) {
  return replicaQueryOptions(db, 'sales', ['latest', registerId], async (replica) => {
    const doc = await replica.sales
      .findOne({ selector: { registerId }, sort: [{ createdAt: 'desc' }] })
      .exec();
    return doc ? (doc.toJSON() as SaleDocument) : null;
  });
}

/** This register's newest sale, kept current from the replica. */
export function useLatestSale(registerId: string) {
  return useQuery(latestSaleQueryOptions(useReplica(), registerId));
}

/** Publishes the display's state; a failure is only logged, since the sale goes on without a display. */
export async function publishDisplay(state: DisplayState): Promise<void> {
  const result = await window.till.invoke('display:publish', state);
  if (!result.ok) console.warn(`[display] not published: ${result.error.code} ${result.error.message}`);
}

/** The latest published state, for a display that just opened. */
export async function fetchCurrentDisplay(): Promise<DisplayState> {
  return unwrapIpc(await window.till.invoke('display:current'));
}
