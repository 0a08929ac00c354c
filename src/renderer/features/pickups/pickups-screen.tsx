/**
 * The Pickups screen (F5): this store's web orders for pickup, by state — New, Picking, Ready — and the
 * last ones finished (collected, cancelled, expired). Choosing one shows its lines and its actions: Start
 * picking, Ready (the hub e-mails the customer), Collect (after the order's QR code is scanned, or its
 * number and the customer's name are typed; some units or all), Cancel (a manager's PIN). Every action is
 * a write to the replica, so it works offline and syncs when the hub is back; the hub's state machine has
 * the last word, and an order it moved elsewhere meanwhile shows here as the hub has it.
 */
import { useState } from 'react';
import type { OrderStatus, WebOrder } from '@till/shared/schemas/web-order';
import { useEnrollment } from '../../app/sync-provider';
import { useWedgeScanner } from '../scan/use-wedge-scanner';
import { useActiveClerk } from '../session/session-store';
import { OrderDetail } from './order-detail';
import { keyMatches, orderKeyOfScan } from './pickup-verify';
import { usePickupOrders } from './queries';
import './pickups.css';

/** The groups of the queue, in the order of the work. */
const GROUPS: readonly { title: string; statuses: readonly OrderStatus[]; limit?: number }[] = [
  { title: 'New', statuses: ['placed'] },
  { title: 'Picking', statuses: ['picking'] },
  { title: 'Ready', statuses: ['ready'] },
  { title: 'Finished', statuses: ['collected', 'cancelled', 'expired', 'returned'], limit: 8 },
];

/** The Pickups screen of the signed-in clerk. */
export function PickupsScreen() {
  const enrollment = useEnrollment();
  const clerk = useActiveClerk();
  const orders = usePickupOrders(enrollment?.storeId ?? null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = orders.data ?? [];
  const selected = list.find((o) => o.id === selectedId) ?? null;

  // A scanned order code picks its order from the queue and counts as the customer's proof.
  useWedgeScanner((code) => {
    const key = orderKeyOfScan(code);
    if (key === null) return;
    const found = list.find((o) => keyMatches(o, key));
    if (!found) {
      setNotice(`No pickup order ${key} at this store.`);
      return;
    }
    setNotice(null);
    setSelectedId(found.id);
    setScanned(code);
  });

  if (!enrollment || !clerk) return null;
  return (
    <section className="panel pickups" aria-labelledby="pickups-heading">
      <h2 id="pickups-heading">Pickups</h2>
      {notice && (
        <p role="alert" className="pickups-notice">
          {notice}
        </p>
      )}
      <div className="pickups-layout">
        <nav className="pickups-queue" aria-label="Pickup orders">
          {GROUPS.map((group) => {
            const members = list.filter((o) => group.statuses.includes(o.status)).slice(0, group.limit);
            return (
              <section key={group.title} aria-label={`${group.title} orders`} className="pickups-group">
                <h3>
                  {group.title} <span className="pickups-count">{members.length}</span>
                </h3>
                {members.length === 0 ? (
                  <p className="pickups-empty">None</p>
                ) : (
                  <ul>
                    {members.map((o) => (
                      <li key={o.id}>
                        <OrderButton
                          order={o}
                          selected={o.id === selectedId}
                          onSelect={() => {
                            setSelectedId(o.id);
                            setScanned(null);
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </nav>
        {selected ? (
          <OrderDetail
            key={`${selected.id}:${scanned ?? ''}`}
            order={selected}
            storeId={enrollment.storeId}
            scannedCode={scanned}
          />
        ) : (
          <p className="pickups-hint">
            {orders.isPending ? 'Loading orders…' : 'Choose an order, or scan the customer’s order code.'}
          </p>
        )}
      </div>
    </section>
  );
}

function OrderButton({
  order,
  selected,
  onSelect,
}: {
  order: WebOrder;
  selected: boolean;
  onSelect: () => void;
}) {
  const units = order.lines.reduce((n, l) => n + l.qty, 0);
  return (
    <button type="button" className="pickups-order" aria-pressed={selected} onClick={onSelect}>
      <span className="pickups-order-number">{order.number}</span>
      <span>{order.customer.name}</span>
      <span className="pickups-order-units">
        {units} {units === 1 ? 'item' : 'items'}
      </span>
    </button>
  );
}
