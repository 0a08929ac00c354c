/**
 * Finding a web order for a return: this register's replica first (it holds this store's pickup orders,
 * so they are found offline too), then the hub for every other order (shipped ones, other stores'); with
 * the returns already made against the found order, from the replica and the hub, each once.
 */
import { useQuery } from '@tanstack/react-query';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type SaleDocument, saleShapeSchema } from '@till/shared/schemas/sale';
import { type WebOrder, webOrderSchema } from '@till/shared/schemas/web-order';
import type { TillDatabase } from '../../../sync/database';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { fetchOrderReturns, fetchOrders } from './counter-client';
import type { OrderLookup } from './order-lookup';
import { mergeReturns } from './web-order-returns';

/** Orders found for a look-up, and whether the hub could be asked. */
export interface FoundOrders {
  orders: WebOrder[];
  /** False when the hub could not be reached: only the replica's orders are shown. */
  hubReached: boolean;
}

function matches(order: WebOrder, lookup: OrderLookup): boolean {
  const v = lookup.value.toLowerCase();
  if (lookup.by === 'email') return order.customer.email.toLowerCase() === v;
  if (lookup.by === 'phone')
    return (order.customer.phone ?? '').replace(/[^0-9+]/g, '') === v.replace(/[^0-9+]/g, '');
  return order.number.toLowerCase() === v || order.id.toLowerCase() === v;
}

/** The replica's orders matching `lookup`, newest first. */
export async function replicaOrders(db: TillDatabase, lookup: OrderLookup): Promise<WebOrder[]> {
  const docs = await db.orders.find().exec();
  return docs
    .map((d) => webOrderSchema.safeParse(d.toJSON()))
    .flatMap((p) => (p.success ? [p.data] : []))
    .filter((o) => matches(o, lookup))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Replica orders, then the hub's others. */
export async function findWebOrders(
  db: TillDatabase,
  enrollment: StoredEnrollment,
  lookup: OrderLookup,
): Promise<FoundOrders> {
  const local = await replicaOrders(db, lookup);
  const remote = await fetchOrders(enrollment, lookup);
  if (!remote.ok) return { orders: local, hubReached: remote.error.code !== 'offline' };
  const ids = new Set(local.map((o) => o.id));
  return { orders: [...local, ...remote.value.filter((o) => !ids.has(o.id))], hubReached: true };
}

/** The returns already made against `orderId`: the replica's (this store's) and the hub's (any store's). */
export async function webOrderReturns(
  db: TillDatabase,
  enrollment: StoredEnrollment,
  orderId: string,
): Promise<{ returns: SaleDocument[]; hubReached: boolean }> {
  const docs = await db.sales.find({ selector: { kind: 'return', 'returnOf.orderId': orderId } }).exec();
  const local = docs.map((d) => saleShapeSchema.parse(d.toJSON()));
  const remote = await fetchOrderReturns(enrollment, orderId);
  return {
    returns: mergeReturns(local, remote.ok ? remote.value : []),
    hubReached: remote.ok,
  };
}

/** The web orders `lookup` names (nothing is asked without one). */
export function useWebOrders(lookup: OrderLookup | null) {
  const db = useReplica();
  const enrollment = useEnrollment();
  return useQuery({
    queryKey: ['web-order-lookup', enrollment?.storeId, lookup],
    queryFn: () => findWebOrders(db!, enrollment!, lookup!),
    enabled: !!db && !!enrollment && lookup !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/** The returns already made against an order, asked again whenever the picker opens. */
export function useWebOrderReturns(orderId: string | null) {
  const db = useReplica();
  const enrollment = useEnrollment();
  return useQuery({
    queryKey: ['web-order-returns', orderId],
    queryFn: () => webOrderReturns(db!, enrollment!, orderId!),
    enabled: !!db && !!enrollment && orderId !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
