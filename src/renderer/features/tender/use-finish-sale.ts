/**
 * Finishing the sale once the tenders cover it: record it (complete-sale.ts), clear the cart, show the
 * receipt at once, then try the printer and — for cash only — the drawer, and say what they answered.
 */
import { useCallback, useRef, useState } from 'react';
import type { PricedCart } from '@till/shared/domain/pricing';
import { layoutReceipt } from '@till/shared/domain/receipt-layout';
import { buildReceipt } from '@till/shared/domain/receipt-model';
import type { TenderInput } from '@till/shared/domain/tenders';
import type { StoreSettings } from '@till/shared/schemas/settings';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { screenColumns } from '../receipt/receipt-view';
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
        const printed = await window.till.invoke('printer:print', {
          lines: layoutReceipt(receipt, screenColumns),
          columns: screenColumns,
        });
        const drawerMessage = sale.tenders.some((t) => t.method === 'cash') ? await openDrawer() : null;
        useTenderStore.getState().setMessages({
          printMessage: printed.ok ? 'Receipt printed.' : printed.error.message,
          drawerMessage,
        });
      } finally {
        busy.current = false;
      }
    },
    [db, enrollment, clerk, settings, priced],
  );

  return { finish, error };
}
