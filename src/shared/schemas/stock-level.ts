/** Stock level of one SKU in one store, derived by the hub from its ledger (`stock` collection, pull only). */
import { z } from 'zod';
import { ident, isoTime, sku } from './common';

/** Levels are written only by the hub; registers and the web read them. */
export const stockLevelSchema = z.object({
  /** `${storeId}:${sku}` so that one document per store and SKU has a stable primary key. */
  id: z.string().min(3).max(130),
  storeId: ident(),
  sku: sku(),
  onHand: z.int(),
  reserved: z.int().min(0),
  available: z.int(),
  updatedAt: isoTime(),
});

/** A store's level of one SKU. */
export type StockLevel = z.infer<typeof stockLevelSchema>;

/** The primary key of a stock level document. */
export function stockLevelId(storeId: string, skuValue: string): string {
  return `${storeId}:${skuValue}`;
}
