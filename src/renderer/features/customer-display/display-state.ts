/**
 * What the customer display shows, worked out from the register's state (pure, so it is tested): the cart
 * while it has lines, the change due once a sale has just been recorded, a welcome otherwise.
 */
import type { DisplayState } from '@till/shared/ipc/channels/display';
import type { PricedCart } from '@till/shared/domain/pricing';
import type { SaleDocument } from '@till/shared/schemas/sale';

/** The store facts the display needs. */
export interface DisplayStore {
  name: string | null;
  currency: string;
  locale: string;
}

/** The display's state from the priced cart, the sale just recorded (if any) and the store. */
export function displayStateOf(args: {
  priced: PricedCart | null;
  justSold: SaleDocument | null;
  store: DisplayStore | null;
}): DisplayState {
  const { priced, justSold, store } = args;
  if (store && priced && priced.lines.length > 0) {
    return {
      kind: 'cart',
      currency: priced.currency,
      locale: store.locale,
      lines: priced.lines.map((l) => ({
        lineId: l.lineId,
        name: l.name.slice(0, 120),
        qty: l.qty,
        unitPrice: l.unitPrice,
        discount: l.discount,
        gross: l.gross,
      })),
      totals: { ...priced.totals },
    };
  }
  if (store && justSold && justSold.kind === 'sale') {
    const paid = justSold.tenders.reduce((sum, t) => sum + t.amount, 0);
    const change = justSold.tenders.reduce((sum, t) => sum + (t.change ?? 0), 0);
    return {
      kind: 'change',
      currency: justSold.currency,
      locale: store.locale,
      total: justSold.totals.gross,
      paid,
      change,
    };
  }
  return { kind: 'idle', storeName: store?.name?.slice(0, 120) ?? null };
}
