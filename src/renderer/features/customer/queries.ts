/**
 * The customer feature's replica reads, in the pattern of lib/replica-query.ts: search this store's
 * customers (they replicate to the register) by name, e-mail or phone, and one customer by id.
 */
import { useQuery } from '@tanstack/react-query';
import type { Customer } from '@till/shared/schemas/customer';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';
import { matchesCustomer } from './customer-match';

/** At most this many matches are listed: the clerk types more to narrow them. */
const MAX_MATCHES = 20;

/** Customers whose name, e-mail or phone matches `text` (nothing for fewer than two characters). */
export function customerSearchQueryOptions(db: TillDatabase | null, text: string) {
  const wanted = text.trim();
  return replicaQueryOptions(db, 'customers', ['search', wanted], async (replica) => {
    if (wanted.length < 2) return [];
    const docs = await replica.customers.find().exec();
    return docs
      .map((d) => d.toJSON() as Customer)
      .filter((c) => matchesCustomer(c, wanted))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, MAX_MATCHES);
  });
}

/** The customers matching `text`, kept current from the replica. */
export function useCustomerSearch(text: string) {
  return useQuery(customerSearchQueryOptions(useReplica(), text));
}

/** One customer by id (null when the replica does not hold it). */
export function customerQueryOptions(db: TillDatabase | null, id: string) {
  return replicaQueryOptions(db, 'customers', ['by-id', id], async (replica) => {
    const doc = await replica.customers.findOne(id).exec();
    return doc ? (doc.toJSON() as Customer) : null;
  });
}

/** The customer attached to the sale, kept current (loyalty points come from the hub). */
export function useCustomer(id: string | null) {
  return useQuery({ ...customerQueryOptions(useReplica(), id ?? ''), enabled: id !== null });
}
