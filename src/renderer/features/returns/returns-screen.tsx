/**
 * The returns screen (F6): find the sale by its receipt number, typed or scanned from the receipt (its
 * Code 128 number or its QR code), from any register of the store and offline too (the replica holds the
 * store's recent sales); or find a web order by its number, its QR code, the customer's e-mail or phone
 * (this store's pickup orders from the replica, others from the hub); pick what comes back and refund it;
 * or, with a manager's PIN, take a return without a receipt. The return receipt shows at once, with a web
 * order's card refund status (pending until the hub has refunded the card). Esc goes back to the sale screen (the navigation's
 * key), F2 goes to the receipt number, F4 starts a return without a receipt.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useEnrollment } from '../../app/sync-provider';
import { useNavStore } from '../navigation/nav-store';
import { ReceiptView } from '../receipt/receipt-view';
import { readScannerTuning } from '../sale/scanner-tuning';
import { useWedgeScanner } from '../scan/use-wedge-scanner';
import { type Clerk, useActiveClerk } from '../session/session-store';
import { type SaleLookup, parseSaleLookup } from './lookup-code';
import { ManagerApproval } from './manager-approval';
import { NoReceiptReturn } from './no-receipt-return';
import { type OrderLookup, parseOrderLookup } from './order-lookup';
import { useFoundSale, useReturnSettings } from './queries';
import { ReturnPicker } from './return-picker';
import { WebOrderFinder } from './web-order-finder';
import { WebReturnReceipt } from './web-refund-status';

type Phase =
  | { kind: 'find' }
  | { kind: 'approve-no-receipt' }
  | { kind: 'no-receipt'; managerId: string }
  | { kind: 'receipt'; doc: SaleDocument; originalNumber: string | null };

/** The returns screen of the signed-in clerk. */
export function ReturnsScreen() {
  const enrollment = useEnrollment();
  const clerk = useActiveClerk();
  const settings = useReturnSettings(enrollment?.storeId ?? '');
  if (!enrollment || !clerk) return null;
  return (
    <section className="panel returns" aria-labelledby="returns-heading">
      <h2 id="returns-heading">Returns</h2>
      {settings.data ? (
        <ReturnsFlow enrollment={enrollment} clerk={clerk} settings={settings.data} />
      ) : (
        <p role="status">Waiting for this store’s settings from the hub…</p>
      )}
    </section>
  );
}

