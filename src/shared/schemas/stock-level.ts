/** Stock level of one SKU in one store, derived by the hub from its ledger (`stock` collection, pull only). */
import { z } from 'zod';
import { MAX_INT4, boundedInt, ident, identText, isoTime, sku } from './common';

/** Levels are written only by the hub; registers and the web read them. */
export const stockLevelSchema = z.object({
  /** `${storeId}:${sku}` so that one document per store and SKU has a stable primary key. */
  id: identText().min(3).max(130),
  storeId: ident(),
  sku: sku(),
  onHand: boundedInt(MAX_INT4),
  reserved: boundedInt(MAX_INT4).min(0),
  available: boundedInt(MAX_INT4),
  updatedAt: isoTime(),
});

/** A store's level of one SKU. */
export type StockLevel = z.infer<typeof stockLevelSchema>;

/** The primary key of a stock level document. */
export function stockLevelId(storeId: string, skuValue: string): string {
  return `${storeId}:${skuValue}`;
}
