/**
 * A manager approves a return at the counter: the shared manager approval dialog
 * (session/manager-approval-dialog.tsx) with the returns' reasons, each PIN check written to the audit
 * trail as `manager_approval` with what it approves.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { useReplica } from '../../app/sync-provider';
import { ManagerApprovalDialog } from '../session/manager-approval-dialog';
import type { StaffChoice } from '../session/queries';
import { recordAudit } from '../../../sync/record-audit';

/** What the manager approves, recorded in the audit entry's `details.approves`. */
export type ApprovalReason = 'return_without_receipt' | 'cash_instead_of_card';

const reasonWords: Record<ApprovalReason, string> = {
  return_without_receipt: 'A return without a receipt needs a manager’s PIN.',
  cash_instead_of_card: 'A cash refund for a sale paid by card needs a manager’s PIN.',
};

/** The approval dialog of the returns screen; `onApproved` gets the manager whose PIN matched. */
export function ManagerApproval({
  enrollment,
  reason,
  onApproved,
  onCancel,
}: {
  enrollment: StoredEnrollment;
  reason: ApprovalReason;
  onApproved: (manager: StaffChoice) => void;
  onCancel: () => void;
}) {
  const db = useReplica();
  return (
    <ManagerApprovalDialog
      storeId={enrollment.storeId}
      reasons={[reasonWords[reason]]}
      onAttempt={async ({ manager, approved, code }) => {
        if (!db) return;
        await recordAudit(db, enrollment, {
          action: 'manager_approval',
          staffId: manager.id,
          details: { approves: reason, approved, ...(code ? { reason: code } : {}) },
        });
      }}
      onApproved={onApproved}
      onCancel={onCancel}
    />
  );
}
