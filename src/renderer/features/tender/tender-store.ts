/**
 * The payment in progress (small UI state, so zustand): the sale's id — the one the card terminal is
 * charged under, so asking again never charges twice — the tenders taken so far, and, once recorded, the
 * sale whose receipt is on screen. Leaving for the sale screen keeps it, and tender-persistence.ts keeps
 * it in the replica, so an approved card stays paid through a reload or crash.
 */
import { create } from 'zustand';
import { newDocumentId } from '@till/shared/domain/sale-builder';
import type { TenderInput } from '@till/shared/domain/tenders';
import type { SaleDocument } from '@till/shared/schemas/sale';

/** What happened after a sale was recorded, in words for the clerk. */
export interface AfterSale {
  sale: SaleDocument;
  /** The printer's answer, e.g. "No receipt printer is set up; the receipt is on screen.", or null. */
  printMessage: string | null;
  /** The drawer's answer for a cash sale, or null. */
  drawerMessage: string | null;
}

interface TenderState {
  saleId: string;
  tenders: TenderInput[];
  /** The recorded sale whose receipt is shown, until "New sale". */
  done: AfterSale | null;
  /** The replica the kept payment was restored from (tender-persistence.ts), or null until then. */
  restoredFor: string | null;
  /** Restores the kept payment of a replica. */
  restore: (kept: { saleId: string; tenders: TenderInput[] }, replica: string) => void;
  /** Adds a tender (an approved card carries its `reference`). */
  addTender: (tender: TenderInput) => void;
  /** Removes a cash or points tender (an approved card is paid: it is refunded, not removed). */
  removeCash: (index: number) => void;
  /** The sale is recorded: show its receipt; the next sale gets a new id at once. */
  complete: (done: AfterSale) => void;
  /** Updates what the printer or drawer answered. */
  setMessages: (messages: Partial<Pick<AfterSale, 'printMessage' | 'drawerMessage'>>) => void;
  /** Leaves the receipt for the next sale. */
  reset: () => void;
}

/** The tender store; select single fields (`useTenderStore((s) => s.tenders)`). */
export const useTenderStore = create<TenderState>()((set, get) => ({
  saleId: newDocumentId(),
  tenders: [],
  done: null,
  restoredFor: null,
  restore: (kept, replica) => set({ saleId: kept.saleId, tenders: kept.tenders, restoredFor: replica }),
  addTender: (tender) => set({ tenders: [...get().tenders, tender] }),
  removeCash: (index) =>
    set({
      tenders: get().tenders.filter((t, i) => i !== index || (t.method !== 'cash' && t.method !== 'points')),
    }),
  complete: (done) => set({ done, tenders: [], saleId: newDocumentId() }),
  setMessages: (messages) => {
    const done = get().done;
    if (done) set({ done: { ...done, ...messages } });
  },
  reset: () => set({ done: null }),
}));
