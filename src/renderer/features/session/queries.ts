/**
 * The sign-in's reads and calls: the store's active staff and its managers from the replica (the pattern
 * of lib/replica-query.ts; the shift and sync screens read the managers here too) and `staff:verify-pin`,
 * whose refusals stay values here because their details (tries left, the end of a lock) are what the
 * screen shows.
 */
import { useQuery } from '@tanstack/react-query';
import type { IpcResult, IpcResponse } from '@till/shared/ipc/contract';
import type { VerifyPinRequest } from '@till/shared/ipc/channels/staff';
import type { Role } from '@till/shared/schemas/staff';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** A staff member one can sign in as, with the verifier the register process checks the PIN against. */
export interface StaffChoice {
  id: string;
  name: string;
  role: Role;
  pinHash: string;
}

/** The store's active staff, by name. */
export function activeStaffQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'staff', ['active', storeId], async (replica) => {
    const docs = await replica.staff.find({ selector: { storeId, active: true } }).exec();
    return docs
      .map((d): StaffChoice => ({ id: d.id, name: d.name, role: d.role, pinHash: d.pinHash }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** The store's active staff, kept current from the replica. */
export function useActiveStaff(storeId: string) {
  return useQuery(activeStaffQueryOptions(useReplica(), storeId));
}

/** The store's active managers and admins, by name: who may approve at the counter. */
export function managersQueryOptions(db: TillDatabase | null, storeId: string) {
  return replicaQueryOptions(db, 'staff', ['managers', storeId], async (replica) => {
    const docs = await replica.staff.find({ selector: { storeId, active: true } }).exec();
    return docs
      .filter((d) => d.role === 'manager' || d.role === 'admin')
      .map((d): StaffChoice => ({ id: d.id, name: d.name, role: d.role, pinHash: d.pinHash }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** The managers who may approve, kept current from the replica. */
export function useManagers(storeId: string) {
  return useQuery(managersQueryOptions(useReplica(), storeId));
}

/** Asks the register process whether `pin` is the staff member's PIN. Never throws. */
export function verifyStaffPin(
  request: VerifyPinRequest,
): Promise<IpcResult<IpcResponse<'staff:verify-pin'>>> {
  return window.till.invoke('staff:verify-pin', request);
}
