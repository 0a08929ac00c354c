/**
 * Picking what comes back from a found sale: per line how many units (never more than are still
 * returnable, counting the earlier returns of that sale in the replica; the hub checks again) and where
 * they go (resellable or damaged); then the refund to the original tender — the card through the card
 * terminal against the original charge, cash as cash — or all in cash with a manager's PIN.
 */
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import {
  type RefundTo,
  type ReturnSource,
  buildReturn,
  cashRefundNeedsApproval,
  returnableQuantities,
} from '@till/shared/domain/returns';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useReplica } from '../../app/sync-provider';
import type { Clerk } from '../session/session-store';
import {
  type CardRefundStep,
  cardRefundSteps,
  hasUnreferencedCard,
  refundCard,
  resolveCardRefund,
} from './card-refund';
import { type CardState, CardRefundStatus } from './card-refund-status';
import { ManagerApproval } from './manager-approval';
import type { FoundSale } from './queries';
import { recordReturn } from './record-return';
import { RefundToChoice, ReturnFooter } from './return-form-parts';
import { ReturnLinesTable } from './return-lines';
import { numberAndShift, returnContext } from './return-steps';
import { useReturnSelection } from './use-return-selection';
import { tenderWords } from './words';

type Approval = NonNullable<SaleDocument['approvals']>[number];

