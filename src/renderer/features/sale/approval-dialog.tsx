/**
 * The manager approval dialog: says what needs approving, lists the store's managers (from the replica) and
 * checks the chosen manager's PIN with `staff:verify-pin` (the same check as sign-in, so wrong PINs count
 * towards that manager's lockout). `useApprovalDialog` gives a promise-returning `requestApproval` and the
 * element to render.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useEnrollment } from '../../app/sync-provider';
import { PinPad } from '../session/pin-pad';
import { type StaffChoice, verifyStaffPin } from '../session/queries';
import { signInErrorWords } from '../session/sign-in-words';
import { useManagers } from './queries';

/** The most digits a PIN has (the shared PIN policy's maximum). */
const MAX_PIN_DIGITS = 12;

interface Request {
  reasons: string[];
  resolve: (manager: StaffChoice | null) => void;
}

/**
 * A dialog to ask for a manager's approval. `requestApproval(reasons)` resolves with the manager whose PIN
 * was entered, or null when the clerk cancelled.
 */
export function useApprovalDialog(): {
  requestApproval: (reasons: string[]) => Promise<StaffChoice | null>;
  dialog: ReactNode;
  open: boolean;
} {
  const [request, setRequest] = useState<Request | null>(null);
  const requestApproval = (reasons: string[]) =>
    new Promise<StaffChoice | null>((resolve) => setRequest({ reasons, resolve }));
  const finish = (manager: StaffChoice | null) => {
    request?.resolve(manager);
    setRequest(null);
  };
  const dialog = request ? <ApprovalDialog reasons={request.reasons} onDone={finish} /> : null;
  return { requestApproval, dialog, open: request !== null };
}

function ApprovalDialog({
  reasons,
  onDone,
}: {
  reasons: string[];
  onDone: (manager: StaffChoice | null) => void;
}) {
  const enrollment = useEnrollment();
  const managers = useManagers(enrollment?.storeId ?? '');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyStaffPin });
  const pinField = useRef<HTMLInputElement>(null);
  const id = useId();
  const list = managers.data ?? [];
  const chosen = list.find((m) => m.id === selectedId) ?? (list.length === 1 ? list[0] : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending || !enrollment) return;
    if (!chosen) {
      setMessage('Pick the approving manager first.');
      return;
    }
    if (pin === '') {
      setMessage('The manager enters their PIN.');
      pinField.current?.focus();
      return;
    }
    const result = await verify.mutateAsync({
      staffId: chosen.id,
      storeId: enrollment.storeId,
      pinHash: chosen.pinHash,
      pin,
    });
    setPin('');
    if (result.ok) {
      onDone(chosen);
      return;
    }
    setMessage(signInErrorWords(result.error, new Date()));
    pinField.current?.focus();
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog approval-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => void send(e)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          // Esc clears a typed PIN first (as on the sign-in screen), then cancels.
          if (pin !== '') setPin('');
          else onDone(null);
        }}
      >
        <h2 id={`${id}-title`}>Manager approval</h2>
        <ul className="approval-reasons" aria-label="Needs approval">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {managers.isPending ? (
          <p role="status">Loading managers…</p>
        ) : list.length === 0 ? (
          <p role="alert">No manager of this store is on this register yet: the change cannot be approved.</p>
        ) : (
          <div className="manager-picker" role="radiogroup" aria-label="Approving manager">
            {list.map((m) => (
              <button
                key={m.id}
                type="button"
                role="radio"
                aria-checked={chosen?.id === m.id}
                className="staff-choice"
                onClick={() => {
                  setSelectedId(m.id);
                  setPin('');
                  setMessage(null);
                  pinField.current?.focus();
                }}
              >
                {m.name}
              </button>
            ))}
          </div>
        )}
        <label htmlFor={`${id}-pin`}>Manager PIN</label>
        <input
          id={`${id}-pin`}
          ref={pinField}
          autoFocus
          className="pin-field"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, MAX_PIN_DIGITS))}
        />
        <PinPad
          onDigit={(d) => setPin((p) => (p.length < MAX_PIN_DIGITS ? p + d : p))}
          onDelete={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
          disabled={verify.isPending}
        />
        <p className="dialog-message" role="alert" aria-label="Approval message">
          {message}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="button" disabled={verify.isPending || list.length === 0}>
            {verify.isPending ? 'Checking…' : 'Approve'} <kbd>Enter ↵</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}
