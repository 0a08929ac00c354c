/**
 * Audit entries of the returns screen (docs/architecture.md, Data rules): each return, and each manager
 * approval it needed, written to the replica's insert-only `audit` collection, from where replication
 * pushes them to the hub.
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type AuditEntry, auditEntrySchema } from '@till/shared/schemas/audit';
import type { TillDatabase } from '../../../sync/database';

/** What one returns entry says. */
export interface ReturnsAuditEvent {
  action: Extract<AuditEntry['action'], 'return' | 'manager_approval'>;
  staffId: string;
  details: AuditEntry['details'];
}

/**
 * Writes an entry. A failed write is logged, never thrown: the return is already recorded, and the
 * customer must not wait on the audit trail.
 */
export async function recordReturnsAudit(
  db: TillDatabase,
  enrollment: Pick<StoredEnrollment, 'storeId' | 'registerId'>,
  event: ReturnsAuditEvent,
): Promise<void> {
  try {
    await db.audit.insert(
      auditEntrySchema.parse({
        id: newDocumentId(),
        storeId: enrollment.storeId,
        registerId: enrollment.registerId,
        staffId: event.staffId,
        action: event.action,
        at: new Date().toISOString(),
        details: event.details,
      }),
    );
  } catch (error) {
    console.error('[audit] could not record', event.action, error);
  }
}
