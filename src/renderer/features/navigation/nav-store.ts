/**
 * Which screen a signed-in clerk sees: small UI state, so zustand. `screen.tsx` maps each value to its
 * screen; the function keys (F2 search, F5 pickups, F6 returns, F7 shift, F10 pay, F12 hardware, Esc back to sale) call
 * `go`.
 */
import { create } from 'zustand';

/** The screens of a signed-in register. */
export type NavScreen = 'sale' | 'tender' | 'returns' | 'shift' | 'info' | 'hardware' | 'pickups';

interface NavState {
  /** The screen shown now; `sale` after sign-in. */
  screen: NavScreen;
  /** Shows `screen`. */
  go: (screen: NavScreen) => void;
}

/** The navigation store; select single fields (`useNavStore((s) => s.screen)`). */
export const useNavStore = create<NavState>()((set) => ({
  screen: 'sale',
  go: (screen) => set({ screen }),
}));
