/**
 * The shift screen's replica reads, in the pattern of lib/replica-query.ts: this register's open shift, one
 * shift by id, the sales and returns of a shift, the store's settings and its managers (for the PIN that
 * approves a large variance).
 */
import { useQuery } from '@tanstack/react-query';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { Shift } from '@till/shared/schemas/shift';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** This register's open shift (the latest opened, should there ever be two), or null. */
export function openShiftQueryOptions(db: TillDatabase | null, registerId: string) {
  return replicaQueryOptions(db, 'shifts', ['open', registerId], async (replica) => {
    const docs = await replica.shifts.find({ selector: { registerId, status: 'open' } }).exec();
    const shifts = docs.map((d) => d.toMutableJSON() as Shift);
    return shifts.sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0] ?? null;
  });
}

/** This register's open shift, kept current from the replica. */
export function useOpenShift(registerId: string) {
  return useQuery(openShiftQueryOptions(useReplica(), registerId));
}

/** One shift by id (null when absent). */
export function shiftQueryOptions(db: TillDatabase | null, id: string) {
  return replicaQueryOptions(db, 'shifts', ['one', id], async (replica) => {
    const doc = await replica.shifts.findOne(id).exec();
    return doc ? (doc.toMutableJSON() as Shift) : null;
  });
}

/** One shift, kept current. */
export function useShift(id: string | null) {
  return useQuery({ ...shiftQueryOptions(useReplica(), id ?? ''), enabled: id !== null });
}

/** The sales and returns recorded in a shift (the report filters them by register as well). */
export function shiftSalesQueryOptions(db: TillDatabase | null, shiftId: string) {
  return replicaQueryOptions(db, 'sales', ['by-shift', shiftId], async (replica) => {
    const docs = await replica.sales.find({ selector: { shiftId } }).exec();
    return docs.map((d) => d.toMutableJSON() as SaleDocument);
  });
}

/** A shift's sales and returns, kept current. */
export function useShiftSales(shiftId: string | null) {
  return useQuery({ ...shiftSalesQueryOptions(useReplica(), shiftId ?? ''), enabled: shiftId !== null });
}

/** The store's settings document (null until it has replicated). */
export function shiftSettingsQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'settings', ['store', storeId], async (replica) => {
    const doc = await replica.settings.findOne(storeId).exec();
    return doc ? (doc.toMutableJSON() as StoreSettings) : null;
  });
}

/** The store's settings, kept current. */
export function useShiftSettings(storeId: string) {
  return useQuery(shiftSettingsQueryOptions(useReplica(), storeId));
}

/** The store's managers, as the sign-in reads them: one query and one cache for every screen that asks. */
export { managersQueryOptions, useManagers } from '../session/queries';
