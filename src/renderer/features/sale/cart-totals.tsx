/**
 * The cart's totals: items, discount, net, tax and the total to pay, in the store's money format.
 */
import type { Discount, PricedCart } from '@till/shared/domain/pricing';

/** The totals box; dashes while the cart cannot be priced. */
export function CartTotals({
  priced,
  cartDiscount,
  formatMoney,
}: {
  priced: PricedCart | null;
  cartDiscount: Discount | null;
  formatMoney: (amount: number) => string;
}) {
  const show = (amount: number | undefined) => (amount === undefined ? '—' : formatMoney(amount));
  const items = priced?.lines.reduce((n, l) => n + l.qty, 0) ?? 0;
  return (
    <dl className="cart-totals" aria-label="Totals">
      <div>
        <dt>Items</dt>
        <dd aria-label="Items">{items}</dd>
      </div>
      {priced && priced.totals.discount > 0 && (
        <div>
          <dt>
            Discount
            {cartDiscount?.kind === 'percent' && ` (cart ${cartDiscount.bp / 100} %)`}
          </dt>
          <dd aria-label="Discount">−{show(priced.totals.discount)}</dd>
        </div>
      )}
      <div>
        <dt>Net</dt>
        <dd aria-label="Net">{show(priced?.totals.net)}</dd>
      </div>
      <div>
        <dt>Tax</dt>
        <dd aria-label="Tax">{show(priced?.totals.tax)}</dd>
      </div>
      <div className="cart-total">
        <dt>Total</dt>
        <dd aria-label="Total">{show(priced?.totals.gross)}</dd>
      </div>
    </dl>
  );
}
