/**
 * The customer line of the sale: who is attached (name and loyalty balance), the Customer button (F3) that
 * opens the dialog, and Detach; under it, the customer panel (features/customer-panel) with what the hub
 * knows of them — history and offers only with their consent. A customer found on the hub whose home is
 * another store is not in this register's replica: their name and balance come from the panel's profile.
 */
import { formatCount } from '@till/shared/domain/money';
import { CustomerPanel } from '../customer-panel/customer-panel';
import { useCustomerProfile } from '../customer-panel/use-customer-profile';
import { useCartStore } from '../sale/cart-store';
import { useMoney } from '../sale/money';
import { useCustomer } from './queries';

/** Shows the attached customer; `onOpen` opens the customer dialog. */
export function CustomerBar({ onOpen, locale }: { onOpen: () => void; locale: string }) {
  const customerId = useCartStore((s) => s.customerId);
  const customer = useCustomer(customerId).data ?? null;
  const profile = useCustomerProfile(customerId).data?.profile ?? null;
  const money = useMoney();
  const known = customer ?? (profile ? { name: profile.name, loyaltyPoints: profile.points } : null);
  return (
    <>
      <div className="customer-bar">
        <p className="customer-attached" role="status" aria-label="Customer">
          {customerId === null
            ? 'No customer'
            : known
              ? `${known.name} · ${formatCount(known.loyaltyPoints, locale)} loyalty points`
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
      {customerId !== null && <CustomerPanel customerId={customerId} money={money} locale={locale} />}
    </>
  );
}
