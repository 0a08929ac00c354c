/**
 * Mirrors the cart store into the replica's `sale-in-progress` local document (src/sync/sale-in-progress.ts)
 * and restores it when the replica opens, so a reload or crash gives the clerk back exactly the cart they
 * had. Writes are queued one after another, so the last state always lands last.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { TillDatabase } from '../../../sync/database';
import { loadSaleInProgress, saveSaleInProgress } from '../../../sync/sale-in-progress';
import { useReplica } from '../../app/sync-provider';
import { bindCartReplica, cartSnapshot, useCartStore } from './cart-store';

interface SaveState {
  /** Whether every change so far is in the replica. */
  saved: boolean;
  /** Why the last save or the restore failed, in words; null when all is well. */
  problem: string | null;
}

/** Whether the cart in progress is safely in the replica (shown next to the cart). */
export const useCartSaveStore = create<SaveState>()(() => ({ saved: true, problem: null }));

/** Restores and then follows the cart of `db`; returns the stop function. */
export function followCart(db: TillDatabase): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  let pending = 0;
  let chain: Promise<unknown> = Promise.resolve();

  void (async () => {
    const loaded = await loadSaleInProgress(db).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'sale_in_progress_unreadable', message: String(error) },
    }));
    if (stopped) return;
    if (loaded.ok && loaded.value) useCartStore.setState({ ...loaded.value, restored: true });
    else useCartStore.setState({ restored: true });
    if (!loaded.ok) useCartSaveStore.setState({ problem: `The saved sale could not be restored.` });
    bindCartReplica(db);
    unsubscribe = useCartStore.subscribe((state, previous) => {
      const same =
        state.lines === previous.lines &&
        state.cartDiscount === previous.cartDiscount &&
        state.customerId === previous.customerId &&
        state.approvals === previous.approvals;
      if (same) return;
      const snapshot = cartSnapshot(state);
      pending += 1;
      useCartSaveStore.setState({ saved: false });
      chain = chain
        .then(() => saveSaleInProgress(db, snapshot))
        .then(
          (result) => (result.ok ? null : result.error.message),
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        )
        .then((problem) => {
          pending -= 1;
          if (problem) console.error('[sale] could not save the sale in progress:', problem);
          useCartSaveStore.setState({
            saved: pending === 0 && !problem,
            problem: problem ? 'The sale could not be saved on this register.' : null,
          });
        });
    });
  })();

  return () => {
    stopped = true;
    unsubscribe();
    bindCartReplica(null);
    // The next replica (another enrollment) restores its own cart; nothing of this one carries over.
    useCartStore.setState({
      lines: [],
      cartDiscount: null,
      customerId: null,
      approvals: [],
      restored: false,
    });
  };
}

/** Keeps the cart in the replica for as long as the calling component is mounted. */
export function useCartPersistence(): void {
  const db = useReplica();
  useEffect(() => (db ? followCart(db) : undefined), [db]);
}
