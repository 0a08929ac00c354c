/**
 * The parts of a return's line table that every way of returning shows alike: the row's heading (name,
 * SKU and price), where the units go (resellable or damaged), and — for a return against a sale or a web
 * order — the whole table with how many units are still returnable and a quantity stepper per line.
 */
import type { ReactNode } from 'react';
import type { Disposition } from '@till/shared/schemas/sale';
import type { ReturnSelection } from './use-return-selection';

/** The heading cell of a line's row: its name, then its SKU and price. */
export function ReturnLineName({ name, sku, price }: { name: string; sku: string; price: string }) {
  return (
    <th scope="row">
      {name}
      <span className="returns-sku">
        {sku} · {price}
      </span>
    </th>
  );
}

/** Where a line's returned units go, named after the line. */
export function DispositionSelect({
  name,
  value,
  disabled,
  onChange,
}: {
  name: string;
  value: Disposition;
  disabled?: boolean;
  onChange: (value: Disposition) => void;
}) {
  return (
    <select
      aria-label={`Disposition of ${name}`}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as Disposition)}
    >
      <option value="resellable">Resellable: back to stock</option>
      <option value="damaged">Damaged: not sellable</option>
    </select>
  );
}

/** A line one can return units of: a sale's or a web order's. */
export interface ReturnableLine {
  lineId: string;
  name: string;
  sku: string;
  qty: number;
  gross: number;
}

/** How many units of one line come back: −, the number, + (never below 0 nor above `left`). */
function QuantityStepper({
  name,
  value,
  left,
  locked,
  onChange,
}: {
  name: string;
  value: number;
  left: number;
  locked: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <div className="returns-qty">
      <button
        type="button"
        className="button button-quiet"
        aria-label={`One less ${name}`}
        disabled={locked || value <= 0}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <input
        type="number"
        min={0}
        max={left}
        aria-label={`Quantity to return of ${name}`}
        value={value}
        disabled={locked || left === 0}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <button
        type="button"
        className="button button-quiet"
        aria-label={`One more ${name}`}
        disabled={locked || value >= left}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}

/**
 * The lines of a sale or web order with what can still come back of each. `soldWord` heads the column of
 * the original quantity ("Sold", "Ordered"); `locked` disables every control while a refund is under way.
 */
export function ReturnLinesTable({
  caption,
  soldWord,
  lines,
  returnable,
  selection,
  locked,
  money,
}: {
  caption: ReactNode;
  soldWord: string;
  lines: readonly ReturnableLine[];
  returnable: ReadonlyMap<string, number>;
  selection: ReturnSelection;
  locked: boolean;
  money: (minor: number) => string;
}) {
  const { qty, disposition, setLineQty, setLineDisposition } = selection;
  return (
    <table className="returns-lines">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">{soldWord}</th>
          <th scope="col">Can return</th>
          <th scope="col">Return</th>
          <th scope="col">Goes to</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => {
          const left = returnable.get(line.lineId) ?? 0;
          return (
            <tr key={line.lineId} aria-label={line.name}>
              <ReturnLineName name={line.name} sku={line.sku} price={money(line.gross)} />
              <td>{line.qty}</td>
              <td aria-label={`Can return of ${line.name}`}>{left}</td>
              <td>
                <QuantityStepper
                  name={line.name}
                  value={qty[line.lineId] ?? 0}
                  left={left}
                  locked={locked}
                  onChange={(value) => setLineQty(line.lineId, value)}
                />
              </td>
              <td>
                <DispositionSelect
                  name={line.name}
                  value={disposition[line.lineId] ?? 'resellable'}
                  disabled={locked || left === 0}
                  onChange={(value) => setLineDisposition(line.lineId, value)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
