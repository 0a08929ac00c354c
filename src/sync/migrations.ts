/**
 * Migration strategies per collection: when a collection's schema `version` in
 * `src/shared/schemas/collections.ts` goes from n-1 to n, add `n: (oldDoc) => newDoc` here. RxDB runs them on
 * open, before the register sells anything, so old local documents (sales not yet pushed among them) are
 * carried over, never dropped.
 */
import type { CollectionName } from '@till/shared/sync/protocol';

/** One collection's strategies, keyed by the version they migrate *to*. */
export type Strategies = Record<number, (oldDoc: Record<string, unknown>) => Record<string, unknown> | null>;

/** Every collection's strategies (all collections are at version 0 today). */
export const migrationStrategies: Partial<Record<CollectionName, Strategies>> = {};
