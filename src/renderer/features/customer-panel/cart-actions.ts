/**
 * The customer panel's two actions on the sale: add an abandoned web cart's items in one go, and apply an
 * offer (the product with the offer's percentage off its line, priced by the shared `priceCart` like any
 * other line discount). Products come from the replica; one the register does not sell is named, the rest
 * are still added.
 */
import { type Result, fail, ok } from '@till/shared/result';
import type { Product } from '@till/shared/schemas/product';
import type { TillDatabase } from '../../../sync/database';
import { useCartStore } from '../sale/cart-store';
import type { CustomerProfile } from './profile';

/** What adding a cart did: how many units went in, and which SKUs could not be added (with why). */
export interface CartAdded {
  units: number;
  skipped: { sku: string; reason: string }[];
}

async function product(db: TillDatabase, sku: string): Promise<Product | null> {
  const doc = await db.products.findOne(sku).exec();
  return doc ? (doc.toJSON() as Product) : null;
}

/** Adds every item of the abandoned cart to the sale; `nothing_added` when none could be. */
export async function addCartToSale(
  db: TillDatabase,
  cart: NonNullable<CustomerProfile['abandonedCart']>,
): Promise<Result<CartAdded>> {
  const skipped: CartAdded['skipped'] = [];
  let units = 0;
  for (const item of cart.items) {
    const found = await product(db, item.sku);
    if (!found) {
      skipped.push({ sku: item.sku, reason: 'not sold at this store' });
      continue;
    }
    const added = useCartStore.getState().addProduct(found, item.qty);
    if (added.ok) units += item.qty;
    else skipped.push({ sku: item.sku, reason: added.error.message });
  }
  if (units === 0) return fail('nothing_added', 'None of the cart’s items can be sold here.');
  return ok({ units, skipped });
}

/** Adds the offer's product with its discount on that line (an existing undiscounted line gets it). */
export async function applyOffer(
  db: TillDatabase,
  offer: CustomerProfile['offers'][number],
): Promise<Result<string>> {
  const found = await product(db, offer.sku);
  if (!found) return fail('unknown_product', `${offer.name} is not sold at this store.`);
  const cart = useCartStore.getState();
  const existing = cart.lines.find((l) => l.sku === offer.sku && !l.discount && !l.override);
  const lineId = existing ? ok(existing.lineId) : cart.addProduct(found);
  if (!lineId.ok) return lineId;
  const discounted = useCartStore
    .getState()
    .setLineDiscount(lineId.value, { kind: 'percent', bp: offer.discountBp });
  return discounted.ok ? lineId : discounted;
}
