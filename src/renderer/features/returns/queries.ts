/**
 * The returns screen's replica reads, in the pattern of lib/replica-query.ts: a sale by receipt number or
 * id with the returns already made against it (the replica holds the store's recent sales from every
 * register, so this works offline), the store's settings, its managers (for approvals) and this register's
 * open shift.
 */
import { useQuery } from '@tanstack/react-query';
import { type SaleDocument, saleShapeSchema } from '@till/shared/schemas/sale';
import { storeSettingsSchema } from '@till/shared/schemas/settings';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';
import type { StaffChoice } from '../session/queries';
import type { SaleLookup } from './lookup-code';

/** A sale found for a return, with every return already recorded against it. */
export interface FoundSale {
  sale: SaleDocument;
  previousReturns: SaleDocument[];
}

/** Reads a replica document as a sale (RxDB's own fields dropped). */
function asSale(doc: { toJSON: () => unknown }): SaleDocument {
  return saleShapeSchema.parse(doc.toJSON());
}

/** The returns recorded against `saleId`, oldest first. */
export async function returnsOf(db: TillDatabase, saleId: string): Promise<SaleDocument[]> {
  const docs = await db.sales
    .find({ selector: { kind: 'return', 'returnOf.saleId': saleId }, sort: [{ createdAt: 'asc' }] })
    .exec();
  return docs.map(asSale);
}

/** Finds a sale (not a return) of this store by receipt number or id; null when the replica has none. */
export async function findSale(
  db: TillDatabase,
  storeId: string,
  lookup: SaleLookup,
): Promise<FoundSale | null> {
  const doc =
    lookup.by === 'id'
      ? await db.sales.findOne(lookup.id).exec()
      : await db.sales.findOne({ selector: { number: lookup.number, storeId } }).exec();
  if (!doc || doc.storeId !== storeId || doc.kind !== 'sale') return null;
  const sale = asSale(doc);
  return { sale, previousReturns: await returnsOf(db, sale.id) };
}

/** The sale `lookup` names, kept current: a return recorded against it refreshes what is returnable. */
export function foundSaleQueryOptions(db: TillDatabase | null, storeId: string, lookup: SaleLookup | null) {
  return replicaQueryOptions(db, 'sales', ['return-lookup', storeId, lookup], (replica) =>
    lookup ? findSale(replica, storeId, lookup) : Promise.resolve(null),
  );
}

/** The sale being returned, from the replica. */
export function useFoundSale(storeId: string, lookup: SaleLookup | null) {
  return useQuery({ ...foundSaleQueryOptions(useReplica(), storeId, lookup), enabled: lookup !== null });
}

/** The store's settings (null until they have replicated). */
export function returnSettingsQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'settings', ['returns', storeId], async (replica) => {
    const doc = await replica.settings.findOne(storeId).exec();
    return doc ? storeSettingsSchema.parse(doc.toJSON()) : null;
  });
}

/** The store's settings, kept current. */
export function useReturnSettings(storeId: string) {
  return useQuery(returnSettingsQueryOptions(useReplica(), storeId));
}

/** The store's active managers and admins: who may approve a cash refund or a return without receipt. */
export function approversQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'staff', ['approvers', storeId], async (replica) => {
    const docs = await replica.staff.find({ selector: { storeId, active: true } }).exec();
    return docs
      .filter((d) => d.role === 'manager' || d.role === 'admin')
      .map((d): StaffChoice => ({ id: d.id, name: d.name, role: d.role, pinHash: d.pinHash }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** The managers who may approve, kept current. */
export function useApprovers(storeId: string) {
  return useQuery(approversQueryOptions(useReplica(), storeId));
}

/** The id of this register's open shift, or null (a return is then recorded without one). */
export async function openShiftId(db: TillDatabase, registerId: string): Promise<string | null> {
  const doc = await db.shifts.findOne({ selector: { registerId, status: 'open' } }).exec();
  return doc?.id ?? null;
}

/** Receipt numbers this register has used (sales and returns), for the next number. */
export async function ownNumbers(db: TillDatabase, registerId: string): Promise<string[]> {
  const docs = await db.sales.find({ selector: { registerId } }).exec();
  return docs.map((d) => d.number);
}
