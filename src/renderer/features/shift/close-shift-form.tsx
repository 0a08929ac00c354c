/**
 * Closing a shift: count the drawer by denomination, see expected cash against counted and the variance,
 * and, when the variance is larger than the store's threshold (`cashVarianceApproval`) either way, a manager
 * approves with their PIN (checked by the register process, `staff:verify-pin`) before the shift closes.
 */
import { type FormEvent, useId, useState } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { type ShiftReport, varianceNeedsApproval } from '@till/shared/domain/shift-report';
import type { DenominationCount } from '@till/shared/schemas/shift';
import { type StaffChoice, verifyStaffPin } from '../session/queries';
import { CountGrid, type CountState, countedTotal, countsOf } from './count-grid';
import { cashDenominations } from '@till/shared/domain/shift-report';

/** Words for a refused manager PIN. */
function pinWords(code: string): string {
  if (code === 'pin_wrong') return 'Wrong manager PIN.';
  if (code === 'locked') return 'That manager is locked out after too many wrong PINs.';
  if (code === 'pin_malformed') return 'A PIN is 4 to 12 digits.';
  return 'The manager PIN could not be checked.';
}

/** The close form. `report` is the shift's X report (expected cash so far). */
export function CloseShiftForm({
  report,
  locale,
  storeId,
  varianceThreshold,
  managers,
  onClose,
  onCancel,
}: {
  report: ShiftReport;
  locale: string;
  storeId: string;
  /** A variance above this (minor units, either way) needs a manager: the store's `cashVarianceApproval`. */
  varianceThreshold: number;
  managers: readonly StaffChoice[];
  onClose: (c: {
    counted: DenominationCount[] | number;
    approvedBy: string | null;
  }) => Promise<string | null>;
  onCancel: () => void;
}) {
  const { currency } = report;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const id = useId();
  const [count, setCount] = useState<CountState>({});
  const [managerId, setManagerId] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const counted = countedTotal(count, currency);
  const variance = counted === null ? null : counted - report.expectedCash;
  // The list may replicate after the form opens: until someone picks, the first manager is the one shown.
  const chosenManager = managerId || (managers[0]?.id ?? '');
  const needsManager = variance !== null && varianceNeedsApproval(variance, varianceThreshold);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (counted === null || variance === null) return setMessage('Enter the counted cash.');
    setBusy(true);
    let approvedBy: string | null = null;
    if (needsManager) {
      const manager = managers.find((m) => m.id === chosenManager);
      if (!manager) {
        setBusy(false);
        return setMessage('Choose the approving manager.');
      }
      const checked = await verifyStaffPin({ staffId: manager.id, pinHash: manager.pinHash, storeId, pin });
      if (!checked.ok) {
        setBusy(false);
        setPin('');
        return setMessage(pinWords(checked.error.code));
      }
      approvedBy = manager.id;
    }
    const counts = cashDenominations(currency).length > 0 ? countsOf(count, currency) : counted;
    const error = await onClose({ counted: counts, approvedBy });
    setBusy(false);
    if (error) setMessage(error);
  };

  return (
    <form className="close-shift" aria-label="Close shift" onSubmit={(e) => void submit(e)}>
      <CountGrid
        label="Closing count"
        currency={currency}
        locale={locale}
        state={count}
        onChange={setCount}
      />
      <dl className="facts cash-summary">
        <div role="group" aria-label="Expected cash">
          <dt>Expected cash</dt>
          <dd>{money(report.expectedCash)}</dd>
        </div>
        <div role="group" aria-label="Counted cash">
          <dt>Counted cash</dt>
          <dd>{counted === null ? '—' : money(counted)}</dd>
        </div>
        <div role="group" aria-label="Variance">
          <dt>Variance</dt>
          <dd className={variance !== null && variance !== 0 ? 'variance-off' : undefined}>
            {variance === null ? '—' : money(variance)}
          </dd>
        </div>
      </dl>
      {needsManager && (
        <fieldset className="manager-approval">
          <legend>The variance is over {money(varianceThreshold)}: a manager approves with their PIN</legend>
          <label className="field" htmlFor={`${id}-manager`}>
            Manager
          </label>
          <select id={`${id}-manager`} value={chosenManager} onChange={(e) => setManagerId(e.target.value)}>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <label className="field" htmlFor={`${id}-pin`}>
            Manager PIN
          </label>
          <input
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </fieldset>
      )}
      <div className="shift-actions">
        <button type="submit" className="button" disabled={busy || counted === null}>
          Close shift <kbd>Enter ↵</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Keep shift open
        </button>
      </div>
      {message && (
        <p className="shift-message" role="alert" aria-label="Close shift problem">
          {message}
        </p>
      )}
    </form>
  );
}
