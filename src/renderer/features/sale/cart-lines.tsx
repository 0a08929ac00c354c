/**
 * The cart's lines: name, quantity (− / + / typed), price (and the shelf price when overridden), discount,
 * line total, stock at this store (a warning, never a block, when the sale takes it below zero), and the
 * line's actions. Every control is named after its line, so a screen reader (and a test) can tell them apart.
 */
import { useState } from 'react';
import type { PricedCart } from '@till/shared/domain/pricing';
import type { LocalStock } from '../../../sync/stock-view';
import type { CartLine } from './cart-store';

/** What the lines ask the screen to do. */
export interface LineActions {
  setQty: (lineId: string, qty: number) => void;
  discount: (line: CartLine) => void;
  override: (line: CartLine) => void;
  void: (line: CartLine) => void;
}

/** The lines of the cart, newest last. */
export function CartLines({
  lines,
  priced,
  stock,
  actions,
  formatMoney,
}: {
  lines: readonly CartLine[];
  priced: PricedCart | null;
  stock: ReadonlyMap<string, LocalStock> | undefined;
  actions: LineActions;
  formatMoney: (amount: number) => string;
}) {
  if (lines.length === 0) {
    return (
      <p className="cart-empty" role="status" aria-label="Cart">
        Scan an item, search (F2) or tap a quick key to start a sale.
      </p>
    );
  }
  // Units of each SKU in the whole cart: stock goes below zero by all of them together.
  const units = new Map<string, number>();
  for (const l of lines) units.set(l.sku, (units.get(l.sku) ?? 0) + l.qty);
  return (
    <table className="cart-lines" aria-label="Cart">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Qty</th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LineRow
            key={line.lineId}
            line={line}
            priced={priced?.lines.find((p) => p.lineId === line.lineId) ?? null}
            stock={stock?.get(line.sku)}
            unitsInCart={units.get(line.sku) ?? line.qty}
            actions={actions}
            formatMoney={formatMoney}
          />
        ))}
      </tbody>
    </table>
  );
}

function LineRow({
  line,
  priced,
  stock,
  unitsInCart,
  actions,
  formatMoney,
}: {
  line: CartLine;
  priced: PricedCart['lines'][number] | null;
  stock: LocalStock | undefined;
  unitsInCart: number;
  actions: LineActions;
  formatMoney: (amount: number) => string;
}) {
  // What the clerk is typing; null shows the line's quantity.
  const [draft, setDraft] = useState<string | null>(null);
  const qtyText = draft ?? String(line.qty);
  const commitQty = () => {
    const qty = Number(qtyText);
    if (/^\d+$/.test(qtyText) && qty >= 1 && qty !== line.qty) actions.setQty(line.lineId, qty);
    setDraft(null);
  };
  const left = stock ? stock.onHand - unitsInCart : null;
  const weighed = line.grams !== undefined;
  return (
    <tr className="cart-line" aria-label={line.name}>
      <td>
        <div className="line-name">{line.name}</div>
        <div className="line-meta">
          {line.sku}
          {weighed && ` · ${(line.grams as number) / 1000} kg`}
          {stock && (
            <span
              className={left !== null && left < 0 ? 'stock-warning' : 'stock-ok'}
              aria-label={`Stock of ${line.name}`}
            >
              {left !== null && left < 0
                ? ` · Stock: ${stock.onHand} here — this sale takes it below zero`
                : ` · Stock: ${stock.onHand} here`}
            </span>
          )}
        </div>
        {line.discount && priced && priced.discount > 0 && (
          <div className="line-discount">
            Discount{' '}
            {line.discount.kind === 'percent'
              ? `${line.discount.bp / 100} %`
              : formatMoney(line.discount.amount)}{' '}
            (−{formatMoney(priced.discount)})
          </div>
        )}
        {line.override && <div className="line-override">Price changed: {line.override.reason}</div>}
        <div className="line-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={`Discount on ${line.name}`}
            onClick={() => actions.discount(line)}
          >
            Discount
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`Change price of ${line.name}`}
            onClick={() => actions.override(line)}
          >
            Price
          </button>
          <button
            type="button"
            className="button button-small button-danger"
            aria-label={`Void ${line.name}`}
            onClick={() => actions.void(line)}
          >
            Void
          </button>
        </div>
      </td>
      <td>
        <div className="qty-controls">
          <button
            type="button"
            className="icon-button"
            aria-label={`Decrease quantity of ${line.name}`}
            disabled={line.qty <= 1 || weighed}
            onClick={() => actions.setQty(line.lineId, line.qty - 1)}
          >
            −
          </button>
          <input
            className="qty-field"
            inputMode="numeric"
            aria-label={`Quantity of ${line.name}`}
            value={qtyText}
            disabled={weighed}
            onChange={(e) => setDraft(e.target.value.replace(/[^0-9]/g, '').slice(0, 7))}
            onBlur={commitQty}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitQty();
              }
            }}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Increase quantity of ${line.name}`}
            disabled={weighed}
            onClick={() => actions.setQty(line.lineId, line.qty + 1)}
          >
            +
          </button>
        </div>
      </td>
      <td className="num">
        {line.override && <s className="muted">{formatMoney(line.unitPrice)}</s>}{' '}
        {formatMoney(line.override ? line.override.unitPrice : line.unitPrice)}
      </td>
      <td className="num line-total" aria-label={`Total of ${line.name}`}>
        {priced ? formatMoney(priced.gross) : '—'}
      </td>
    </tr>
  );
}
