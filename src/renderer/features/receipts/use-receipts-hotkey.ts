/**
 * F11 opens the recent receipts (reprint, no-sale drawer) from any screen of a signed-in register: they
 * show on the tender screen's place (`screen: 'tender'`) with `showReceipts` set, so the cart in progress,
 * if any, stays untouched. A key a field or dialog already handled is left alone.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useNavStore } from '../navigation/nav-store';

interface ReceiptsState {
  /** The recent receipts are shown instead of the payment. */
  showReceipts: boolean;
  /** Shows or hides them. */
  setShowReceipts: (show: boolean) => void;
}

/** Whether the recent receipts are open; select single fields. */
export const useReceiptsStore = create<ReceiptsState>()((set) => ({
  showReceipts: false,
  setShowReceipts: (showReceipts) => set({ showReceipts }),
}));

// Leaving the tender screen by any key or button closes the list, so F10 next time shows the payment.
useNavStore.subscribe((nav) => {
  if (nav.screen !== 'tender' && useReceiptsStore.getState().showReceipts) {
    useReceiptsStore.getState().setShowReceipts(false);
  }
});

/** Opens the recent receipts. */
export function openRecentReceipts(): void {
  useReceiptsStore.getState().setShowReceipts(true);
  useNavStore.getState().go('tender');
}

/** Closes the recent receipts, back to the sale. */
export function closeRecentReceipts(): void {
  useReceiptsStore.getState().setShowReceipts(false);
  useNavStore.getState().go('sale');
}

/** Listens for F11 while `active` (a clerk is signed in and the register is not locked). */
export function useReceiptsHotkey(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F11' || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      openRecentReceipts();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
