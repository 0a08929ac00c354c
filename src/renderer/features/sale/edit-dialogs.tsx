/**
 * Small dialogs of the sale screen: a discount (percent or amount, on a line or on the whole cart) and a
 * price override with its reason. They read what the clerk typed exactly (amount-input.ts) and hand it to
 * `onApply`, which may ask for a manager and answers with words when it refuses; the dialog stays open then.
 */
import { useId, useState } from 'react';
import type { Discount } from '@till/shared/domain/pricing';
import type { ActionOutcome } from './sale-actions';
import { parseMoneyInput, parsePercentInput } from './amount-input';
import { Actions, AmountField, DialogFrame, DialogMessage, majorText, useApply } from './dialog-frame';

/** A discount on `title`'s subject: percent or amount of the store's currency. */
export function DiscountDialog({
  title,
  currency,
  initial,
  onApply,
  onClose,
}: {
  title: string;
  currency: string;
  initial: Discount | null;
  onApply: (discount: Discount | null) => Promise<ActionOutcome>;
  onClose: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Discount['kind']>(initial?.kind ?? 'percent');
  const [value, setValue] = useState(
    initial
      ? initial.kind === 'percent'
        ? String(initial.bp / 100)
        : majorText(initial.amount, currency)
      : '',
  );
  const { busy, message, setMessage, run } = useApply(onClose);
  const submit = () => {
    const parsed = kind === 'percent' ? parsePercentInput(value) : parseMoneyInput(value, currency);
    if (!parsed.ok) {
      setMessage(parsed.error.message);
      return;
    }
    const discount: Discount =
      kind === 'percent' ? { kind: 'percent', bp: parsed.value } : { kind: 'amount', amount: parsed.value };
    void run(() => onApply(parsed.value === 0 ? null : discount));
  };
  return (
    <DialogFrame title={title} onSubmit={submit} onCancel={onClose}>
      <fieldset className="discount-kind">
        <legend>Discount as</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'percent'}
            onChange={() => setKind('percent')}
          />
          Percent (%)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'amount'}
            onChange={() => setKind('amount')}
          />
          Amount ({currency})
        </label>
      </fieldset>
      <AmountField
        label={kind === 'percent' ? 'Discount in percent' : `Discount in ${currency}`}
        value={value}
        onChange={setValue}
      />
      <DialogMessage name="Discount message">{message}</DialogMessage>
      <Actions
        busy={busy}
        onCancel={onClose}
        extra={
          initial && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void run(() => onApply(null))}
            >
              Remove discount
            </button>
          )
        }
      />
    </DialogFrame>
  );
}

/** A new unit price for a line, with the reason the receipt and the audit keep. */
export function OverrideDialog({
  name,
  currency,
  shelfPrice,
  hasOverride,
  onApply,
  onClose,
}: {
  name: string;
  currency: string;
  shelfPrice: string;
  hasOverride: boolean;
  onApply: (unitPrice: number | null, reason: string) => Promise<ActionOutcome>;
  onClose: () => void;
}) {
  const id = useId();
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const { busy, message, setMessage, run } = useApply(onClose);
  const submit = () => {
    const parsed = parseMoneyInput(price, currency);
    if (!parsed.ok) {
      setMessage(parsed.error.message);
      return;
    }
    if (reason.trim() === '') {
      setMessage('Say why the price changes.');
      return;
    }
    void run(() => onApply(parsed.value, reason));
  };
  return (
    <DialogFrame title={`Change price of ${name}`} onSubmit={submit} onCancel={onClose}>
      <p className="muted">Shelf price {shelfPrice}</p>
      <AmountField label={`New price (${currency})`} value={price} onChange={setPrice} />
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input
        id={`${id}-reason`}
        className="text-field"
        autoComplete="off"
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <DialogMessage name="Price message">{message}</DialogMessage>
      <Actions
        busy={busy}
        onCancel={onClose}
        extra={
          hasOverride && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void run(() => onApply(null, ''))}
            >
              Back to shelf price
            </button>
          )
        }
      />
    </DialogFrame>
  );
}
