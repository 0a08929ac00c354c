/**
 * Quick keys: big buttons for items sold without a barcode (bread, fruit). Until store settings carry the
 * list, it is the first products (by SKU) of the categories below, then the open-price items (priced at the
 * counter, so they have no barcode to scan either), read from the replica. An open-price key shows
 * "Price…" instead of a price: tapping it asks for the price.
 */
import { useQuery } from '@tanstack/react-query';
import type { Product } from '@till/shared/schemas/product';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** The categories quick keys come from; store settings will carry the store's own list. */
export const QUICK_KEY_CATEGORIES = ['Bakery', 'Produce'] as const;
/** How many quick keys of the categories show. */
export const QUICK_KEY_COUNT = 8;
/** How many open-price quick keys show after them. */
export const OPEN_PRICE_KEY_COUNT = 4;

/** The quick-key products: active ones of the categories above, then open-price ones, each by SKU. */
export async function readQuickKeys(replica: TillDatabase): Promise<Product[]> {
  // Neither field is indexed: this reads the catalogue once per change of it, not per keystroke.
  const [fixed, open] = await Promise.all([
    replica.products
      .find({
        selector: { category: { $in: [...QUICK_KEY_CATEGORIES] }, openPrice: { $ne: true }, active: true },
        sort: [{ sku: 'asc' }],
        limit: QUICK_KEY_COUNT,
      })
      .exec(),
    replica.products
      .find({
        selector: { openPrice: true, active: true },
        sort: [{ sku: 'asc' }],
        limit: OPEN_PRICE_KEY_COUNT,
      })
      .exec(),
  ]);
  return [...fixed, ...open].map((d) => d.toJSON() as Product);
}

/** The quick keys as a replica query, fresh until a product changes. */
export function quickKeysQueryOptions(db: TillDatabase | null) {
  return replicaQueryOptions(db, 'products', ['quick-keys'], readQuickKeys);
}

/** The grid of quick keys. */
export function QuickKeys({
  onPick,
  formatPrice,
}: {
  onPick: (product: Product) => void;
  formatPrice: (amount: number) => string;
}) {
  const keys = useQuery(quickKeysQueryOptions(useReplica()));
  const products = keys.data ?? [];
  return (
    <section className="quick-keys" aria-label="Quick keys">
      <h2 className="section-title">Quick keys</h2>
      {products.length === 0 ? (
        <p className="muted">{keys.isPending ? 'Loading…' : 'No quick keys for this store yet.'}</p>
      ) : (
        <div className="quick-key-grid">
          {products.map((p) => (
            <button key={p.sku} type="button" className="quick-key" onClick={() => onPick(p)}>
              <span className="quick-key-name">{p.name}</span>
              <span className="quick-key-price">{p.openPrice ? 'Price…' : formatPrice(p.price)}</span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
