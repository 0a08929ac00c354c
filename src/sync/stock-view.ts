/**
 * Stock as the register shows it: the hub's level for this store minus this register's sales the hub has
 * not acknowledged yet, so counts stay sensible offline and a sale is never subtracted twice (once it is
 * acknowledged, the hub's level already includes it).
 */
import type { SaleDocument } from '@till/shared/schemas/sale';
import { stockLevelId } from '@till/shared/schemas/stock-level';
import type { TillDatabase } from './database';

/** The register's view of one SKU's stock. */
export interface LocalStock {
  sku: string;
  /** The hub's last known on-hand for this store (0 when never pulled). */
  hubOnHand: number;
  /** Units sold (positive) or returned to stock (negative) here and not yet acknowledged. */
  unacknowledged: number;
  onHand: number;
}

/** Net units of `sku` that the given unacknowledged sales took out of sellable stock. */
export function unacknowledgedUnits(sales: readonly SaleDocument[], sku: string): number {
  let units = 0;
  for (const sale of sales) {
    for (const line of sale.lines) {
      if (line.sku !== sku) continue;
      // A damaged return does not come back into sellable stock.
      if (line.qty < 0 && line.disposition === 'damaged') continue;
      units += line.qty;
    }
  }
  return units;
}

/** Computes local stock of `sku` in `storeId`, given the ids of sales still waiting for the hub. */
export async function localStock(
  db: TillDatabase,
  storeId: string,
  sku: string,
  pendingIds: Iterable<string>,
): Promise<LocalStock> {
  const level = await db.stock.findOne(stockLevelId(storeId, sku)).exec();
  const ids = [...pendingIds];
  const pending = ids.length > 0 ? [...(await db.sales.findByIds(ids).exec()).values()] : [];
  const unacknowledged = unacknowledgedUnits(
    pending.map((d) => d.toJSON() as SaleDocument),
    sku,
  );
  const hubOnHand = level?.onHand ?? 0;
  return { sku, hubOnHand, unacknowledged, onHand: hubOnHand - unacknowledged };
}
