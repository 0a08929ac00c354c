/**
 * Finishing the sale once the tenders cover it: record it (complete-sale.ts), clear the cart, show the
 * receipt at once, then print it at the printer's width under the sale's id and — for cash only — open the
 * drawer once for the sale, and say what they answered (a held receipt turns into "printed" when it is).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PricedCart } from '@till/shared/domain/pricing';
import { layoutReceipt } from '@till/shared/domain/receipt-layout';
import { buildReceipt } from '@till/shared/domain/receipt-model';
import type { TenderInput } from '@till/shared/domain/tenders';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { printAtPrinterWidth, watchHeldJob } from '../hardware/receipt-printing';
import { useActiveClerk } from '../session/session-store';
import { useCartStore } from '../sale/cart-store';
import { completeSale } from './complete-sale';
import { openDrawer } from './queries';
import { useTenderStore } from './tender-store';

/** Records the sale with `tenders`; `error` says why it could not be. */
export function useFinishSale(settings: StoreSettings | null, priced: PricedCart | null) {
  const db = useReplica();
  const enrollment = useEnrollment();
  const clerk = useActiveClerk();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const stopWatching = useRef<(() => void) | null>(null);
  useEffect(() => () => stopWatching.current?.(), []);

  const finish = useCallback(
    async (tenders: readonly TenderInput[]) => {
      if (busy.current || !db || !enrollment || !clerk || !settings || !priced) return;
      busy.current = true;
      try {
        const cart = useCartStore.getState();
        const tender = useTenderStore.getState();
        const recorded = await completeSale({
          db,
          saleId: tender.saleId,
          storeId: enrollment.storeId,
          storeCode: settings.storeCode,
          registerId: enrollment.registerId,
          clerkId: clerk.id,
          customerId: cart.customerId,
          currency: settings.currency,
          priced,
          tenders,
          approvals: cart.approvals,
        });
        if (!recorded.ok) {
          setError(recorded.error.message);
          return;
        }
        setError(null);
        const sale = recorded.value;
        tender.complete({ sale, printMessage: null, drawerMessage: null });
        cart.clear();
        const receipt = buildReceipt(sale, {
          settings,
          registerName: enrollment.name,
          clerkName: clerk.name,
        });
        // The sale's id is the job's: a retry or a second click never prints the receipt twice.
        const printed = await printAtPrinterWidth((columns) => layoutReceipt(receipt, columns), {
          jobId: sale.id,
          title: `Receipt ${sale.number}`,
        });
        // Cash only, and keyed by the sale: a card-only sale never opens it, a retry never twice.
        const cash = sale.tenders.some((t) => t.method === 'cash');
        const drawerMessage = cash ? await openDrawer(sale.id) : null;
        useTenderStore.getState().setMessages({ printMessage: printed.message, drawerMessage });
        if (printed.held && printed.jobId) {
          stopWatching.current?.();
          stopWatching.current = watchHeldJob(printed.jobId, (done) => {
            // Only while this sale's receipt is still the one on screen.
            if (useTenderStore.getState().done?.sale.id !== sale.id) return;
            useTenderStore.getState().setMessages({
              printMessage: done ? 'Receipt printed.' : 'The held receipt was discarded.',
            });
          });
        }
      } finally {
        busy.current = false;
      }
    },
    [db, enrollment, clerk, settings, priced],
  );

  return { finish, error };
}
