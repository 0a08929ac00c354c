/**
 * The one manager approval dialog of the register (sale screen and returns): it says what needs approving,
 * lists the store's managers from the replica, and checks the chosen manager's PIN with `staff:verify-pin`
 * (the same check as sign-in, so wrong PINs count towards that manager's lockout). Each PIN check is handed
 * to `onAttempt`, where the calling screen writes its audit entry. Esc clears a typed PIN first, then
 * cancels; nothing is approved on cancel.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { PinPad } from './pin-pad';
import { type StaffChoice, useManagers, verifyStaffPin } from './queries';
import { signInErrorWords } from './sign-in-words';
import { StaffPicker } from './staff-picker';

/** The most digits a PIN has (the shared PIN policy's maximum). */
const MAX_PIN_DIGITS = 12;

/** One PIN check: whether it matched, and the refusal's code when it did not. */
export interface ApprovalAttempt {
  manager: StaffChoice;
  approved: boolean;
  code: string | null;
}

/** What the dialog needs from the screen that opens it. */
export interface ManagerApprovalDialogProps {
  storeId: string;
  /** What needs approving, in words for the manager (one list item each). */
  reasons: readonly string[];
  /** Called after every PIN check, before `onApproved`; the screen writes its audit entry here. */
  onAttempt?: (attempt: ApprovalAttempt) => Promise<void> | void;
  onApproved: (manager: StaffChoice) => void;
  onCancel: () => void;
}

/** The approval dialog; `onApproved` gets the manager whose PIN matched. */
export function ManagerApprovalDialog({
  storeId,
  reasons,
  onAttempt,
  onApproved,
  onCancel,
}: ManagerApprovalDialogProps) {
  const managers = useManagers(storeId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyStaffPin });
  const pinField = useRef<HTMLInputElement>(null);
  const id = useId();
  const list = managers.data ?? [];
  const chosen = list.find((m) => m.id === selectedId) ?? (list.length === 1 ? list[0] : undefined);

  // Esc belongs to the dialog, and only to it (never to the screen behind), wherever the focus is.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (pin !== '') setPin('');
      else onCancel();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [pin, onCancel]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    if (!chosen) return setMessage('Pick the approving manager first.');
    if (pin === '') {
      setMessage('The manager enters their PIN.');
      return pinField.current?.focus();
    }
    const result = await verify.mutateAsync({ staffId: chosen.id, storeId, pinHash: chosen.pinHash, pin });
    setPin('');
    await onAttempt?.({ manager: chosen, approved: result.ok, code: result.ok ? null : result.error.code });
    if (result.ok) return onApproved(chosen);
    setMessage(signInErrorWords(result.error, new Date()));
    pinField.current?.focus();
  };

  let picker: ReactNode;
  if (managers.isPending) picker = <p role="status">Loading managers…</p>;
  else if (list.length === 0) {
    picker = <p role="alert">No manager of this store is on this register yet: it cannot be approved.</p>;
  } else {
    picker = (
      <StaffPicker
        staff={list}
        selectedId={chosen?.id ?? null}
        onSelect={(staffId) => {
          setSelectedId(staffId);
          setPin('');
          setMessage(null);
        }}
        onChosen={() => pinField.current?.focus()}
        autoFocus={false}
      />
    );
  }

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog approval-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => void send(e)}
      >
        <h2 id={`${id}-title`}>Manager approval</h2>
        <ul className="approval-reasons" aria-label="Needs approval">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {picker}
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
          <button type="button" className="button button-quiet" onClick={onCancel}>
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

/**
 * The dialog as a promise, for screens that ask in the middle of an action: `requestApproval(reasons)`
 * resolves with the manager whose PIN matched, or null when the clerk cancelled; render `dialog`.
 */
export function useManagerApproval(
  storeId: string,
  onAttempt?: (attempt: ApprovalAttempt) => Promise<void> | void,
): {
  requestApproval: (reasons: string[]) => Promise<StaffChoice | null>;
  dialog: ReactNode;
  open: boolean;
} {
  const [request, setRequest] = useState<{
    reasons: string[];
    resolve: (manager: StaffChoice | null) => void;
  } | null>(null);
  const requestApproval = (reasons: string[]) =>
    new Promise<StaffChoice | null>((resolve) => setRequest({ reasons, resolve }));
  const finish = (manager: StaffChoice | null) => {
    request?.resolve(manager);
    setRequest(null);
  };
  const dialog = request ? (
    <ManagerApprovalDialog
      storeId={storeId}
      reasons={request.reasons}
      onAttempt={onAttempt}
      onApproved={finish}
      onCancel={() => finish(null)}
    />
  ) : null;
  return { requestApproval, dialog, open: request !== null };
}
