/**
 * The frame the sale screen's small dialogs share: a modal form with a title where Esc cancels and Enter
 * applies, its Cancel and Apply buttons, and `useApply`, which runs the change and keeps the dialog open
 * with the words of a refusal.
 */
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { minorUnitDigits } from '@till/shared/domain/money';
import type { Result } from '@till/shared/result';

/** Minor units as the clerk would type them back ("250" cents → "2.50"). */
export function majorText(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const text = String(amount).padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A dialog frame: title, Esc cancels, Enter applies. */
export function DialogFrame({
  title,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </form>
    </div>
  );
}

/** Cancel (Esc) and the submit button (Enter), with any `extra` button between them. */
export function Actions({
  busy,
  onCancel,
  extra,
  submitLabel = 'Apply',
}: {
  busy: boolean;
  onCancel: () => void;
  extra?: ReactNode;
  submitLabel?: string;
}) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
      {extra}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel} <kbd>Enter ↵</kbd>
      </button>
    </div>
  );
}

/** Runs `apply`, closing on done or cancel and showing the words of a refusal. */
export function useApply(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (apply: () => Promise<Result<unknown>>) => {
    setBusy(true);
    const outcome = await apply();
    setBusy(false);
    if (outcome.ok) onClose();
    else setMessage(outcome.error.message);
  };
  return { busy, message, setMessage, run };
}

/** A labelled amount field that takes the focus when its dialog opens (decimal keypad on touch screens). */
export function AmountField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="text-field"
        inputMode="decimal"
        autoFocus
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}

/** The dialog's message line, read out as soon as it changes; `name` is its accessible name. */
export function DialogMessage({ name, children }: { name: string; children: ReactNode }) {
  return (
    <p className="dialog-message" role="alert" aria-label={name}>
      {children}
    </p>
  );
}
