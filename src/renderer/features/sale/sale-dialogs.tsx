/**
 * The dialogs the sale screen opens over the cart: a line or cart discount, a price override, the price of
 * an open-price item, the parked sales and the customer search. `editing` says which is open.
 */
import type { Product } from '@till/shared/schemas/product';
import { CustomerDialog } from '../customer/customer-dialog';
import { type CartLine, useCartStore } from './cart-store';
import { DiscountDialog, OverrideDialog } from './edit-dialogs';
import { OpenPriceDialog } from './open-price-dialog';
import { ParkedSalesDialog } from './parked-sales';
import type { useSaleActions } from './sale-actions';

/** Which dialog is open over the sale screen, if any. */
export type Editing =
  | { kind: 'line-discount'; line: CartLine }
  | { kind: 'override'; line: CartLine }
  | { kind: 'cart-discount' }
  | { kind: 'open-price'; product: Product }
  | { kind: 'parked' }
  | { kind: 'customer' }
  | null;

/** The open dialog. `onAdded` hears of an open-price item added at the typed price. */
export function SaleDialogs({
  editing,
  currency,
  actions,
  money,
  onAdded,
  onClose,
}: {
  editing: Editing;
  currency: string;
  actions: ReturnType<typeof useSaleActions>;
  money: (amount: number) => string;
  onAdded: (name: string) => void;
  onClose: () => void;
}) {
  const lines = useCartStore((s) => s.lines);
  const cartDiscount = useCartStore((s) => s.cartDiscount);
  switch (editing?.kind) {
    case 'line-discount': {
      const { line } = editing;
      return (
        <DiscountDialog
          title={`Discount on ${line.name}`}
          currency={currency}
          initial={lines.find((l) => l.lineId === line.lineId)?.discount ?? null}
          onApply={(d) => actions.setLineDiscount(line.lineId, d)}
          onClose={onClose}
        />
      );
    }
    case 'cart-discount':
      return (
        <DiscountDialog
          title="Discount on the whole sale"
          currency={currency}
          initial={cartDiscount}
          onApply={(d) => actions.setCartDiscount(d)}
          onClose={onClose}
        />
      );
    case 'override': {
      const { line } = editing;
      return (
        <OverrideDialog
          name={line.name}
          currency={currency}
          shelfPrice={money(line.unitPrice)}
          hasOverride={Boolean(line.override)}
          onApply={(price, reason) => actions.overridePrice(line.lineId, price, reason)}
          onClose={onClose}
        />
      );
    }
    case 'open-price': {
      const { product } = editing;
      return (
        <OpenPriceDialog
          name={product.name}
          currency={currency}
          onAdd={(unitPrice) => {
            const added = useCartStore.getState().addOpenPrice(product, unitPrice);
            if (added.ok) onAdded(product.name);
            return added;
          }}
          onClose={onClose}
        />
      );
    }
    case 'parked':
      return <ParkedSalesDialog onClose={onClose} />;
    case 'customer':
      return <CustomerDialog onClose={onClose} />;
    default:
      return null;
  }
}
