/**
 * Handing a ready order over: first the proof — the order's QR code scanned (on the queue or here), or its
 * number and the customer's name typed — then how many of each line the customer takes now (all by
 * default; fewer leaves the rest ready for later), then the pickup receipt on screen with Print.
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { type OrderPickup, type WebOrder, remainingUnits } from '@till/shared/schemas/web-order';
import { useReplica } from '../../app/sync-provider';
import { ReceiptPaper } from '../receipt/receipt-paper';
import { useWedgeScanner } from '../scan/use-wedge-scanner';
import { collect, initialQuantities } from './pickup-moves';
import { layoutPickupSlip } from './pickup-slip';
import { type PickupProof, verifyPickup } from './pickup-verify';
import { saveOrderMove } from './queries';

/** The screen shows receipts at 42 columns, as the receipt view does. */
const SCREEN_COLUMNS = 42;

/** Props of the collect panel. */
export interface CollectPanelProps {
  order: WebOrder;
  scannedCode: string | null;
  onClose: () => void;
}

/** Verification, quantities, and the pickup receipt. */
export function CollectPanel({ order, scannedCode, onClose }: CollectPanelProps) {
  const db = useReplica();
  const id = useId();
  const [verified, setVerified] = useState(
    () => scannedCode !== null && verifyPickup(order, { kind: 'scan', code: scannedCode }) === null,
  );
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [quantities, setQuantities] = useState(() => initialQuantities(order));
  const [done, setDone] = useState<{ order: WebOrder; pickup: OrderPickup } | null>(null);

  const check = (proof: PickupProof) => {
    const refusal = verifyPickup(order, proof);
    setProblem(refusal?.message ?? null);
    setVerified(refusal === null);
  };
  useWedgeScanner((code) => check({ kind: 'scan', code }), { enabled: !verified && done === null });

  const save = useMutation({
    mutationFn: async () => {
      if (!db) return { problem: 'The register’s data is not open yet.' };
      const next = collect(order, quantities, new Date(), newDocumentId());
      if (!next.ok) return { problem: next.error.message };
      const saved = await saveOrderMove(db, next.order);
      if (!saved.ok) return { problem: saved.error.message };
      return { done: { order: next.order, pickup: next.order.pickups?.at(-1) as OrderPickup } };
    },
    onSuccess: (result) => {
      if ('problem' in result) setProblem(result.problem ?? null);
      else setDone(result.done);
    },
  });

  if (done) {
    return (
      <div className="pickups-collect">
        <p role="status">
          {done.order.status === 'collected'
            ? `Order ${order.number} collected.`
            : `Part of order ${order.number} collected; the rest stays ready.`}
        </p>
        <ReceiptPaper
          label={`Pickup receipt ${order.number}`}
          lines={layoutPickupSlip(done.order, done.pickup, SCREEN_COLUMNS)}
          layoutFor={(columns) => layoutPickupSlip(done.order, done.pickup, columns)}
          printLabel="Print pickup receipt"
          printHotkey
        />
        <button type="button" className="button button-quiet" onClick={onClose}>
          Done
        </button>
      </div>
    );
  }

  if (!verified) {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      check({ kind: 'typed', number, name });
    };
    return (
      <form className="pickups-collect" onSubmit={submit} aria-label="Verify the customer">
        <p>Scan the order’s QR code, or type the order number and the customer’s name.</p>
        <label htmlFor={`${id}-number`}>Order number</label>
        <input
          id={`${id}-number`}
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          autoComplete="off"
        />
        <label htmlFor={`${id}-name`}>Customer name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        {problem && (
          <p role="alert" className="pickups-notice">
            {problem}
          </p>
        )}
        <div className="pickups-actions">
          <button type="submit" className="button">
            Verify
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Back
          </button>
        </div>
      </form>
    );
  }

  const left = remainingUnits(order);
  const total = [...quantities.values()].reduce((n, q) => n + q, 0);
  return (
    <div className="pickups-collect">
      <p role="status">Customer verified. How many of each item do they take now?</p>
      <ul className="pickups-quantities">
        {order.lines
          .filter((l) => (left.get(l.lineId) ?? 0) > 0)
          .map((l) => {
            const max = left.get(l.lineId) ?? 0;
            const qty = quantities.get(l.lineId) ?? 0;
            const set = (q: number) =>
              setQuantities(
                new Map(quantities).set(l.lineId, Math.min(max, Math.max(0, Math.trunc(q) || 0))),
              );
            return (
              <li key={l.lineId}>
                <label htmlFor={`${id}-q-${l.lineId}`}>{l.name}</label>
                <input
                  id={`${id}-q-${l.lineId}`}
                  type="number"
                  min={0}
                  max={max}
                  step={1}
                  value={qty}
                  onChange={(e) => set(Number(e.target.value))}
                />
                <span>of {max}</span>
              </li>
            );
          })}
      </ul>
      {problem && (
        <p role="alert" className="pickups-notice">
          {problem}
        </p>
      )}
      <div className="pickups-actions">
        <button
          type="button"
          className="button"
          disabled={save.isPending || total === 0}
          onClick={() => save.mutate()}
        >
          Hand over {total} {total === 1 ? 'item' : 'items'}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Back
        </button>
      </div>
    </div>
  );
}