function ReturnsFlow({
  enrollment,
  clerk,
  settings,
}: {
  enrollment: StoredEnrollment;
  clerk: Clerk;
  settings: StoreSettings;
}) {
  const go = useNavStore((s) => s.go);
  const [phase, setPhase] = useState<Phase>({ kind: 'find' });
  const [text, setText] = useState('');
  const [lookup, setLookup] = useState<SaleLookup | null>(null);
  const [orderLookup, setOrderLookup] = useState<OrderLookup | null>(null);
  /** What was last looked up (typed and sent, or scanned): the "not a receipt number" answer needs it. */
  const [asked, setAsked] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const [tuning] = useState(readScannerTuning);
  const found = useFoundSale(enrollment.storeId, lookup);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const finding = phase.kind === 'find';

  const look = (code: string) => {
    setText(code.trim());
    setAsked(code.trim());
    const order = parseOrderLookup(code);
    setOrderLookup(order);
    setLookup(order ? null : parseSaleLookup(code));
  };
  const newReturn = () => {
    setPhase({ kind: 'find' });
    setText('');
    setAsked(null);
    setLookup(null);
    setOrderLookup(null);
    requestAnimationFrame(() => field.current?.focus());
  };

  // A receipt scanned anywhere on the screen looks its sale up (while no dialog wants the keys).
  useWedgeScanner(look, { ...tuning, enabled: finding && !dialog });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialog || phase.kind === 'approve-no-receipt') return;
      // Esc back to the sale is the navigation's key (features/navigation/use-nav-keys.ts).
      if (event.key === 'F2' && finding) {
        event.preventDefault();
        field.current?.focus();
      } else if (event.key === 'F4' && finding) {
        event.preventDefault();
        setPhase({ kind: 'approve-no-receipt' });
      } else if (event.key === 'Enter' && phase.kind === 'receipt') {
        event.preventDefault();
        newReturn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, finding, phase.kind]);

  if (phase.kind === 'receipt') {
    return (
      <div className="returns-done">
        {phase.doc.returnOf && 'orderId' in phase.doc.returnOf ? (
          <WebReturnReceipt
            doc={phase.doc}
            enrollment={enrollment}
            settings={settings}
            registerName={enrollment.name}
            clerkName={clerk.name}
            originalNumber={phase.originalNumber}
          />
        ) : (
          <ReceiptView
            sale={phase.doc}
            settings={settings}
            registerName={enrollment.name}
            clerkName={clerk.name}
            originalNumber={phase.originalNumber}
          />
        )}
        <div className="returns-actions">
          <button type="button" className="button" onClick={newReturn}>
            New return <kbd>Enter ↵</kbd>
          </button>
          <button type="button" className="button button-quiet" onClick={() => go('sale')}>
            Back to sale <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    );
  }

  if (phase.kind === 'no-receipt') {
    return (
      <NoReceiptReturn
        enrollment={enrollment}
        clerk={clerk}
        settings={settings}
        managerId={phase.managerId}
        onDone={(doc) => setPhase({ kind: 'receipt', doc, originalNumber: null })}
        onCancel={newReturn}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    look(text);
  };
  const sale = found.data ?? null;
  return (
    <div className="returns-find-stack">
      <form className="returns-find" aria-label="Find a sale" onSubmit={submit}>
        <label htmlFor={fieldId}>
          Receipt number, web order, e-mail or phone <kbd>F2</kbd>
        </label>
        <input
          id={fieldId}
          ref={field}
          autoFocus
          className="returns-number"
          autoComplete="off"
          spellCheck={false}
          placeholder="Scan the receipt or order QR, or type S1-R1-000042, W000123 or an e-mail"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          Find <kbd>Enter ↵</kbd>
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => setPhase({ kind: 'approve-no-receipt' })}
        >
          No receipt <kbd>F4</kbd>
        </button>
        <button type="button" className="button button-quiet" onClick={() => go('sale')}>
          Back to sale <kbd>Esc</kbd>
        </button>
      </form>
      {lookup === null && orderLookup === null && asked && (
        <p className="returns-message" role="alert" aria-label="Lookup result">
          That is not a receipt number, a web order number, an e-mail or phone, or a receipt’s QR code.
        </p>
      )}
      {lookup && found.isSuccess && !sale && (
        <p className="returns-message" role="alert" aria-label="Lookup result">
          No sale {lookup.by === 'number' ? lookup.number : lookup.id} at this store on this register. Check
          the number; sales of the last 90 days of every register of the store arrive here with sync.
        </p>
      )}
      {sale && (
        <ReturnPicker
          key={sale.sale.id}
          found={sale}
          settings={settings}
          enrollment={enrollment}
          clerk={clerk}
          onDialog={setDialog}
          onDone={(doc) => setPhase({ kind: 'receipt', doc, originalNumber: sale.sale.number })}
        />
      )}
      {orderLookup && (
        <WebOrderFinder
          key={JSON.stringify(orderLookup)}
          lookup={orderLookup}
          settings={settings}
          enrollment={enrollment}
          clerk={clerk}
          onDone={(doc, order) => setPhase({ kind: 'receipt', doc, originalNumber: order.number })}
        />
      )}
      {phase.kind === 'approve-no-receipt' && (
        <ManagerApproval
          enrollment={enrollment}
          reason="return_without_receipt"
          onCancel={() => setPhase({ kind: 'find' })}
          onApproved={(manager) => setPhase({ kind: 'no-receipt', managerId: manager.id })}
        />
      )}
    </div>
  );
}
