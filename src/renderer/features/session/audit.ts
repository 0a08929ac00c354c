/**
 * Audit entries of signing in and out, written to the replica's `audit` collection (insert-only), from
 * where replication pushes them to the hub by itself (docs/architecture.md, "Sync protocol").
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type AuditEntry, auditEntrySchema } from '@till/shared/schemas/audit';
import type { TillDatabase } from '../../../sync/database';

/** The session's actions worth an entry. */
export type SessionAuditAction = Extract<AuditEntry['action'], 'sign_in' | 'sign_in_failed' | 'sign_out'>;

/** What one entry says. */
export interface SessionAuditEvent {
  action: SessionAuditAction;
  staffId: string | null;
  details?: AuditEntry['details'];
}

/** Builds an entry for this register, checked against the shared schema. */
export function sessionAuditEntry(
  enrollment: Pick<StoredEnrollment, 'storeId' | 'registerId'>,
  event: SessionAuditEvent,
  now: Date = new Date(),
): AuditEntry {
  return auditEntrySchema.parse({
    id: newDocumentId(),
    storeId: enrollment.storeId,
    registerId: enrollment.registerId,
    staffId: event.staffId,
    action: event.action,
    at: now.toISOString(),
    details: event.details ?? {},
  });
}

/**
 * Writes an entry into the replica. A failed write is logged, never thrown: an audit trail that cannot be
 * written must not keep a clerk from signing in or out.
 */
export async function recordSessionAudit(
  db: TillDatabase | null,
  enrollment: Pick<StoredEnrollment, 'storeId' | 'registerId'> | null,
  event: SessionAuditEvent,
): Promise<void> {
  if (!db || !enrollment) return;
  try {
    await db.audit.insert(sessionAuditEntry(enrollment, event));
  } catch (error) {
    console.error('[audit] could not record', event.action, error);
  }
}
