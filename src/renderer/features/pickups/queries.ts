/**
 * This store's pickup orders from the replica (the pattern of src/renderer/README.md), and the one write
 * the Pickups screen makes: the order document with its new status and hand-overs, which the replica
 * pushes to the hub (offline, as soon as it is back). The hub's state machine is the authority: a move it
 * refuses comes back as its own document, and the screen shows that.
 */
import { useQuery } from '@tanstack/react-query';
import { type WebOrder, webOrderSchema } from '@till/shared/schemas/web-order';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';
import { waitingStatuses } from './pickup-moves';

/** The store's pickup orders, newest first (the replica holds only this store's). */
export function pickupOrdersQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'orders', ['pickups', storeId], async (replica) => {
    const docs = await replica.orders.find().exec();
    return docs
      .map((d) => d.toJSON() as WebOrder)
      .filter((o) => o.fulfilment.type === 'pickup' && o.fulfilment.storeId === storeId)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  });
}

/** This store's pickup orders, kept current from the replica. */
export function usePickupOrders(storeId: string | null) {
  return useQuery(pickupOrdersQueryOptions(useReplica(), storeId ?? ''));
}

/** How many of the store's pickup orders wait for the counter (the top bar's badge). */
export function useWaitingPickups(storeId: string | null): number {
  const orders = usePickupOrders(storeId);
  return (orders.data ?? []).filter((o) => waitingStatuses.includes(o.status)).length;
}

/** What writing an order gave. */
export type SaveResult =
  { ok: true } | { ok: false; error: { code: 'unknown_order' | 'invalid'; message: string } };

/** Writes the order's new status and hand-overs into the replica (pushed to the hub from there). */
export async function saveOrderMove(db: TillDatabase, next: WebOrder): Promise<SaveResult> {
  const checked = webOrderSchema.safeParse(next);
  if (!checked.success)
    return { ok: false, error: { code: 'invalid', message: 'The order could not be saved.' } };
  const current = await db.orders.findOne(next.id).exec();
  if (!current)
    return { ok: false, error: { code: 'unknown_order', message: 'This order is no longer here.' } };
  await current.incrementalPatch({
    status: next.status,
    updatedAt: next.updatedAt,
    ...(next.pickups ? { pickups: next.pickups } : {}),
  });
  return { ok: true };
}
