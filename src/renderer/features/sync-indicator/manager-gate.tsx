/**
 * Asks a manager's PIN before the quarantine list opens: the store's managers from the replica, a masked
 * PIN field, and the register process's answer (`staff:verify-pin`, with the manager's own staff document,
 * so its lockout applies here too). Refusals are told in the sign-in screen's words.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { verifyStaffPin } from '../session/queries';
import { signInErrorWords } from '../session/sign-in-words';
import { useManagers } from './queries';

/** The most digits a PIN has (the shared PIN policy's maximum). */
const MAX_PIN_DIGITS = 12;

/** The manager's PIN prompt; `onApproved` gets the manager's name. */
export function ManagerGate({
  storeId,
  onApproved,
  onCancel,
}: {
  storeId: string;
  onApproved: (managerName: string) => void;
  onCancel: () => void;
}) {
  const managers = useManagers(storeId);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyStaffPin });
  const id = useId();

  const list = managers.data ?? [];
  const chosen = list.find((m) => m.id === chosenId) ?? (list.length === 1 ? list[0] : undefined);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    if (!chosen) {
      setMessage('Pick the manager first.');
      return;
    }
    const result = await verify.mutateAsync({ staffId: chosen.id, storeId, pinHash: chosen.pinHash, pin });
    setPin('');
    if (result.ok) onApproved(chosen.name);
    else setMessage(signInErrorWords(result.error, new Date()));
  };

  if (managers.isPending) return <p role="status">Loading managers…</p>;
  if (list.length === 0) {
    return (
      <p role="status" aria-label="Manager approval">
        No manager is known to this register yet; the list opens once the hub has sent the store’s staff.
      </p>
    );
  }
  return (
    <form className="manager-gate" aria-label="Manager approval" onSubmit={(e) => void send(e)}>
      <p>A manager’s PIN opens the quarantine list.</p>
      {list.length > 1 && (
        <div className="manager-choice" role="radiogroup" aria-label="Manager">
          {list.map((m) => (
            <button
              key={m.id}
              type="button"
              role="radio"
              aria-checked={chosen?.id === m.id}
              className="staff-choice"
              onClick={() => setChosenId(m.id)}
            >
              {m.name}
            </button>
          ))}
        </div>
      )}
      <label htmlFor={id}>{chosen ? `PIN of ${chosen.name}` : 'Manager PIN'}</label>
      <input
        id={id}
        className="pin-field"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        maxLength={MAX_PIN_DIGITS}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, MAX_PIN_DIGITS))}
      />
      <div className="manager-gate-actions">
        <button type="submit" className="button" disabled={verify.isPending || pin === ''}>
          {verify.isPending ? 'Checking…' : 'Open'} <kbd>Enter ↵</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="sign-in-message" role="alert" aria-label="Manager approval message">
        {message}
      </p>
    </form>
  );
}
