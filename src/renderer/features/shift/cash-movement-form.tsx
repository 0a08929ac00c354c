/**
 * Paid in / paid out: an amount and a reason, both required, recorded on the open shift with who did it
 * and when (the shift document is the audit of its cash movements, pushed to the hub).
 */
import { type FormEvent, useId, useState } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import type { CashMovement } from '@till/shared/schemas/shift';
import { parseMoneyInput } from './money-input';

/** The form; `onSubmit` answers an error message or null when recorded. */
export function CashMovementForm({
  currency,
  locale,
  onSubmit,
}: {
  currency: string;
  locale: string;
  onSubmit: (m: { kind: CashMovement['kind']; amount: number; reason: string }) => Promise<string | null>;
}) {
  const id = useId();
  const [kind, setKind] = useState<CashMovement['kind']>('paid_out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minor = parseMoneyInput(amount, currency);
    if (minor === null || minor <= 0) return setMessage('Enter an amount above zero, e.g. 5.00.');
    if (reason.trim() === '') return setMessage('Say why the cash is paid in or out.');
    setBusy(true);
    const error = await onSubmit({ kind, amount: minor, reason: reason.trim() });
    setBusy(false);
    if (error) return setMessage(error);
    setMessage(`${kind === 'paid_in' ? 'Paid in' : 'Paid out'} ${formatMoney(minor, currency, locale)}.`);
    setAmount('');
    setReason('');
  };

  return (
    <form className="cash-movement" aria-label="Paid in or out" onSubmit={(e) => void submit(e)}>
      <fieldset className="kind-choice">
        <legend>Cash</legend>
        <label>
          <input
            type="radio"
            name="movement-kind"
            checked={kind === 'paid_out'}
            onChange={() => setKind('paid_out')}
          />
          Paid out
        </label>
        <label>
          <input
            type="radio"
            name="movement-kind"
            checked={kind === 'paid_in'}
            onChange={() => setKind('paid_in')}
          />
          Paid in
        </label>
      </fieldset>
      <label className="field" htmlFor={`${id}-amount`}>
        Amount
      </label>
      <input
        id={`${id}-amount`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <label className="field" htmlFor={`${id}-reason`}>
        Reason
      </label>
      <input id={`${id}-reason`} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        Record <kbd>Enter ↵</kbd>
      </button>
      {message && (
        <p className="shift-message" role="status" aria-label="Cash movement result">
          {message}
        </p>
      )}
    </form>
  );
}
