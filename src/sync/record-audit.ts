/**
 * Writes one audit entry into the replica's insert-only `audit` collection, from where replication pushes
 * it to the hub (docs/architecture.md, "Sync protocol"). Every audited action of the register (sign-in and
 * out, sale-screen approvals, returns, shifts and their cash, the no-sale drawer) goes through here, so
 * each entry is built and checked the same way.
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { type AuditEntry, auditEntrySchema } from '@till/shared/schemas/audit';
import type { TillDatabase } from './database';

/** The store and register an entry belongs to (an enrollment has both). */
export interface AuditWhere {
  storeId: string;
  registerId: string;
}

/** What one entry says: the action, who did it (or approved it), and a small flat record of facts. */
export interface AuditEvent {
  action: AuditEntry['action'];
  staffId: string | null;
  details?: AuditEntry['details'];
}

/** Builds an entry for `where`, checked against the shared schema (throws on a bad one: a bug). */
export function auditEntry(where: AuditWhere, event: AuditEvent, now: Date = new Date()): AuditEntry {
  return auditEntrySchema.parse({
    id: newDocumentId(),
    storeId: where.storeId,
    registerId: where.registerId,
    staffId: event.staffId,
    action: event.action,
    at: now.toISOString(),
    details: event.details ?? {},
  });
}

/**
 * Writes an entry; answers whether it was written. A failure is logged, never thrown: an audit trail that
 * cannot be written must not keep the clerk from serving (the action itself is recorded on its own
 * document too). Without a replica or an enrollment yet there is nothing to write to.
 */
export async function recordAudit(
  db: TillDatabase | null,
  where: AuditWhere | null,
  event: AuditEvent,
): Promise<boolean> {
  if (!db || !where) return false;
  try {
    await db.audit.insert(auditEntry(where, event));
    return true;
  } catch (error) {
    console.error('[audit] could not record', event.action, error);
    return false;
  }
}
