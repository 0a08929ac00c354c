/**
 * Audit entries of the sale screen (`manager_approval`, `price_override`, `discount`, `void_line`), written to
 * the replica's insert-only `audit` collection, from where replication pushes them to the hub
 * (docs/architecture.md, Sync protocol).
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type AuditEntry, auditEntrySchema } from '@till/shared/schemas/audit';
import type { TillDatabase } from '../../../sync/database';

/** The sale screen's actions worth an entry. */
export type SaleAuditAction = Extract<
  AuditEntry['action'],
  'manager_approval' | 'price_override' | 'discount' | 'void_line'
>;

/** What one entry says. */
export interface SaleAuditEvent {
  action: SaleAuditAction;
  /** The clerk at the register (or the approving manager, for `manager_approval`). */
  staffId: string | null;
  details: AuditEntry['details'];
}

/**
 * Writes an entry. A failed write is logged, not thrown: an audit trail that cannot be written must not stop
 * the sale (the approval itself is also on the sale document).
 */
export async function recordSaleAudit(
  db: TillDatabase | null,
  enrollment: Pick<StoredEnrollment, 'storeId' | 'registerId'> | null,
  event: SaleAuditEvent,
): Promise<void> {
  if (!db || !enrollment) return;
  try {
    const entry = auditEntrySchema.parse({
      id: newDocumentId(),
      storeId: enrollment.storeId,
      registerId: enrollment.registerId,
      staffId: event.staffId,
      action: event.action,
      at: new Date().toISOString(),
      details: event.details,
    });
    await db.audit.insert(entry);
  } catch (error) {
    console.error('[audit] could not record', event.action, error);
  }
}
