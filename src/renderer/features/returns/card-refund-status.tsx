/**
 * Where a return's card refund stands, in words: waiting for the terminal; did not go through (say why,
 * and offer cash with a manager's PIN); or in doubt after a time-out ("Check the terminal"), which the
 * clerk answers from what the terminal shows, so a time-out never leaves a return half-done.
 */
import type { CardRefundStep } from './card-refund';

/** The card refund's state on the returns screen. */
export type CardState =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'declined'; message: string }
  | { kind: 'unknown'; message: string; step: CardRefundStep };

/** The card refund's status panel (nothing while idle). */
export function CardRefundStatus({
  card,
  canPayCash,
  onCashInstead,
  onAnswer,
}: {
  card: CardState;
  /** Whether cash instead is on offer (the original was paid otherwise than in cash). */
  canPayCash: boolean;
  onCashInstead: () => void;
  /** The clerk's reading of the terminal after a time-out. */
  onAnswer: (step: CardRefundStep, approved: boolean) => void;
}) {
  return (
    <>
      {card.kind === 'waiting' && (
        <p className="returns-card" role="status" aria-label="Card terminal">
          Waiting for the card terminal…
        </p>
      )}
      {card.kind === 'declined' && (
        <div className="returns-card" role="alert" aria-label="Card terminal">
          <p>The card refund did not go through: {card.message}</p>
          {canPayCash && (
            <button
              type="button"
              className="button"
              onClick={() => {
                onCashInstead();
              }}
            >
              Refund in cash instead (manager’s PIN)
            </button>
          )}
        </div>
      )}
      {card.kind === 'unknown' && (
        <div className="returns-card" role="alert" aria-label="Card terminal">
          <p>Check the terminal: did the refund go through? ({card.message})</p>
          <button type="button" className="button" onClick={() => onAnswer(card.step, true)}>
            Yes, refunded
          </button>
          <button type="button" className="button button-quiet" onClick={() => onAnswer(card.step, false)}>
            No
          </button>
        </div>
      )}
    </>
  );
}
