/**
 * The customer line of the sale: who is attached (name and loyalty balance only; history and offers come
 * later, and only with consent), the Customer button (F3) that opens the dialog, and Detach.
 */
import { useCartStore } from '../sale/cart-store';
import { useCustomer } from './queries';

/** Shows the attached customer; `onOpen` opens the customer dialog. */
export function CustomerBar({ onOpen, locale }: { onOpen: () => void; locale: string }) {
  const customerId = useCartStore((s) => s.customerId);
  const customer = useCustomer(customerId).data ?? null;
  const points = new Intl.NumberFormat(locale).format(customer?.loyaltyPoints ?? 0);
  return (
    <div className="customer-bar">
      <p className="customer-attached" role="status" aria-label="Customer">
        {customerId === null
          ? 'No customer'
          : customer
            ? `${customer.name} · ${points} loyalty points`
            : 'A customer this register no longer holds'}
      </p>
      {customerId !== null && (
        <button
          type="button"
          className="button button-quiet"
          aria-label="Detach customer"
          onClick={() => useCartStore.getState().setCustomer(null)}
        >
          Detach
        </button>
      )}
      <button type="button" className="button button-quiet" aria-keyshortcuts="F3" onClick={onOpen}>
        Customer <kbd>F3</kbd>
      </button>
    </div>
  );
}
