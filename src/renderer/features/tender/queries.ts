/**
 * What the tender screen asks of the register process (the `payment` and `printer` channels) and of the
 * replica (the register's open shift, its receipt numbers), in the patterns of src/renderer/README.md.
 */
import { useQuery } from '@tanstack/react-query';
import type { CardOutcome } from '@till/shared/ipc/channels/payment';
import type { IpcResult } from '@till/shared/ipc/contract';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** Charges a card for part or all of a sale; a transport failure comes back as `{ ok: false }`. */
export function chargeCard(
  saleId: string,
  amount: number,
  currency: string,
): Promise<IpcResult<CardOutcome>> {
  return window.till.invoke('payment:card-charge', { saleId, amount, currency });
}

/** Records what the terminal showed after an `unknown` outcome. */
export function resolveCard(
  saleId: string,
  approved: boolean,
  reference?: string,
): Promise<IpcResult<CardOutcome>> {
  return window.till.invoke('payment:card-resolve', {
    saleId,
    approved,
    ...(reference ? { reference } : {}),
  });
}

/** Cancels the charge of a sale that is waiting for the terminal. */
export async function cancelCard(saleId: string): Promise<void> {
  await window.till.invoke('payment:card-cancel', { saleId });
}

/**
 * Opens the cash drawer for a sale: `key` (the sale's id) opens it once however often asked. Answers what
 * to tell the clerk when it cannot (no drawer set up, a fault), else null.
 */
export async function openDrawer(key: string): Promise<string | null> {
  const result = await window.till.invoke('printer:drawer', { key });
  return result.ok ? null : result.error.message;
}

/** The id of this register's open shift in the replica, or null (sales then carry `shiftId: null`). */
export async function openShiftId(db: TillDatabase, registerId: string): Promise<string | null> {
  const shift = await db.shifts.findOne({ selector: { registerId, status: 'open' } }).exec();
  return shift ? shift.id : null;
}

/** Every receipt number this register can see in its replica (to number the next sale after them). */
export async function registerReceiptNumbers(db: TillDatabase, registerId: string): Promise<string[]> {
  const docs = await db.sales.find({ selector: { registerId } }).exec();
  return docs.map((doc) => doc.number);
}

/** This register's open shift id, kept current from the replica (for the screen to show). */
export function useOpenShiftId(registerId: string | null) {
  return useQuery(
    replicaQueryOptions(useReplica(), 'shifts', ['open', registerId ?? ''], (db) =>
      registerId ? openShiftId(db, registerId) : Promise.resolve(null),
    ),
  );
}
