/**
 * One pickup order: its customer, lines (with what is still to collect) and the actions its state allows.
 * Cancelling needs a manager's PIN (the money goes back to the card). The hub's ready e-mail shows once it
 * has been recorded on the order.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { type WebOrder, remainingUnits } from '@till/shared/schemas/web-order';
import { useReplica } from '../../app/sync-provider';
import { ManagerApprovalDialog } from '../session/manager-approval-dialog';
import { CollectPanel } from './collect-panel';
import { moveTo } from './pickup-moves';
import { saveOrderMove } from './queries';

/** Words for each status, as the clerk says them. */
export const statusWords: Record<WebOrder['status'], string> = {
  placed: 'New',
  picking: 'Picking',
  ready: 'Ready to collect',
  collected: 'Collected',
  picked: 'Picked',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
  expired: 'Expired',
  returned: 'Returned',
};

/** Props of the detail panel. */
export interface OrderDetailProps {
  order: WebOrder;
  storeId: string;
  /** The order code the customer scanned for this order, if they did. */
  scannedCode: string | null;
}

/** The chosen order and its actions. */
export function OrderDetail({ order, storeId, scannedCode }: OrderDetailProps) {
  const db = useReplica();
  const [collecting, setCollecting] = useState(scannedCode !== null && order.status === 'ready');
  const [approving, setApproving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: async (status: 'picking' | 'ready' | 'cancelled') => {
      if (!db) return 'The register’s data is not open yet.';
      const next = moveTo(order, status, new Date());
      if (!next.ok) return next.error.message;
      const saved = await saveOrderMove(db, next.order);
      return saved.ok ? null : saved.error.message;
    },
    onSuccess: (problem) => setMessage(problem),
  });
  const left = remainingUnits(order);
  const ready = order.notifications?.find((n) => n.kind === 'ready');
  const open = order.status === 'placed' || order.status === 'picking' || order.status === 'ready';

  return (
    <section className="pickups-detail" aria-label={`Order ${order.number}`}>
      <header className="pickups-detail-head">
        <h3>Order {order.number}</h3>
        <span className={`pickups-status pickups-status-${order.status}`} role="status">
          {statusWords[order.status]}
        </span>
      </header>
      <p>
        {order.customer.name} · {order.customer.email}
        {order.customer.phone ? ` · ${order.customer.phone}` : ''}
      </p>
      {ready && (
        <p className="pickups-note">
          Customer e-mailed that it is ready ({new Date(ready.at).toLocaleString()}).
        </p>
      )}
      {order.expiresAt && order.status === 'ready' && (
        <p className="pickups-note">Held until {new Date(order.expiresAt).toLocaleDateString()}.</p>
      )}
      <table className="pickups-lines">
        <caption className="visually-hidden">Items of order {order.number}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">SKU</th>
            <th scope="col">Ordered</th>
            <th scope="col">To collect</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.lineId}>
              <td>{l.name}</td>
              <td>{l.sku}</td>
              <td>{l.qty}</td>
              <td>{Math.max(0, left.get(l.lineId) ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && (
        <p role="alert" className="pickups-notice">
          {message}
        </p>
      )}
      {/* Kept open after the last units are handed over: the pickup receipt shows there. */}
      {collecting ? (
        <CollectPanel order={order} scannedCode={scannedCode} onClose={() => setCollecting(false)} />
      ) : (
        <div className="pickups-actions">
          {order.status === 'placed' && (
            <button
              type="button"
              className="button"
              disabled={move.isPending}
              onClick={() => move.mutate('picking')}
            >
              Start picking
            </button>
          )}
          {(order.status === 'placed' || order.status === 'picking') && (
            <button
              type="button"
              className="button"
              disabled={move.isPending}
              onClick={() => move.mutate('ready')}
            >
              Ready – notify customer
            </button>
          )}
          {order.status === 'ready' && (
            <button type="button" className="button" onClick={() => setCollecting(true)}>
              Collect
            </button>
          )}
          {open && (
            <button type="button" className="button button-quiet" onClick={() => setApproving(true)}>
              Cancel order
            </button>
          )}
        </div>
      )}
      {approving && (
        <ManagerApprovalDialog
          storeId={storeId}
          reasons={[`Cancel web order ${order.number} and refund the customer’s card`]}
          onApproved={() => {
            setApproving(false);
            move.mutate('cancelled');
          }}
          onCancel={() => setApproving(false)}
        />
      )}
    </section>
  );
}
