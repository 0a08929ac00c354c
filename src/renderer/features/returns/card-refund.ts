/**
 * Card refunds of a return through the card terminal (`payment:card-refund`, against the original charge's
 * reference). Each card tender of the return is refunded in turn with its own request id, kept by the
 * caller, so asking again after an interruption never refunds twice (the terminal is idempotent per id).
 */
import type { IpcResult } from '@till/shared/ipc/contract';
import type { CardOutcome } from '@till/shared/ipc/channels/payment';
import type { SaleDocument, Tender } from '@till/shared/schemas/sale';

/** One card refund the return needs: how much, to which charge, under which request id. */
export interface CardRefundStep {
  requestId: string;
  amount: number;
  originalReference: string;
}

/** The card refunds of a built return, in tender order; `ids` gives each its request id (first: the return's). */
export function cardRefundSteps(doc: SaleDocument, ids: (index: number) => string): CardRefundStep[] {
  return doc.tenders
    .filter((t): t is Tender & { reference: string } => t.method === 'card' && !!t.reference && t.amount < 0)
    .map((t, i) => ({ requestId: ids(i), amount: -t.amount, originalReference: t.reference }));
}

/** Whether the return pays anything back to a card without a reference to refund against. */
export function hasUnreferencedCard(doc: SaleDocument): boolean {
  return doc.tenders.some((t) => t.method === 'card' && t.amount < 0 && !t.reference);
}

/** Asks the terminal for one refund. Never throws. */
export function refundCard(step: CardRefundStep, currency: string): Promise<IpcResult<CardOutcome>> {
  return window.till.invoke('payment:card-refund', {
    saleId: step.requestId,
    amount: step.amount,
    currency,
    originalReference: step.originalReference,
  });
}

/** Records what the terminal showed after an `unknown` outcome. Never throws. */
export function resolveCardRefund(requestId: string, approved: boolean): Promise<IpcResult<CardOutcome>> {
  return window.till.invoke('payment:card-resolve', { saleId: requestId, approved });
}
