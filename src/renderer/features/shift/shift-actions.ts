/**
 * Writes of the shift screen, all to the replica (nothing waits for the network; replication pushes the
 * `shifts` and `audit` documents to the hub by itself, docs/architecture.md, "Sync protocol"). Every new
 * version is checked with the shared schema first, so the hub never refuses what this register wrote, and a
 * bad input is a coded error that changes nothing.
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { countTotal } from '@till/shared/domain/shift-report';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { AuditEntry } from '@till/shared/schemas/audit';
import {
  type CashMovement,
  type DenominationCount,
  type Shift,
  cashMovementsOf,
  shiftSchema,
} from '@till/shared/schemas/shift';
import type { TillDatabase } from '../../../sync/database';
import { recordAudit } from '../../../sync/record-audit';

/** A result as a value (the renderer's boundary rule). */
export type ShiftResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

type Where = Pick<StoredEnrollment, 'storeId' | 'registerId'>;

const fail = (code: string, message: string): ShiftResult<never> => ({ ok: false, error: { code, message } });

/** Checks `doc` with the shared schema; the first problem becomes an `invalid_shift` error. */
function checked(doc: Shift): ShiftResult<Shift> {
  const parsed = shiftSchema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return fail('invalid_shift', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

/** Writes an audit entry through the shared helper; a failed write is logged there, never thrown. */
async function audit(
  db: TillDatabase,
  where: Where,
  staffId: string,
  action: AuditEntry['action'],
  details: AuditEntry['details'],
): Promise<void> {
  await recordAudit(db, where, { action, staffId, details });
}

/** Opens a shift on this register with a counted float. Refuses while one is open (`shift_open`). */
export async function openShift(
  db: TillDatabase,
  where: Where,
  input: { clerkId: string; currency: string; float: readonly DenominationCount[] | number },
): Promise<ShiftResult<Shift>> {
  const open = await db.shifts.findOne({ selector: { registerId: where.registerId, status: 'open' } }).exec();
  if (open) return fail('shift_open', 'A shift is already open on this register.');
  const now = new Date().toISOString();
  const float = typeof input.float === 'number' ? input.float : countTotal(input.float);
  const doc = checked({
    id: newDocumentId(),
    storeId: where.storeId,
    registerId: where.registerId,
    clerkId: input.clerkId,
    status: 'open',
    currency: input.currency,
    openedAt: now,
    openingFloat: float,
    closedAt: null,
    closedBy: null,
    expectedCash: null,
    countedCash: null,
    cashMovements: [],
    counted: null,
    updatedAt: now,
  });
  if (!doc.ok) return doc;
  await db.shifts.insert(doc.value);
  await audit(db, where, input.clerkId, 'shift_open', { shiftId: doc.value.id, openingFloat: float });
  return doc;
}

/**
 * Records a paid-in or paid-out with its reason on the open shift `shiftId`, and audits it (`paid_in` or
 * `paid_out`: who, how much, why, which shift) so cash leaving the drawer is in the trail managers review.
 */
export async function addCashMovement(
  db: TillDatabase,
  shiftId: string,
  input: Pick<CashMovement, 'kind' | 'amount' | 'reason' | 'staffId'>,
): Promise<ShiftResult<Shift>> {
  const current = await db.shifts.findOne(shiftId).exec();
  if (!current || current.status !== 'open') return fail('shift_not_open', 'No open shift to record it in.');
  const shift = current.toMutableJSON() as Shift;
  const now = new Date().toISOString();
  const movement: CashMovement = { id: newDocumentId(), at: now, ...input, reason: input.reason.trim() };
  const next = checked({ ...shift, cashMovements: [...cashMovementsOf(shift), movement], updatedAt: now });
  if (!next.ok) return next;
  await current.incrementalPatch({ cashMovements: next.value.cashMovements, updatedAt: now });
  await audit(db, shift, movement.staffId, movement.kind, {
    shiftId: shift.id,
    movementId: movement.id,
    amount: movement.amount,
    reason: movement.reason,
  });
  return next;
}

/**
 * Closes the open shift `shiftId` with the count by denomination (or one counted total where the currency
 * has no denominations here) against `expectedCash`. `approvedBy` is the manager whose PIN allowed a large
 * variance (the caller checked it), audited with the close.
 */
export async function closeShift(
  db: TillDatabase,
  where: Where,
  input: {
    shiftId: string;
    closedBy: string;
    expectedCash: number;
    counted: readonly DenominationCount[] | number;
    approvedBy: string | null;
  },
): Promise<ShiftResult<Shift>> {
  const current = await db.shifts.findOne(input.shiftId).exec();
  if (!current || current.status !== 'open') return fail('shift_not_open', 'This shift is not open.');
  const shift = current.toMutableJSON() as Shift;
  const now = new Date().toISOString();
  const counts = typeof input.counted === 'number' ? null : input.counted.filter((c) => c.count > 0);
  const countedCash = typeof input.counted === 'number' ? input.counted : countTotal(input.counted);
  const next = checked({
    ...shift,
    status: 'closed',
    closedAt: now,
    closedBy: input.closedBy,
    expectedCash: input.expectedCash,
    countedCash,
    counted: counts,
    updatedAt: now,
  });
  if (!next.ok) return next;
  const { status, closedAt, closedBy, expectedCash, counted, updatedAt } = next.value;
  await current.incrementalPatch({
    status,
    closedAt,
    closedBy,
    expectedCash,
    countedCash,
    counted,
    updatedAt,
  });
  if (input.approvedBy) {
    await audit(db, where, input.approvedBy, 'manager_approval', {
      reason: 'shift_variance',
      shiftId: input.shiftId,
      variance: countedCash - input.expectedCash,
    });
  }
  await audit(db, where, input.closedBy, 'shift_close', {
    shiftId: input.shiftId,
    expectedCash: input.expectedCash,
    countedCash,
    variance: countedCash - input.expectedCash,
    approvedBy: input.approvedBy,
  });
  return next;
}
