/**
 * Picking what comes back from a web order: per line how many units (never more than are still
 * returnable, counting every earlier return of the order — this register's and, from the hub, any
 * store's) and where they go (resellable back into stock, or damaged); then the refund, to the order's
 * original card (the hub refunds it when the return reaches it: at once online, deferred offline) or, when
 * the store allows, as store credit. Recording the return needs no network.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { useReplica } from '../../app/sync-provider';
import type { Clerk } from '../session/session-store';
import { recordReturn } from './record-return';
import { type RefundChoice, RefundToChoice, ReturnFooter } from './return-form-parts';
import { ReturnLinesTable } from './return-lines';
import { numberAndShift, returnContext } from './return-steps';
import { useReturnSelection } from './use-return-selection';
import { type WebRefundTo, buildWebOrderReturn, webOrderReturnable } from './web-order-returns';

/** Where a web order's refund may go, when the store allows store credit. */
const webRefundChoices: readonly RefundChoice<WebRefundTo>[] = [
  { value: 'original', label: 'The original payment (card)' },
  { value: 'store_credit', label: 'Store credit' },
];

/** The lines of `order` to pick from, and the refund; `onDone` gets the recorded return. */
export function WebOrderPicker({
  order,
  previous,
  hubReached,
  settings,
  enrollment,
  clerk,
  onDone,
}: {
  order: WebOrder;
  previous: SaleDocument[];
  /** Whether the hub's returns of the order are counted (false offline: only this register's are). */
  hubReached: boolean;
  settings: StoreSettings;
  enrollment: StoredEnrollment;
  clerk: Clerk;
  onDone: (doc: SaleDocument) => void;
}) {
  const db = useReplica();
  const returnable = useMemo(() => webOrderReturnable(order, previous), [order, previous]);
  const [message, setMessage] = useState<string | null>(null);
  const picked = useReturnSelection(order.lines, returnable, () => setMessage(null));
  const { requests } = picked;
  const [refundTo, setRefundTo] = useState<WebRefundTo>('original');
  const [busy, setBusy] = useState(false);
  // The return's id is the hub's refund key: kept across retries of this screen so it refunds once.
  const [returnId] = useState(newDocumentId);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const storeCredit = settings.storeCreditRefunds === true;

  const context = returnContext(enrollment, clerk, settings, order.customerId);
  const preview =
    requests.length > 0
      ? buildWebOrderReturn({ order, previous, requests, context, number: 'preview', refundTo, id: returnId })
      : null;
  const refund = preview?.ok ? -preview.value.totals.gross : 0;

  const complete = async () => {
    if (!db || busy) return;
    if (requests.length === 0) return setMessage('Choose at least one item to return.');
    setBusy(true);
    setMessage(null);
    try {
      const [number, shiftId] = await numberAndShift(db, settings, enrollment);
      const built = buildWebOrderReturn({
        order,
        previous,
        requests,
        context: { ...context, shiftId },
        number,
        refundTo,
        id: returnId,
      });
      if (!built.ok) return setMessage(built.error.message);
      const recorded = await recordReturn(db, enrollment, built.value);
      if (!recorded.ok) return setMessage(recorded.error.message);
      onDone(recorded.value);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void complete();
  };

  return (
    <form className="returns-picker" aria-label="Return web order items" onSubmit={submit}>
      <ReturnLinesTable
        caption={
          <>
            Web order {order.number} ({order.status}), {order.customer.name},{' '}
            {new Date(order.createdAt).toLocaleString(settings.locale)} — {money(order.totals.gross)}
          </>
        }
        soldWord="Ordered"
        lines={order.lines}
        returnable={returnable}
        selection={picked}
        locked={busy}
        money={money}
      />

      {!hubReached && (
        <p className="returns-message" role="note">
          The hub cannot be reached: only returns made on this register are counted here. The card refund will
          be made when the hub is back.
        </p>
      )}

      {storeCredit && (
        <RefundToChoice
          name="web-refund-to"
          choices={webRefundChoices}
          value={refundTo}
          disabled={busy}
          onChange={setRefundTo}
        />
      )}

      <div className="returns-summary" role="status" aria-label="Refund">
        {preview && !preview.ok
          ? preview.error.message
          : preview
            ? `Refund ${money(refund)} to ${refundTo === 'store_credit' ? 'store credit' : 'the original card'}`
            : 'Choose what comes back.'}
      </div>
      <ReturnFooter message={message}>
        <button type="submit" className="button" disabled={busy || !preview?.ok}>
          {busy ? 'Recording…' : `Refund ${money(refund)}`} <kbd>Enter ↵</kbd>
        </button>
      </ReturnFooter>
    </form>
  );
}
