/**
 * The card terminal as the register's process host sees it. A real terminal SDK (or a payment provider's
 * semi-integrated API) implements this interface; `simulated-terminal.ts` is the one used until one does.
 * The IPC handlers of the `payment` area (payment-handlers.ts) only ever talk to this interface.
 */
import type {
  CardChargeRequest,
  CardOutcome,
  CardRefundRequest,
  CardResolveRequest,
} from '@till/shared/ipc/channels/payment';
import type { IpcErrorCode } from '@till/shared/ipc/contract';
import type { Result } from '@till/shared/result';

/** Why a terminal refused a request outright (a decline is an outcome, not an error). */
export interface CardTerminalError {
  code: Extract<
    IpcErrorCode,
    'card_reference_unknown' | 'refund_exceeds_charge' | 'currency_mismatch' | 'card_nothing_to_resolve'
  >;
  message: string;
}

/** What a terminal answers: an outcome, or a refusal that charged nothing. */
export type CardTerminalResult = Result<CardOutcome, CardTerminalError>;

/**
 * A card terminal. Every method is idempotent per `saleId`: asking again for what was already asked (after
 * a reload, a retry, a crash of the page) answers the first outcome and never charges twice. A method
 * resolves when the terminal has answered or given up (`unknown`); it never rejects for a card's sake.
 */
export interface CardTerminal {
  /** Charges a card for (part of) a sale. */
  charge(request: CardChargeRequest): Promise<CardTerminalResult>;
  /** Refunds to the card of an approved charge, never more than is left of that charge. */
  refund(request: CardRefundRequest): Promise<CardTerminalResult>;
  /** Records what the terminal showed after an `unknown` outcome (the clerk read it off the terminal). */
  resolve(request: CardResolveRequest): Promise<CardTerminalResult>;
  /** Cancels what of the sale is waiting for the terminal; true when something was waiting. */
  cancel(saleId: string): Promise<boolean>;
}
