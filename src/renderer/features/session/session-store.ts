/**
 * Who is signed in at this register: small UI state, so zustand, and deliberately not persisted: after a
 * reload the clerk signs in again, the safe default at a till. `locked` is the idle lock: the clerk stays
 * named, but the register shows the sign-in screen until their PIN (or another clerk's) is entered.
 */
import { create } from 'zustand';
import type { Role } from '@till/shared/schemas/staff';

/** The signed-in staff member. */
export interface Clerk {
  id: string;
  name: string;
  role: Role;
}

interface SessionState {
  clerk: Clerk | null;
  /** Locked after a while without input: the same clerk (or another) must enter a PIN. */
  locked: boolean;
  /** Signs `clerk` in, replacing whoever was signed in, and unlocks. */
  signIn: (clerk: Clerk) => void;
  /** Signs out: nothing of the clerk stays. */
  signOut: () => void;
  /** Locks the register for the signed-in clerk (nothing happens when nobody is signed in). */
  lock: () => void;
}

/** The session store; select single fields (`useSessionStore((s) => s.clerk)`). */
export const useSessionStore = create<SessionState>()((set) => ({
  clerk: null,
  locked: false,
  signIn: (clerk) => set({ clerk: { id: clerk.id, name: clerk.name, role: clerk.role }, locked: false }),
  signOut: () => set({ clerk: null, locked: false }),
  lock: () => set((state) => (state.clerk ? { locked: true } : state)),
}));

/** The clerk the register may be used by now: signed in and not locked. */
export function useActiveClerk(): Clerk | null {
  const clerk = useSessionStore((s) => s.clerk);
  const locked = useSessionStore((s) => s.locked);
  return locked ? null : clerk;
}
