/**
 * Right after a sale is recorded: the change due (big), the receipt from the recorded document, what the
 * printer and drawer answered in words, and "New sale" (Enter).
 */
import { useEffect } from 'react';
import { useEnrollment } from '../../app/sync-provider';
import { useNavStore } from '../navigation/nav-store';
import { ReceiptView } from '../receipt/receipt-view';
import { useMoney } from '../sale/money';
import { useStoreSettings } from '../sale/queries';
import { useActiveClerk } from '../session/session-store';
import { openRecentReceipts } from '../receipts/use-receipts-hotkey';
import { useTenderStore } from './tender-store';

/** The receipt of the sale just recorded. */
export function AfterSale() {
  const done = useTenderStore((s) => s.done);
  const enrollment = useEnrollment();
  const clerk = useActiveClerk();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;
  const money = useMoney();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === 'Escape') {
        event.preventDefault();
        newSale();
      } else if (event.key === 'F11') {
        event.preventDefault();
        recentReceipts();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  if (!done) return null;
  const change = done.sale.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0);
  return (
    <section className="panel after-sale" aria-labelledby="after-sale-title">
      <div className="tender-head">
        <h2 id="after-sale-title">Sale complete · {done.sale.number}</h2>
        <div className="tender-row">
          <button type="button" className="button button-quiet" onClick={recentReceipts}>
            Recent receipts <kbd>F11</kbd>
          </button>
          <button type="button" className="button" onClick={newSale} aria-keyshortcuts="Enter">
            New sale <kbd>Enter ↵</kbd>
          </button>
        </div>
      </div>
      <div className="tender-figure tender-figure-main change-due">
        <span className="muted">Change due</span>
        <output aria-label="Change due">{money(change)}</output>
      </div>
      <div className="after-sale-notes" role="status" aria-label="Printer and drawer">
        {done.printMessage && <p>{done.printMessage}</p>}
        {done.drawerMessage && <p>{done.drawerMessage}</p>}
      </div>
      {settings && (
        <ReceiptView
          sale={done.sale}
          settings={settings}
          registerName={enrollment?.name ?? ''}
          clerkName={clerk?.name ?? ''}
        />
      )}
    </section>
  );
}

function newSale(): void {
  useTenderStore.getState().reset();
  useNavStore.getState().go('sale');
}

function recentReceipts(): void {
  useTenderStore.getState().reset();
  openRecentReceipts();
}
