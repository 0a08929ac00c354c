/**
 * Where a web-order return's refund stands, in words, kept current: the hub refunds the card when the
 * return reaches it, so the status is asked again every second until it is settled ("Refunded to card
 * •••• 4242"). While the hub cannot be reached the refund is shown as deferred: the return is complete and
 * the card is refunded once, when the register is back online. A settled refund is audited once.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { recordAudit } from '../../../sync/record-audit';
import { useReplica } from '../../app/sync-provider';
import { ReceiptView } from '../receipt/receipt-view';
import { type RefundAnswer, fetchRefund } from './counter-client';

/** The refund of `doc` in words (null while nothing is known yet and nothing is owed by card). */
export function refundWords(
  doc: SaleDocument,
  answer: RefundAnswer | null,
  money: (minor: number) => string,
): string {
  const amount = money(-doc.totals.gross);
  const card = doc.tenders.some((t) => t.method === 'card');
  if (!card) return `Refunded ${amount} as store credit.`;
  if (!answer || answer.refund.state === 'pending') {
    return `Card refund of ${amount} pending: the hub refunds the original card when this return reaches it.`;
  }
  if (answer.refund.state === 'refunded') {
    return `Refunded ${amount} to card •••• ${answer.refund.last4 ?? '????'}.`;
  }
  if (answer.refund.state === 'refused') {
    return `The card refund of ${amount} was refused (${answer.refund.code ?? 'refused'}): a manager settles it.`;
  }
  return `Refunded ${amount}.`;
}

/**
 * The return receipt of a web-order return with its card refund kept current: the receipt's card row says
 * "Card refund pending" until the hub has refunded the card, then "Refunded to card •••• 4242"; the status
 * line below says the same in a sentence.
 */
export function WebReturnReceipt({
  doc,
  enrollment,
  settings,
  registerName,
  clerkName,
  originalNumber,
}: {
  doc: SaleDocument;
  enrollment: StoredEnrollment;
  settings: StoreSettings;
  registerName: string;
  clerkName: string;
  originalNumber: string | null;
}) {
  const answer = useWebRefund(doc, enrollment);
  const card = doc.tenders.some((t) => t.method === 'card');
  const state = answer?.refund.state;
  const cardRefund =
    !card || state === 'refused'
      ? null
      : state === 'refunded' && answer?.refund.last4
        ? { last4: answer.refund.last4 }
        : 'pending';
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  return (
    <>
      <ReceiptView
        sale={doc}
        settings={settings}
        registerName={registerName}
        clerkName={clerkName}
        originalNumber={originalNumber}
        cardRefund={cardRefund}
      />
      <p
        className={`returns-card web-refund ${state && state !== 'pending' ? 'web-refund-settled' : 'web-refund-pending'}`}
        role="status"
        aria-label="Card refund"
      >
        {refundWords(doc, answer, money)}
      </p>
    </>
  );
}

/** Where the refund of a recorded web-order return stands (null until the hub has answered); audits it once settled. */
function useWebRefund(doc: SaleDocument, enrollment: StoredEnrollment): RefundAnswer | null {
  const db = useReplica();
  const card = doc.tenders.some((t) => t.method === 'card');
  const refund = useQuery({
    queryKey: ['web-refund', doc.id],
    queryFn: async () => {
      const answer = await fetchRefund(enrollment, doc.id);
      // Not there yet (still in this register's push queue) or unreachable: pending until it is.
      return answer.ok ? answer.value : null;
    },
    enabled: card,
    refetchInterval: (query) =>
      query.state.data?.refund.state === 'pending' || !query.state.data ? 1000 : false,
  });
  const answer = refund.data ?? null;
  const audited = useRef(false);
  useEffect(() => {
    if (!db || !answer || answer.refund.state === 'pending' || audited.current) return;
    audited.current = true;
    void recordAudit(db, enrollment, {
      action: 'refund_settled',
      staffId: doc.clerkId,
      details: {
        returnId: doc.id,
        orderId: answer.orderId,
        state: answer.refund.state,
        amount: answer.refund.amount,
      },
    });
  }, [answer, db, doc, enrollment]);
  return answer;
}
