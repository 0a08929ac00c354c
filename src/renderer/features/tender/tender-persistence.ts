/**
 * The payment in progress kept in the replica as the RxDB local document `tender-in-progress` (never
 * replicated), so a reload or crash after a card was approved neither loses that card nor charges it again:
 * the sale id the terminal was charged under comes back with it (docs/architecture.md, "A sale's journey").
 */
import { useEffect } from 'react';
import { z } from 'zod';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { cardReferenceSchema } from '@till/shared/ipc/channels/payment';
import { uuid } from '@till/shared/schemas/common';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { useTenderStore } from './tender-store';

/** The local document's id. */
export const TENDER_IN_PROGRESS_ID = 'tender-in-progress';

/** What is kept: the sale id and the tenders taken so far. */
export const tenderInProgressSchema = z.object({
  saleId: uuid(),
  tenders: z
    .array(
      z.object({
        method: z.enum(['cash', 'card', 'points']),
        amount: z.int().min(1),
        reference: cardReferenceSchema.optional(),
        points: z.int().min(1).max(2_147_483_647).optional(),
      }),
    )
    .max(20),
});

/** The kept payment. */
export type TenderInProgress = z.infer<typeof tenderInProgressSchema>;

// One write at a time: RxDB refuses a write racing another on the same local document.
let queue: Promise<unknown> = Promise.resolve();

/** Saves the payment in progress (after every change). */
export function saveTenderInProgress(db: TillDatabase, state: TenderInProgress): Promise<void> {
  const run = queue.then(async () => {
    await db.upsertLocal<TenderInProgress>(TENDER_IN_PROGRESS_ID, tenderInProgressSchema.parse(state));
  });
  queue = run.catch((error: unknown) => console.error('[tender] could not save the payment', error));
  return run;
}

/**
 * The kept payment, or a fresh one when none is kept, it is unreadable, or its sale was recorded already
 * (a crash between recording and saving): then its tenders are on that sale, and the next sale is new.
 */
export async function loadTenderInProgress(db: TillDatabase): Promise<TenderInProgress> {
  const fresh = { saleId: newDocumentId(), tenders: [] };
  const doc = await db.getLocal<TenderInProgress>(TENDER_IN_PROGRESS_ID);
  if (!doc) return fresh;
  const parsed = tenderInProgressSchema.safeParse(doc.toJSON().data);
  if (!parsed.success) return fresh;
  const recorded = await db.sales.findOne(parsed.data.saleId).exec();
  return recorded ? fresh : parsed.data;
}

/** Restores the kept payment once per replica, then saves every change of the sale id or tenders. */
export function useTenderPersistence(): boolean {
  const db = useReplica();
  const restoredFor = useTenderStore((s) => s.restoredFor);
  const restored = db !== null && restoredFor === db.name;

  useEffect(() => {
    if (!db || restored) return;
    let live = true;
    void loadTenderInProgress(db).then((kept) => {
      if (live) useTenderStore.getState().restore(kept, db.name);
    });
    return () => {
      live = false;
    };
  }, [db, restored]);

  useEffect(() => {
    if (!db || !restored) return undefined;
    return useTenderStore.subscribe((state, previous) => {
      if (state.saleId !== previous.saleId || state.tenders !== previous.tenders) {
        void saveTenderInProgress(db, { saleId: state.saleId, tenders: state.tenders.map(keepable) });
      }
    });
  }, [db, restored]);

  return restored;
}

function keepable(t: {
  method: string;
  amount: number;
  reference?: string;
  points?: number;
}): TenderInProgress['tenders'][number] {
  return {
    method: t.method === 'card' || t.method === 'points' ? t.method : 'cash',
    amount: t.amount,
    ...(t.reference ? { reference: t.reference } : {}),
    ...(t.points !== undefined ? { points: t.points } : {}),
  };
}
