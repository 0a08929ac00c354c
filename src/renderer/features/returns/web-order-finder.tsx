/**
 * The web-order half of the returns screen: the orders a look-up found (replica first, then the hub), one
 * chosen (at once when only one matched), its earlier returns loaded, and the picker. Says plainly when
 * nothing was found, and when the hub could not be asked and the replica has no such order.
 */
import { useState } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { Clerk } from '../session/session-store';
import { type OrderLookup, orderLookupWords } from './order-lookup';
import { WebOrderPicker } from './web-order-picker';
import { useWebOrderReturns, useWebOrders } from './web-order-queries';

/** Finds the web orders of `lookup` and returns one of them. */
export function WebOrderFinder({
  lookup,
  settings,
  enrollment,
  clerk,
  onDone,
}: {
  lookup: OrderLookup;
  settings: StoreSettings;
  enrollment: StoredEnrollment;
  clerk: Clerk;
  onDone: (doc: SaleDocument, order: WebOrder) => void;
}) {
  const found = useWebOrders(lookup);
  const [chosen, setChosen] = useState<string | null>(null);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  if (found.isPending) {
    return (
      <p className="returns-message" role="status">
        Looking for web orders…
      </p>
    );
  }
  const orders = found.data?.orders ?? [];
  if (orders.length === 0) {
    return (
      <p className="returns-message" role="alert" aria-label="Lookup result">
        {found.data?.hubReached === false
          ? `The hub cannot be reached and this register has no pickup order for ${orderLookupWords(lookup)}. Try again once the register is back online.`
          : `No web order for ${orderLookupWords(lookup)}.`}
      </p>
    );
  }
  const order = orders.length === 1 ? orders[0]! : (orders.find((o) => o.id === chosen) ?? null);
  return (
    <>
      {orders.length > 1 && (
        <ul className="returns-orders" aria-label="Web orders found">
          {orders.map((o) => (
            <li key={o.id}>
              <button
                type="button"
                className={`button ${o.id === order?.id ? '' : 'button-quiet'}`}
                aria-pressed={o.id === order?.id}
                onClick={() => setChosen(o.id)}
              >
                Order {o.number} · {o.status} · {new Date(o.createdAt).toLocaleDateString(settings.locale)} ·{' '}
                {money(o.totals.gross)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {order && (
        <OrderReturn
          key={order.id}
          order={order}
          settings={settings}
          enrollment={enrollment}
          clerk={clerk}
          onDone={(doc) => onDone(doc, order)}
        />
      )}
    </>
  );
}

function OrderReturn({
  order,
  settings,
  enrollment,
  clerk,
  onDone,
}: {
  order: WebOrder;
  settings: StoreSettings;
  enrollment: StoredEnrollment;
  clerk: Clerk;
  onDone: (doc: SaleDocument) => void;
}) {
  const previous = useWebOrderReturns(order.id);
  if (!previous.data) {
    return (
      <p className="returns-message" role="status">
        Loading the returns made against order {order.number}…
      </p>
    );
  }
  if (!['collected', 'shipped', 'returned'].includes(order.status)) {
    return (
      <p className="returns-message" role="alert" aria-label="Lookup result">
        Order {order.number} is {order.status}: only a collected or shipped order can be returned.
      </p>
    );
  }
  return (
    <WebOrderPicker
      order={order}
      previous={previous.data.returns}
      hubReached={previous.data.hubReached}
      settings={settings}
      enrollment={enrollment}
      clerk={clerk}
      onDone={onDone}
    />
  );
}
