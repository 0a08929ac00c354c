/**
 * What the tender screen shows while a card payment is under way or has just failed: waiting for the
 * terminal (with Cancel), a decline in words, or the question after a time-out.
 */
import type { CardState } from './use-card-payment';

/** Props of the card status. */
export interface CardStatusProps {
  state: CardState;
  money: (amount: number) => string;
  onCancel: () => void;
  onResolve: (approved: boolean) => void;
  onDismiss: () => void;
}

/** The card payment's state, for the clerk. */
export function CardStatus({ state, money, onCancel, onResolve, onDismiss }: CardStatusProps) {
  if (state.step === 'waiting') {
    return (
      <div className="card-status" role="status" aria-label="Card payment">
        <p className="card-status-title">Waiting for the terminal… {money(state.amount)}</p>
        <p className="muted">Ask the customer to tap, insert or swipe their card.</p>
        <button type="button" className="button button-quiet" onClick={onCancel} aria-keyshortcuts="Escape">
          Cancel card <kbd>Esc</kbd>
        </button>
      </div>
    );
  }
  if (state.step === 'declined') {
    return (
      <div className="card-status card-status-error" role="alert" aria-label="Card declined">
        <p className="card-status-title">Card not paid: {state.message}</p>
        <p>Choose another tender.</p>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          OK
        </button>
      </div>
    );
  }
  if (state.step === 'unknown') {
    return (
      <div
        className="card-status card-status-warning"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="card-unknown-title"
      >
        <p className="card-status-title" id="card-unknown-title">
          Check the terminal: did the payment of {money(state.amount)} go through?
        </p>
        <p className="muted">The terminal did not answer in time. Look at its screen or its slip.</p>
        <div className="tender-row">
          <button type="button" className="button" onClick={() => onResolve(true)} aria-keyshortcuts="Y">
            Yes, it was paid <kbd>Y</kbd>
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => onResolve(false)}
            aria-keyshortcuts="N"
          >
            No, not paid <kbd>N</kbd>
          </button>
        </div>
      </div>
    );
  }
  return null;
}
