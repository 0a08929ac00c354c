/**
 * Stock rules that need no database: netting movements per level before they are applied. The ledger
 * itself (movements, levels, the lock order) is repositories/stock.ts.
 */
import type { Movement } from '../repositories/stock';

/** Sums movements per (store, sku), dropping pairs whose net change is zero. */
export function netDeltas(movements: readonly Movement[]): Movement[] {
  const byKey = new Map<string, Movement>();
  for (const m of movements) {
    const key = `${m.storeId}\u0000${m.sku}`;
    const acc = byKey.get(key);
    if (acc) {
      acc.onHandDelta += m.onHandDelta;
      acc.reservedDelta += m.reservedDelta;
    } else {
      byKey.set(key, { ...m });
    }
  }
  return [...byKey.values()].filter((m) => m.onHandDelta !== 0 || m.reservedDelta !== 0);
}
