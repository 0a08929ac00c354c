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
import type { Disposition, SaleDocument } from '@till/shared/schemas/sale';
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
import { openShiftId } from './queries';
import { recordReturn } from './record-return';
import { nextReturnNumber } from './return-number';
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
  const [qty, setQty] = useState<Record<string, number>>({});
  const [disposition, setDisposition] = useState<Record<string, Disposition>>({});
  const [refundTo, setRefundTo] = useState<RefundTo>('original');
  const [cashApproval, setCashApproval] = useState<Approval | null>(null);
  const [approving, setApproving] = useState(false);
  const [card, setCard] = useState<CardState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // One id per card refund, kept across retries so the terminal never refunds twice; the first is the return's.
  const [returnId] = useState(newDocumentId);
  const ids = useRef<string[]>([]);
  const done = useRef(new Set<string>());
  const [cardRefunded, setCardRefunded] = useState(false);
  const idAt = (i: number) => (i === 0 ? returnId : (ids.current[i] ??= newDocumentId()));
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const needsApproval = cashRefundNeedsApproval(source);
  const locked = busy || cardRefunded;

  const requests = sale.lines
    .filter((l) => (qty[l.lineId] ?? 0) > 0)
    .map((l) => ({
      lineId: l.lineId,
      qty: qty[l.lineId] ?? 0,
      disposition: disposition[l.lineId] ?? 'resellable',
    }));
  const context = {
    storeId: enrollment.storeId,
    registerId: enrollment.registerId,
    clerkId: clerk.id,
    customerId: sale.customerId,
    currency: settings.currency,
  };
  const preview =
    requests.length > 0
      ? buildReturn({ source, previousReturns, requests, context, number: 'preview', refundTo, id: returnId })
      : null;

  const setLineQty = (lineId: string, value: number) => {
    const max = returnable.get(lineId) ?? 0;
    setQty((q) => ({ ...q, [lineId]: Math.min(max, Math.max(0, Math.trunc(value) || 0)) }));
    setMessage(null);
  };

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
      const [number, shiftId] = await Promise.all([
        nextReturnNumber(db, settings.storeCode, enrollment.registerId),
        openShiftId(db, enrollment.registerId),
      ]);
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
        <table className="returns-lines">
          <caption>
            Sale {sale.number}, {new Date(sale.createdAt).toLocaleString(settings.locale)} —{' '}
            {money(sale.totals.gross)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Sold</th>
              <th scope="col">Can return</th>
              <th scope="col">Return</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {sale.lines.map((line) => {
              const left = returnable.get(line.lineId) ?? 0;
              const value = qty[line.lineId] ?? 0;
              return (
                <tr key={line.lineId} aria-label={line.name}>
                  <th scope="row">
                    {line.name}
                    <span className="returns-sku">
                      {line.sku} · {money(line.gross)}
                    </span>
                  </th>
                  <td>{line.qty}</td>
                  <td aria-label={`Can return of ${line.name}`}>{left}</td>
                  <td>
                    <div className="returns-qty">
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`One less ${line.name}`}
                        disabled={locked || value <= 0}
                        onClick={() => setLineQty(line.lineId, value - 1)}
                      >
                        −
                      </button>
                      <input
                        type="number"
                        min={0}
                        max={left}
                        aria-label={`Quantity to return of ${line.name}`}
                        value={value}
                        disabled={locked || left === 0}
                        onChange={(e) => setLineQty(line.lineId, Number(e.target.value))}
                      />
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={`One more ${line.name}`}
                        disabled={locked || value >= left}
                        onClick={() => setLineQty(line.lineId, value + 1)}
                      >
                        +
                      </button>
                    </div>
                  </td>
                  <td>
                    <select
                      aria-label={`Disposition of ${line.name}`}
                      value={disposition[line.lineId] ?? 'resellable'}
                      disabled={locked || left === 0}
                      onChange={(e) =>
                        setDisposition((d) => ({ ...d, [line.lineId]: e.target.value as Disposition }))
                      }
                    >
                      <option value="resellable">Resellable: back to stock</option>
                      <option value="damaged">Damaged: not sellable</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>

        {needsApproval && (
          <fieldset className="returns-refund-to" disabled={locked}>
            <legend>Refund to</legend>
            <label>
              <input
                type="radio"
                name="refund-to"
                checked={refundTo === 'original'}
                onChange={() => setRefundTo('original')}
              />
              The original payment ({tenderWords(sale.tenders)})
            </label>
            <label>
              <input
                type="radio"
                name="refund-to"
                checked={refundTo === 'cash'}
                onChange={() => setRefundTo('cash')}
              />
              Cash instead (manager’s PIN)
            </label>
          </fieldset>
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

        <p className="returns-message" role="alert" aria-label="Return message">
          {message}
        </p>
        <div className="returns-actions">
          <button type="submit" className="button" disabled={busy || !preview?.ok}>
            {busy ? 'Refunding…' : `Refund ${money(refund)}`} <kbd>Enter ↵</kbd>
          </button>
        </div>
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
