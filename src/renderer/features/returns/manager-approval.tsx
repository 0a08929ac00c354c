/**
 * A manager approves at the counter: the store's managers from the replica, one picked, their PIN typed and
 * checked by the register process (`staff:verify-pin` with that manager's staff document), and the
 * approval written to the audit trail. Esc or Cancel closes it with nothing approved.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { useReplica } from '../../app/sync-provider';
import { type StaffChoice, verifyStaffPin } from '../session/queries';
import { signInErrorWords } from '../session/sign-in-words';
import { StaffPicker } from '../session/staff-picker';
import { useApprovers } from './queries';
import { recordReturnsAudit } from './returns-audit';

/** What the manager approves, recorded in the audit entry's `details.approves`. */
export type ApprovalReason = 'return_without_receipt' | 'cash_instead_of_card';

const reasonWords: Record<ApprovalReason, string> = {
  return_without_receipt: 'A return without a receipt needs a manager’s PIN.',
  cash_instead_of_card: 'A cash refund for a sale paid by card needs a manager’s PIN.',
};

/** The approval dialog; `onApproved` gets the manager whose PIN matched. */
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
  const approvers = useApprovers(enrollment.storeId);
  const db = useReplica();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyStaffPin });
  const pinField = useRef<HTMLInputElement>(null);
  const pinId = useId();
  const list = approvers.data ?? [];
  const chosen = list.find((s) => s.id === selectedId) ?? (list.length === 1 ? list[0] : undefined);

  useEffect(() => {
    // Esc closes the dialog, and only the dialog (not the screen behind it).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      onCancel();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onCancel]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    if (!chosen) return setMessage('Pick the approving manager first.');
    if (pin === '') return setMessage('Enter the manager’s PIN.');
    const result = await verify.mutateAsync({
      staffId: chosen.id,
      storeId: enrollment.storeId,
      pinHash: chosen.pinHash,
      pin,
    });
    setPin('');
    if (db) {
      await recordReturnsAudit(db, enrollment, {
        action: 'manager_approval',
        staffId: chosen.id,
        details: {
          approves: reason,
          approved: result.ok,
          ...(result.ok ? {} : { reason: result.error.code }),
        },
      });
    }
    if (result.ok) onApproved(chosen);
    else {
      setMessage(signInErrorWords(result.error, new Date()));
      pinField.current?.focus();
    }
  };

  return (
    <div className="returns-dialog-backdrop">
      <form
        className="panel returns-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Manager approval"
        onSubmit={(e) => void send(e)}
      >
        <h3>Manager approval</h3>
        <p>{reasonWords[reason]}</p>
        {approvers.isPending ? (
          <p role="status">Loading managers…</p>
        ) : list.length === 0 ? (
          <p role="status">No manager is set up for this store on this register yet.</p>
        ) : (
          <StaffPicker
            staff={list}
            selectedId={chosen?.id ?? null}
            onSelect={(id) => {
              setSelectedId(id);
              setMessage(null);
            }}
            onChosen={() => pinField.current?.focus()}
            autoFocus={false}
          />
        )}
        <label htmlFor={pinId}>Manager PIN</label>
        <input
          id={pinId}
          ref={pinField}
          autoFocus
          className="pin-field"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 12))}
        />
        <p className="returns-message" role="alert" aria-label="Approval message">
          {message}
        </p>
        <div className="returns-actions">
          <button type="submit" className="button" disabled={verify.isPending}>
            {verify.isPending ? 'Checking…' : 'Approve'} <kbd>Enter ↵</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel <kbd>Esc</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
