/** Opening a shift: count the float into the drawer by denomination; the sum is the opening float. */
import { type FormEvent, useState } from 'react';
import type { DenominationCount } from '@till/shared/schemas/shift';
import { cashDenominations } from '@till/shared/domain/shift-report';
import { CountGrid, type CountState, countedTotal, countsOf } from './count-grid';

/** The open form; `onOpen` answers an error message or null when the shift is open. */
export function OpenShiftForm({
  currency,
  locale,
  onOpen,
}: {
  currency: string;
  locale: string;
  onOpen: (float: DenominationCount[] | number) => Promise<string | null>;
}) {
  const [count, setCount] = useState<CountState>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = countedTotal(count, currency);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (total === null) return setMessage('Enter the float you counted.');
    setBusy(true);
    const error = await onOpen(cashDenominations(currency).length > 0 ? countsOf(count, currency) : total);
    setBusy(false);
    if (error) setMessage(error);
  };

  return (
    <form className="open-shift" aria-label="Open shift" onSubmit={(e) => void submit(e)}>
      <p className="muted">Count the float into the drawer, then open the shift.</p>
      <CountGrid
        label="Opening float"
        currency={currency}
        locale={locale}
        state={count}
        onChange={setCount}
      />
      <button type="submit" className="button" disabled={busy || total === null}>
        Open shift <kbd>Enter ↵</kbd>
      </button>
      {message && (
        <p className="shift-message" role="alert" aria-label="Open shift problem">
          {message}
        </p>
      )}
    </form>
  );
}
