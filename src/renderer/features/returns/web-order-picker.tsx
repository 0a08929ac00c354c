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
import type { Disposition, SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { useReplica } from '../../app/sync-provider';
import type { Clerk } from '../session/session-store';
import { openShiftId } from './queries';
import { recordReturn } from './record-return';
import { nextReturnNumber } from './return-number';
import { type WebRefundTo, buildWebOrderReturn, webOrderReturnable } from './web-order-returns';

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
  const [qty, setQty] = useState<Record<string, number>>({});
  const [disposition, setDisposition] = useState<Record<string, Disposition>>({});
  const [refundTo, setRefundTo] = useState<WebRefundTo>('original');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // The return's id is the hub's refund key: kept across retries of this screen so it refunds once.
  const [returnId] = useState(newDocumentId);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const storeCredit = settings.storeCreditRefunds === true;

  const requests = order.lines
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
    customerId: order.customerId,
    currency: settings.currency,
  };
  const preview =
    requests.length > 0
      ? buildWebOrderReturn({ order, previous, requests, context, number: 'preview', refundTo, id: returnId })
      : null;
  const refund = preview?.ok ? -preview.value.totals.gross : 0;

  const setLineQty = (lineId: string, value: number) => {
    const max = returnable.get(lineId) ?? 0;
    setQty((q) => ({ ...q, [lineId]: Math.min(max, Math.max(0, Math.trunc(value) || 0)) }));
    setMessage(null);
  };

  const complete = async () => {
    if (!db || busy) return;
    if (requests.length === 0) return setMessage('Choose at least one item to return.');
    setBusy(true);
    setMessage(null);
    try {
      const [number, shiftId] = await Promise.all([
        nextReturnNumber(db, settings.storeCode, enrollment.registerId),
        openShiftId(db, enrollment.registerId),
      ]);
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
      <table className="returns-lines">
        <caption>
          Web order {order.number} ({order.status}), {order.customer.name},{' '}
          {new Date(order.createdAt).toLocaleString(settings.locale)} — {money(order.totals.gross)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Ordered</th>
            <th scope="col">Can return</th>
            <th scope="col">Return</th>
            <th scope="col">Goes to</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
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
                      disabled={busy || value <= 0}
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
                      disabled={busy || left === 0}
                      onChange={(e) => setLineQty(line.lineId, Number(e.target.value))}
                    />
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`One more ${line.name}`}
                      disabled={busy || value >= left}
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
                    disabled={busy || left === 0}
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

      {!hubReached && (
        <p className="returns-message" role="note">
          The hub cannot be reached: only returns made on this register are counted here. The card refund will
          be made when the hub is back.
        </p>
      )}

      {storeCredit && (
        <fieldset className="returns-refund-to" disabled={busy}>
          <legend>Refund to</legend>
          <label>
            <input
              type="radio"
              name="web-refund-to"
              checked={refundTo === 'original'}
              onChange={() => setRefundTo('original')}
            />
            The original payment (card)
          </label>
          <label>
            <input
              type="radio"
              name="web-refund-to"
              checked={refundTo === 'store_credit'}
              onChange={() => setRefundTo('store_credit')}
            />
            Store credit
          </label>
        </fieldset>
      )}

      <div className="returns-summary" role="status" aria-label="Refund">
        {preview && !preview.ok
          ? preview.error.message
          : preview
            ? `Refund ${money(refund)} to ${refundTo === 'store_credit' ? 'store credit' : 'the original card'}`
            : 'Choose what comes back.'}
      </div>
      <p className="returns-message" role="alert" aria-label="Return message">
        {message}
      </p>
      <div className="returns-actions">
        <button type="submit" className="button" disabled={busy || !preview?.ok}>
          {busy ? 'Recording…' : `Refund ${money(refund)}`} <kbd>Enter ↵</kbd>
        </button>
      </div>
    </form>
  );
}
