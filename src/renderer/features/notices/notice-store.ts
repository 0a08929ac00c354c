/**
 * Notices from the register process (`app:notice` events), newest last. Small UI state, so zustand.
 */
import { create } from 'zustand';
import type { IpcEventPayload } from '@till/shared/ipc/contract';

/** One notice as shown. */
export type Notice = IpcEventPayload<'app:notice'> & { id: number };

interface NoticeState {
  notices: Notice[];
  add: (notice: IpcEventPayload<'app:notice'>) => void;
  dismiss: (id: number) => void;
}

// A long-running register must not grow without bound; older notices are dropped.
const maxNotices = 5;
let nextId = 1;

/** The notice store; select single fields (`useNoticeStore((s) => s.notices)`). */
export const useNoticeStore = create<NoticeState>()((set) => ({
  notices: [],
  add: (notice) =>
    set((state) => ({ notices: [...state.notices, { ...notice, id: nextId++ }].slice(-maxNotices) })),
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
}));
