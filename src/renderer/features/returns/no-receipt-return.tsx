/**
 * A return without a receipt, once a manager approved it: the items scanned or typed (barcode or SKU,
 * looked up in the product index), priced as they sell today, each with its disposition, refunded in
 * cash. The document says `returnOf: null` and carries the manager's `return_without_receipt` approval.
 */
import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { type CartLineInput, priceCart } from '@till/shared/domain/pricing';
import { buildReturnWithoutReceipt } from '@till/shared/domain/returns';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { Disposition, SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useProductIndex, useReplica } from '../../app/sync-provider';
import { readScannerTuning } from '../sale/scanner-tuning';
import { useWedgeScanner } from '../scan/use-wedge-scanner';
import type { Clerk } from '../session/session-store';
import { recordReturn } from './record-return';
import { ReturnFooter } from './return-form-parts';
import { DispositionSelect, ReturnLineName } from './return-lines';
import { numberAndShift, returnContext } from './return-steps';

interface ItemLine extends CartLineInput {
  disposition: Disposition;
}

/** The item entry and cash refund of a return without a receipt. */
export function NoReceiptReturn({
  enrollment,
  clerk,
  settings,
  managerId,
  onDone,
  onCancel,
}: {
  enrollment: StoredEnrollment;
  clerk: Clerk;
  settings: StoreSettings;
  managerId: string;
  onDone: (doc: SaleDocument) => void;
  onCancel: () => void;
}) {
  const db = useReplica();
  const index = useProductIndex();
  const [lines, setLines] = useState<ItemLine[]>([]);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tuning] = useState(readScannerTuning);
  const approvedAt = useRef(new Date().toISOString());
  const returnId = useRef(newDocumentId());
  const fieldId = useId();
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const priced = lines.length > 0 ? priceCart({ lines }, settings) : null;

  const add = async (text: string) => {
    const wanted = text.trim();
    if (wanted === '' || !index) return;
    const product = await index.lookupBarcode(wanted);
    if (!product) return setMessage(`${wanted} is not in the catalogue.`);
    setMessage(null);
    setCode('');
    setLines((ls) => {
      const same = ls.find((l) => l.sku === product.sku);
      if (same) return ls.map((l) => (l === same ? { ...l, qty: l.qty + 1 } : l));
      const line: ItemLine = {
        lineId: String(ls.length + 1),
        sku: product.sku,
        name: product.name,
        qty: 1,
        unitPrice: product.price,
        taxCode: product.taxCode,
        disposition: 'resellable',
      };
      return [...ls, line];
    });
  };

  useWedgeScanner((scanned) => void add(scanned), { ...tuning, enabled: !busy });

  const update = (lineId: string, change: Partial<ItemLine>) =>
    setLines((ls) => ls.map((l) => (l.lineId === lineId ? { ...l, ...change } : l)).filter((l) => l.qty > 0));

  const refund = async () => {
    if (!db || !priced || busy) return;
    if (!priced.ok) return setMessage(priced.error.message);
    setBusy(true);
    try {
      const [number, shiftId] = await numberAndShift(db, settings, enrollment);
      const built = buildReturnWithoutReceipt({
        priced: priced.value,
        dispositions: new Map(lines.map((l) => [l.lineId, l.disposition])),
        context: { ...returnContext(enrollment, clerk, settings, null), shiftId },
        number,
        approvals: [{ kind: 'return_without_receipt', staffId: managerId, at: approvedAt.current }],
        id: returnId.current,
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
    if (code.trim() !== '') void add(code);
    else void refund();
  };

  const total = priced?.ok ? priced.value.totals.gross : 0;
  return (
    <form className="returns-picker" aria-label="Return without receipt" onSubmit={submit}>
      <p className="returns-note">
        Approved by a manager: a return without a receipt, refunded in cash at today’s price.
      </p>
      <div className="returns-find">
        <label htmlFor={fieldId}>Barcode or SKU</label>
        <input
          id={fieldId}
          autoFocus
          className="returns-number"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="button" className="button button-quiet" onClick={() => void add(code)}>
          Add item
        </button>
      </div>
      {lines.length > 0 && (
        <table className="returns-lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Return</th>
              <th scope="col">Goes to</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.lineId} aria-label={l.name}>
                <ReturnLineName name={l.name} sku={l.sku} price={money(l.unitPrice)} />
                <td>
                  <input
                    type="number"
                    min={0}
                    aria-label={`Quantity to return of ${l.name}`}
                    value={l.qty}
                    onChange={(e) =>
                      update(l.lineId, { qty: Math.max(0, Math.trunc(Number(e.target.value)) || 0) })
                    }
                  />
                </td>
                <td>
                  <DispositionSelect
                    name={l.name}
                    value={l.disposition}
                    onChange={(disposition) => update(l.lineId, { disposition })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReturnFooter message={message}>
        <button type="button" className="button" disabled={busy || !priced?.ok} onClick={() => void refund()}>
          {busy ? 'Refunding…' : `Refund ${money(total)} in cash`} <kbd>Enter ↵</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </ReturnFooter>
    </form>
  );
}
