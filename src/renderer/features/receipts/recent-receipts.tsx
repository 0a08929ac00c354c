/**
 * Recent receipts: this register's last 20 sales and returns from the replica, each opening its receipt
 * with the REPRINT banner (and its Print button), plus the no-sale drawer open (audited).
 */
import { useEffect, useState } from 'react';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { ReceiptView } from '../receipt/receipt-view';
import { useMoney } from '../sale/money';
import { useStoreSettings } from '../sale/queries';
import { useActiveClerk } from '../session/session-store';
import { openDrawerNoSale, useRecentReceipts, useStaffNames } from './queries';

/** Props of the recent receipts. */
export interface RecentReceiptsProps {
  /** Back to the sale screen. */
  onBack: () => void;
}

/** The recent-receipts list, a reprint, and the no-sale button. */
export function RecentReceipts({ onBack }: RecentReceiptsProps) {
  const enrollment = useEnrollment();
  const db = useReplica();
  const clerk = useActiveClerk();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;
  const receipts = useRecentReceipts(enrollment?.registerId ?? null).data ?? [];
  const names = useStaffNames().data;
  const money = useMoney();
  const [open, setOpen] = useState<SaleDocument | null>(null);
  const [drawer, setDrawer] = useState<string | null>(null);

  const noSale = async () => setDrawer(await openDrawerNoSale(db, enrollment, clerk?.id ?? null));

  // Capture phase, ahead of the screen keys: Esc also closes the list, so F11 opens it afresh next time.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onBack]);

  return (
    <section className="panel recent-receipts" aria-labelledby="recent-title">
      <div className="tender-head">
        <h2 id="recent-title">Recent receipts</h2>
        <div className="tender-row">
          <button type="button" className="button button-quiet" onClick={() => void noSale()}>
            No sale: open drawer
          </button>
          <button type="button" className="button button-quiet" onClick={onBack} aria-keyshortcuts="Escape">
            Back to sale <kbd>Esc</kbd>
          </button>
        </div>
      </div>
      {drawer && (
        <p className="after-sale-notes" role="status" aria-label="Drawer">
          {drawer}
        </p>
      )}
      <div className="recent-body">
        {receipts.length === 0 ? (
          <p className="muted">No sales on this register yet.</p>
        ) : (
          <ul className="recent-list" aria-label="Recent receipts">
            {receipts.map((sale) => (
              <li key={sale.id}>
                <button
                  type="button"
                  className="recent-item"
                  aria-pressed={open?.id === sale.id}
                  aria-label={`Receipt ${sale.number}`}
                  onClick={() => setOpen(sale)}
                >
                  <span className="recent-number">{sale.number}</span>
                  <span>{new Date(sale.createdAt).toLocaleTimeString()}</span>
                  <span>{sale.kind === 'return' ? 'Return' : 'Sale'}</span>
                  <span className="recent-amount">{money(sale.totals.gross)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {open && settings && (
          <ReceiptView
            sale={open}
            settings={settings}
            registerName={enrollment?.name ?? ''}
            clerkName={names?.get(open.clerkId) ?? ''}
            reprint
          />
        )}
      </div>
    </section>
  );
}
