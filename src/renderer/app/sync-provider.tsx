/**
 * The replica and its sync, for the whole app: loads the enrollment through `window.till`, opens the
 * replica on IndexedDB (Dexie, strict durability) and replicates it with the hub, builds the product index,
 * and keeps react-query's replica reads current. Components read it through the hooks below; the lifecycle
 * itself (retries, restarts, reloads) is in sync-session.ts.
 */
import { createContext, use, useEffect, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { createBrowserStorage } from '../../sync/browser-storage';
import type { TillDatabase } from '../../sync/database';
import { type ProductIndex, createProductIndex } from '../../sync/product-index';
import type { SyncProgress } from '../../sync/replication';
import type { SyncStatus } from '../../sync/status';
import { type SyncEngine, startSyncEngine } from '../../sync/sync-engine';
import { openBrowserEventStream } from '../lib/event-source';
import { useReplicaInvalidation } from '../lib/replica-query';
import { useObservable } from '../lib/use-observable';
import { type SyncPhase, type SyncSession, createSyncSession } from './sync-session';

const SyncContext = createContext<SyncSession | null>(null);

/** Starts the sync engine of this page's enrollment, in the browser's storage and network. */
function startBrowserEngine(enrollment: StoredEnrollment): Promise<SyncEngine> {
  return startSyncEngine({
    storage: createBrowserStorage(),
    enrollment,
    // Called unbound, `fetch` throws "Illegal invocation" in Chromium.
    fetch: (input, init) => fetch(input, init),
    openEventStream: openBrowserEventStream,
  });
}

/** Creates the page's session (nothing starts until the provider mounts). */
function browserSession(): SyncSession {
  return createSyncSession({
    till: window.till,
    startEngine: startBrowserEngine,
    createProductIndex: (engine) => createProductIndex(engine.db.products),
    reload: () => window.location.reload(),
  });
}

/** Provides the sync to `children`; tests may pass their own session. */
export function SyncProvider({ children, session }: { children: ReactNode; session?: SyncSession }) {
  const [value] = useState(() => session ?? browserSession());
  useEffect(() => {
    value.start();
    return () => void value.stop();
  }, [value]);
  return (
    <SyncContext value={value}>
      <ReplicaInvalidation />
      {children}
    </SyncContext>
  );
}

/** Keeps react-query's replica reads current (lib/replica-query.ts). */
function ReplicaInvalidation() {
  useReplicaInvalidation(useReplica());
  return null;
}

function useSession(): SyncSession {
  const session = use(SyncContext);
  if (!session) throw new Error('Sync hooks are used inside <SyncProvider>.');
  return session;
}

/** Where the page's sync stands: loading, not enrolled (and why), starting, running, or failed. */
export function useSyncPhase(): SyncPhase {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

/** The enrollment the page replicates with, once known. */
export function useEnrollment(): StoredEnrollment | null {
  const phase = useSyncPhase();
  return 'enrollment' in phase ? phase.enrollment : null;
}

/** The running sync engine, or null while there is none. */
export function useSyncEngine(): SyncEngine | null {
  const phase = useSyncPhase();
  return phase.phase === 'running' ? phase.engine : null;
}

/** The replica, or null while it is not open. */
export function useReplica(): TillDatabase | null {
  return useSyncEngine()?.db ?? null;
}

/** The product look-up of the replica, or null while it is not open. */
export function useProductIndex(): ProductIndex | null {
  const phase = useSyncPhase();
  return phase.phase === 'running' ? phase.productIndex : null;
}

/** The engine's status (connection, sales waiting, last exchange, problems), or null without an engine. */
export function useSyncStatus(): SyncStatus | null {
  return useObservable(useSyncEngine()?.status$ ?? null, null);
}

/** How far the first sync of each collection has got, or null without an engine. */
export function useSyncProgress(): SyncProgress | null {
  return useObservable(useSyncEngine()?.replication.progress$ ?? null, null);
}
