/**
 * The tender screen (F10 from the sale): the amount due, cash with quick amounts and a typed amount, card
 * through the terminal, loyalty points of the attached customer (F6: never beyond the balance the register
 * knows), and any split of them. When the tenders cover the total the sale is recorded
 * and its receipt shown at once (after-sale.tsx). The recent receipts (F11, or an empty cart) show here
 * instead of the payment.
 */
import { useEffect, useRef, useState } from 'react';
import { settleTenders } from '@till/shared/domain/tenders';
import { loyaltyRulesOf } from '@till/shared/schemas/settings';
import { useEnrollment } from '../../app/sync-provider';
import { useCustomer } from '../customer/queries';
import { useCustomerProfile } from '../customer-panel/use-customer-profile';
import { useNavStore } from '../navigation/nav-store';
import { RecentReceipts } from '../receipts/recent-receipts';
import { closeRecentReceipts, useReceiptsStore } from '../receipts/use-receipts-hotkey';
import { useCartStore } from '../sale/cart-store';
import { useMoney } from '../sale/money';
import { usePricedCart } from '../sale/priced-cart';
import { useStoreSettings } from '../sale/queries';
import { AfterSale } from './after-sale';
import { CardStatus } from './card-status';
import { parseAmount, pointsToTender, quickCashAmounts, remainingDue } from './tender-math';
import { useTenderPersistence } from './tender-persistence';
import { useTenderStore } from './tender-store';
import { useCardPayment } from './use-card-payment';
import { useFinishSale } from './use-finish-sale';

/** The tender screen. */
export function TenderScreen() {
  const done = useTenderStore((s) => s.done);
  const showReceipts = useReceiptsStore((s) => s.showReceipts);
  const { priced } = usePricedCart();
  const restored = useTenderPersistence();
  if (done) return <AfterSale />;
  if (!restored) {
    return (
      <p className="muted" role="status">
        Opening the payment…
      </p>
    );
  }
  if (showReceipts || !priced || priced.lines.length === 0) {
    return <RecentReceipts onBack={closeRecentReceipts} />;
  }
  return <PayPanel />;
}

