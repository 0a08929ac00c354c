/**
 * The parts below a return's lines that every way of returning shows alike: the choice of where the refund
 * goes, and the message line with the actions under it.
 */
import type { ReactNode } from 'react';

/** One choice of where the refund goes. */
export interface RefundChoice<T extends string> {
  value: T;
  label: ReactNode;
}

/** "Refund to": one radio per choice, in a group named `name`. */
export function RefundToChoice<T extends string>({
  name,
  choices,
  value,
  disabled,
  onChange,
}: {
  name: string;
  choices: readonly RefundChoice<T>[];
  value: T;
  disabled: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="returns-refund-to" disabled={disabled}>
      <legend>Refund to</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The return's message (announced as an alert), then its actions. */
export function ReturnFooter({ message, children }: { message: string | null; children: ReactNode }) {
  return (
    <>
      <p className="returns-message" role="alert" aria-label="Return message">
        {message}
      </p>
      <div className="returns-actions">{children}</div>
    </>
  );
}
