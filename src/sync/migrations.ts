/**
 * Migration strategies per collection: when a collection's schema `version` in
 * `src/shared/schemas/collections.ts` goes from n-1 to n, add `n: (oldDoc) => newDoc` here. RxDB runs them on
 * open, before the register sells anything, so old local documents (sales not yet pushed among them) are
 * carried over, never dropped.
 */
import type { CollectionName } from '@till/shared/sync/protocol';

/** One collection's strategies, keyed by the version they migrate *to*. */
export type Strategies = Record<number, (oldDoc: Record<string, unknown>) => Record<string, unknown> | null>;

/**
 * Shifts version 1 added paid-ins/outs (`cashMovements`) and the closing count by denomination (`counted`).
 * A shift written before had neither, so it gets none: its expected cash stays float plus cash sales.
 */
export const shiftsToV1 = (doc: Record<string, unknown>): Record<string, unknown> => ({
  ...doc,
  cashMovements: Array.isArray(doc.cashMovements) ? doc.cashMovements : [],
  counted: Array.isArray(doc.counted) ? doc.counted : null,
});

/**
 * Audit version 1 and settings version 1 only widened what a document may hold (two more actions; two
 * optional settings read with defaults), so every older document is valid as it is.
 */
export const unchangedToV1 = (doc: Record<string, unknown>): Record<string, unknown> => doc;

/**
 * Sales version 1 (the points tender), audit version 2 (the customer_lookup action) and settings version 2
 * (optional loyalty rules, read with defaults) only widened what a document may hold, too.
 */
export const unchangedToNext = (doc: Record<string, unknown>): Record<string, unknown> => doc;

/** Every collection's strategies (the others are all at version 0). */
export const migrationStrategies: Partial<Record<CollectionName, Strategies>> = {
  shifts: { 1: shiftsToV1 },
  sales: { 1: unchangedToNext },
  audit: { 1: unchangedToV1, 2: unchangedToNext },
  settings: { 1: unchangedToV1, 2: unchangedToNext },
  // Orders version 1 added statuses and optional fields (pickups, notifications, expiry, shipment).
  orders: { 1: unchangedToNext },
};