function PayPanel() {
  const enrollment = useEnrollment();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;
  const { priced } = usePricedCart();
  const money = useMoney();
  const go = useNavStore((s) => s.go);
  const tenders = useTenderStore((s) => s.tenders);
  const addTender = useTenderStore((s) => s.addTender);
  const removeCash = useTenderStore((s) => s.removeCash);
  const currency = settings?.currency ?? 'USD';
  const card = useCardPayment(currency);
  const { finish, error } = useFinishSale(settings, priced);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const customerId = useCartStore((s) => s.customerId);
  const profile = useCustomerProfile(customerId).data?.profile ?? null;
  const localCustomer = useCustomer(customerId).data ?? null;
  // What the register knows of the balance: the hub's latest answer (or the kept one), else the replica's.
  const balance = profile?.points ?? localCustomer?.loyaltyPoints ?? null;

  const due = priced?.totals.gross ?? 0;
  const remaining = remainingDue(due, tenders);
  const busy = card.state.step === 'waiting' || card.state.step === 'unknown';

  // Once the tenders cover the total the sale is complete: record it (a refusal is shown, nothing lost).
  useEffect(() => {
    if (due > 0 && remaining === 0 && tenders.length > 0 && settleTenders(due, tenders).ok)
      void finish(tenders);
  }, [due, remaining, tenders, finish]);

  const typedAmount = (): number | null => {
    if (typed.trim() === '') return remaining;
    const amount = parseAmount(typed, currency);
    if (amount === null) setTypedError('Type an amount such as 12.50.');
    return amount;
  };

  const payCash = (amount: number | null) => {
    if (amount === null || busy || remaining === 0) return;
    setTypedError(null);
    setTyped('');
    addTender({ method: 'cash', amount });
  };

  const payCard = () => {
    const amount = typedAmount();
    if (amount === null || busy || remaining === 0) return;
    if (amount > remaining) {
      setTypedError('A card pays at most what is left to pay; only cash gives change.');
      return;
    }
    setTypedError(null);
    setTyped('');
    void card.charge(amount);
  };

  const payPoints = () => {
    if (busy || remaining === 0 || customerId === null) return;
    const typedMinor = typed.trim() === '' ? null : parseAmount(typed, currency);
    if (typed.trim() !== '' && typedMinor === null) {
      setTypedError('Type an amount such as 12.50.');
      return;
    }
    const tender = pointsToTender(balance, tenders, due, loyaltyRulesOf(settings), typedMinor);
    if (!tender.ok) {
      setTypedError(tender.error.message);
      return;
    }
    setTypedError(null);
    setTyped('');
    addTender({ method: 'points', amount: tender.value.amount, points: tender.value.points });
  };

  // Capture phase: these keys must win over the screen keys (Esc while the terminal works cancels the card).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        if (card.state.step === 'waiting') card.cancel();
        else if (!busy) go('sale');
      } else if (event.key === 'F3' && !busy) {
        event.preventDefault();
        payCash(remaining);
      } else if (event.key === 'F4' && !busy) {
        event.preventDefault();
        payCard();
      } else if (event.key === 'F6' && !busy && customerId !== null) {
        event.preventDefault();
        payPoints();
      } else if (card.state.step === 'unknown' && (event.key === 'y' || event.key === 'n')) {
        event.preventDefault();
        void card.resolve(event.key === 'y');
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  });

  useEffect(() => amountRef.current?.focus(), []);

  return (
    <section className="panel tender" aria-labelledby="tender-title">
      <div className="tender-head">
        <h2 id="tender-title">Payment</h2>
        <button type="button" className="button button-quiet" onClick={() => go('sale')} disabled={busy}>
          Back to sale <kbd>Esc</kbd>
        </button>
      </div>
      <div className="tender-amounts">
        <div className="tender-figure">
          <span className="muted">Total</span>
          <output aria-label="Total">{money(due)}</output>
        </div>
        <div className="tender-figure tender-figure-main">
          <span className="muted">Left to pay</span>
          <output aria-label="Left to pay">{money(remaining)}</output>
        </div>
      </div>

      {tenders.length > 0 && (
        <ul className="tender-list" aria-label="Tenders taken">
          {tenders.map((t, i) => (
            <li key={i}>
              <span>
                {t.method === 'card'
                  ? `Card ${t.reference ?? ''}`
                  : t.method === 'points'
                    ? `Points (${t.points ?? 0})`
                    : 'Cash'}
              </span>
              <span>{money(t.amount)}</span>
              {(t.method === 'cash' || t.method === 'points') && (
                <button type="button" className="link-button" onClick={() => removeCash(i)}>
                  Remove {t.method === 'cash' ? 'cash' : 'points'} {money(t.amount)}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <CardStatus
        state={card.state}
        money={money}
        onCancel={card.cancel}
        onResolve={(approved) => void card.resolve(approved)}
        onDismiss={card.dismiss}
      />
      {error && (
        <p className="form-error" role="alert">
          The sale could not be recorded: {error}
        </p>
      )}

      <div className="tender-methods">
        <form
          className="tender-typed"
          onSubmit={(event) => {
            event.preventDefault();
            payCash(typedAmount());
          }}
        >
          <label htmlFor="tender-amount">Amount tendered (empty: what is left)</label>
          <input
            id="tender-amount"
            ref={amountRef}
            inputMode="decimal"
            autoComplete="off"
            value={typed}
            disabled={busy}
            onChange={(event) => setTyped(event.target.value)}
          />
          {typedError && (
            <p className="form-error" role="alert">
              {typedError}
            </p>
          )}
          <div className="tender-row">
            <button type="submit" className="button" disabled={busy}>
              Cash <kbd>Enter ↵</kbd>
            </button>
            <button type="button" className="button" onClick={payCard} disabled={busy} aria-keyshortcuts="F4">
              Card <kbd>F4</kbd>
            </button>
            {customerId !== null && (
              <button
                type="button"
                className="button"
                onClick={payPoints}
                disabled={busy || balance === 0}
                aria-keyshortcuts="F6"
                aria-label={`Points ${balance === null ? '(balance unknown)' : `(${balance} available)`} F6`}
              >
                Points {balance === null ? '' : `(${balance})`} <kbd>F6</kbd>
              </button>
            )}
          </div>
        </form>
        <div className="tender-quick" role="group" aria-label="Quick cash amounts">
          {quickCashAmounts(remaining, currency).map((amount, i) => (
            <button
              key={amount}
              type="button"
              className="button quick-cash"
              disabled={busy}
              onClick={() => payCash(amount)}
              aria-label={i === 0 ? `Exact cash ${money(amount)}` : `Cash ${money(amount)}`}
              {...(i === 0 ? { 'aria-keyshortcuts': 'F3' } : {})}
            >
              {i === 0 ? 'Exact ' : ''}
              {money(amount)}
              {i === 0 && <kbd>F3</kbd>}
            </button>
          ))}
        </div>
      </div>
    </section>
  );
}