/** The lines of `found.sale` to pick from, and the refund; `onDone` gets the recorded return. */
export function ReturnPicker({
  found,
  settings,
  enrollment,
  clerk,
  onDone,
  onDialog,
}: {
  found: FoundSale;
  settings: StoreSettings;
  enrollment: StoredEnrollment;
  clerk: Clerk;
  onDone: (doc: SaleDocument) => void;
  /** Tells the screen a dialog wants the keyboard (scanning and Esc pause meanwhile). */
  onDialog: (open: boolean) => void;
}) {
  const db = useReplica();
  const { sale, previousReturns } = found;
  const source: ReturnSource = useMemo(() => ({ kind: 'sale', sale }), [sale]);
  const returnable = useMemo(() => returnableQuantities(source, previousReturns), [source, previousReturns]);
  const [refundTo, setRefundTo] = useState<RefundTo>('original');
  const [cashApproval, setCashApproval] = useState<Approval | null>(null);
  const [approving, setApproving] = useState(false);
  const [card, setCard] = useState<CardState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const picked = useReturnSelection(sale.lines, returnable, () => setMessage(null));
  const { requests } = picked;
  // One id per card refund, kept across retries so the terminal never refunds twice; the first is the return's.
  const [returnId] = useState(newDocumentId);
  const ids = useRef<string[]>([]);
  const done = useRef(new Set<string>());
  const [cardRefunded, setCardRefunded] = useState(false);
  const idAt = (i: number) => (i === 0 ? returnId : (ids.current[i] ??= newDocumentId()));
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const needsApproval = cashRefundNeedsApproval(source);
  const locked = busy || cardRefunded;

  const context = returnContext(enrollment, clerk, settings, sale.customerId);
  const preview =
    requests.length > 0
      ? buildReturn({ source, previousReturns, requests, context, number: 'preview', refundTo, id: returnId })
      : null;

  const openApproval = (open: boolean) => {
    setApproving(open);
    onDialog(open);
  };

  /** Builds, refunds the card part (if any) and records the return; stops at anything the clerk must answer. */
  const complete = async (approval: Approval | null = cashApproval) => {
    if (!db || busy) return;
    if (requests.length === 0) return setMessage('Choose at least one item to return.');
    if (refundTo === 'cash' && needsApproval && !approval) return openApproval(true);
    setBusy(true);
    setMessage(null);
    try {
      const [number, shiftId] = await numberAndShift(db, settings, enrollment);
      const built = buildReturn({
        source,
        previousReturns,
        requests,
        context: { ...context, shiftId },
        number,
        refundTo,
        approvals: refundTo === 'cash' && approval ? [approval] : [],
        id: idAt(0),
      });
      if (!built.ok) return setMessage(built.error.message);
      if (hasUnreferencedCard(built.value)) {
        return setMessage(
          'The card payment of this sale has no terminal reference to refund to. Refund in cash with a manager’s PIN.',
        );
      }
      for (const step of cardRefundSteps(built.value, idAt)) {
        if (done.current.has(step.requestId)) continue;
        setCard({ kind: 'waiting' });
        const outcome = await refundCard(step, settings.currency);
        // The terminal refused the request itself (e.g. it does not know the original charge): as a decline.
        if (!outcome.ok) return setCard({ kind: 'declined', message: outcome.error.message });
        if (outcome.value.outcome === 'declined')
          return setCard({ kind: 'declined', message: outcome.value.message });
        if (outcome.value.outcome === 'unknown') {
          return setCard({ kind: 'unknown', message: outcome.value.message, step });
        }
        done.current.add(step.requestId);
        setCardRefunded(true);
      }
      setCard({ kind: 'idle' });
      const recorded = await recordReturn(db, enrollment, built.value);
      if (!recorded.ok) return setMessage(recorded.error.message);
      onDone(recorded.value);
    } finally {
      setBusy(false);
    }
  };

  const answerTerminal = async (step: CardRefundStep, approved: boolean) => {
    setBusy(true);
    const outcome = await resolveCardRefund(step.requestId, approved);
    setBusy(false);
    if (!outcome.ok) return setMessage(outcome.error.message);
    if (outcome.value.outcome === 'approved') {
      done.current.add(step.requestId);
      setCardRefunded(true);
      setCard({ kind: 'idle' });
      return void complete();
    }
    setCard({ kind: 'declined', message: 'The terminal did not refund the card.' });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (card.kind === 'unknown') return;
    void complete();
  };

  const refund = preview?.ok ? -preview.value.totals.gross : 0;
  return (
    <>
      <form className="returns-picker" aria-label="Return items" onSubmit={submit}>
        <ReturnLinesTable
          caption={
            <>
              Sale {sale.number}, {new Date(sale.createdAt).toLocaleString(settings.locale)} —{' '}
              {money(sale.totals.gross)}
            </>
          }
          soldWord="Sold"
          lines={sale.lines}
          returnable={returnable}
          selection={picked}
          locked={locked}
          money={money}
        />

        {needsApproval && (
          <RefundToChoice
            name="refund-to"
            choices={[
              { value: 'original', label: <>The original payment ({tenderWords(sale.tenders)})</> },
              { value: 'cash', label: 'Cash instead (manager’s PIN)' },
            ]}
            value={refundTo}
            disabled={locked}
            onChange={setRefundTo}
          />
        )}

        <div className="returns-summary" role="status" aria-label="Refund">
          {preview && !preview.ok
            ? preview.error.message
            : preview
              ? `Refund ${money(refund)}: ${preview.value.tenders.map((t) => `${tenderWords([t])} ${money(-t.amount)}`).join(', ')}`
              : 'Choose what comes back.'}
        </div>

        <CardRefundStatus
          card={card}
          canPayCash={needsApproval}
          onCashInstead={() => {
            setCard({ kind: 'idle' });
            setRefundTo('cash');
          }}
          onAnswer={(step, approved) => void answerTerminal(step, approved)}
        />

        <ReturnFooter message={message}>
          <button type="submit" className="button" disabled={busy || !preview?.ok}>
            {busy ? 'Refunding…' : `Refund ${money(refund)}`} <kbd>Enter ↵</kbd>
          </button>
        </ReturnFooter>
      </form>
      {approving && (
        <ManagerApproval
          enrollment={enrollment}
          reason="cash_instead_of_card"
          onCancel={() => openApproval(false)}
          onApproved={(manager) => {
            const approval: Approval = { kind: 'other', staffId: manager.id, at: new Date().toISOString() };
            setCashApproval(approval);
            openApproval(false);
            void complete(approval);
          }}
        />
      )}
    </>
  );
}
