/**
 * Quick keys: big buttons for items sold without a barcode (bread, fruit). Until store settings carry the
 * list, it is the first products (by SKU) of the categories below, read from the replica.
 */
import { useQuery } from '@tanstack/react-query';
import type { Product } from '@till/shared/schemas/product';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** The categories quick keys come from; store settings will carry the store's own list. */
export const QUICK_KEY_CATEGORIES = ['Bakery', 'Produce'] as const;
/** How many quick keys show. */
export const QUICK_KEY_COUNT = 8;

/** The quick-key products (active ones of the categories above, by SKU). */
export function quickKeysQueryOptions(db: TillDatabase | null) {
  return replicaQueryOptions(db, 'products', ['quick-keys'], async (replica) => {
    // Category is not indexed: this reads the catalogue once per change of it, not per keystroke.
    const docs = await replica.products
      .find({
        selector: { category: { $in: [...QUICK_KEY_CATEGORIES] }, active: true },
        sort: [{ sku: 'asc' }],
        limit: QUICK_KEY_COUNT,
      })
      .exec();
    return docs.map((d) => d.toJSON() as Product);
  });
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
              <span className="quick-key-price">{formatPrice(p.price)}</span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
