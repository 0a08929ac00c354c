/**
 * The page's sync lifecycle, without React: ask the process host for the enrollment (`register:enrollment`,
 * again every few seconds while there is none or the hub is not up yet), start the sync engine and the
 * product index for it, restart them when `register:enroll` stores another enrollment, and stop them when
 * the page is done. The provider (sync-provider.tsx) exposes its snapshot through React context.
 */
import type { IpcErrorCode, TillApi } from '@till/shared/ipc/contract';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { ProductIndex } from '../../sync/product-index';
import type { SyncEngine } from '../../sync/sync-engine';

/** Where the page's sync stands. */
export type SyncPhase =
  | { phase: 'loading' }
  /** No enrollment yet; `code` says why (`none`: nothing stored and no demo hub to enroll with). */
  | { phase: 'not-enrolled'; code: IpcErrorCode | 'none'; message: string }
  | { phase: 'starting'; enrollment: StoredEnrollment }
  | { phase: 'running'; enrollment: StoredEnrollment; engine: SyncEngine; productIndex: ProductIndex }
  /** The replica could not be opened (storage full, a broken database); retried like the rest. */
  | { phase: 'failed'; enrollment: StoredEnrollment; message: string };

/** What a session needs from the page. */
export interface SyncSessionDeps {
  till: TillApi;
  startEngine: (enrollment: StoredEnrollment) => Promise<SyncEngine>;
  createProductIndex: (engine: SyncEngine) => ProductIndex;
  /** Reloads the page, so a new hub's origin is in its Content Security Policy. */
  reload: () => void;
  /** Milliseconds between attempts while not enrolled (default 3 s). */
  retryMs?: number;
  /** Where failures to start are reported (default console.error). */
  log?: (message: string, error: unknown) => void;
}

/** A session: an external store of its phase, started and stopped by its provider. */
export interface SyncSession {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): SyncPhase;
  /** Asks for the enrollment at once, and replicates once there is one. */
  start(): void;
  /** Stops retrying and stops the engine; resolves once the replica is closed. */
  stop(): Promise<void>;
}

// One replica per page: an engine is stopped before the next one opens, even across sessions and restarts
// (React's development mode runs the provider's effect twice, and every start opens the same database).
let lifecycle: Promise<unknown> = Promise.resolve();
function exclusively<T>(task: () => Promise<T>): Promise<T> {
  const run = lifecycle.then(task);
  lifecycle = run.catch(() => undefined);
  return run;
}

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Creates a session. Nothing happens until `start()`; `stop()` undoes it, and it may start again (React's
 * development mode runs an effect, its cleanup and the effect again).
 */
export function createSyncSession(deps: SyncSessionDeps): SyncSession {
  const retryMs = deps.retryMs ?? 3_000;
  const log = deps.log ?? ((message, error) => console.error(message, error));
  const listeners = new Set<() => void>();
  let snapshot: SyncPhase = { phase: 'loading' };
  // Each start is a generation; work begun by an earlier one finds it has ended and drops its result.
  let generation = 0;
  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: { engine: SyncEngine; productIndex: ProductIndex } | null = null;
  let stopListening: (() => void) | null = null;

  const set = (next: SyncPhase): void => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const current = (gen: number) => active && gen === generation;
  const retryLater = (gen: number): void => {
    clearTimeout(timer);
    if (current(gen)) timer = setTimeout(() => void load(gen), retryMs);
  };

  async function load(gen: number): Promise<void> {
    const result = await deps.till.invoke('register:enrollment');
    if (!current(gen)) return;
    if (!result.ok) {
      set({ phase: 'not-enrolled', code: result.error.code, message: result.error.message });
      return retryLater(gen);
    }
    if (result.value === null) {
      set({
        phase: 'not-enrolled',
        code: 'none',
        message: 'This register is not enrolled with a hub yet. Enroll it with a code from the hub.',
      });
      return retryLater(gen);
    }
    await run(gen, result.value);
  }

  /** Stops what runs, then starts the engine for `enrollment`. */
  function run(gen: number, enrollment: StoredEnrollment): Promise<void> {
    set({ phase: 'starting', enrollment });
    return exclusively(async () => {
      await stopRunning();
      if (!current(gen)) return;
      try {
        const engine = await deps.startEngine(enrollment);
        if (!current(gen)) {
          await engine.stop();
          return;
        }
        running = { engine, productIndex: deps.createProductIndex(engine) };
        set({ phase: 'running', enrollment, ...running });
      } catch (error) {
        log('[sync] the replica could not be opened', error);
        set({ phase: 'failed', enrollment, message: 'The register’s local data could not be opened.' });
        retryLater(gen);
      }
    });
  }

  async function stopRunning(): Promise<void> {
    const was = running;
    running = null;
    if (!was) return;
    was.productIndex.close();
    await was.engine.stop();
  }

  function onEnrollmentChanged(gen: number, enrollment: StoredEnrollment): void {
    const known = 'enrollment' in snapshot ? snapshot.enrollment : null;
    if (known && known.token === enrollment.token && known.hubUrl === enrollment.hubUrl) return;
    clearTimeout(timer);
    // The page's CSP was computed for the hub it was loaded with; another hub needs a fresh page.
    if (!known || originOf(known.hubUrl) !== originOf(enrollment.hubUrl)) {
      active = false;
      void exclusively(stopRunning).finally(deps.reload);
      return;
    }
    void run(gen, enrollment);
  }

  return {
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    getSnapshot: () => snapshot,
    start() {
      if (active) return;
      active = true;
      const gen = ++generation;
      stopListening = deps.till.on('register:enrollment-changed', (e) => onEnrollmentChanged(gen, e));
      void load(gen);
    },
    stop() {
      active = false;
      clearTimeout(timer);
      stopListening?.();
      stopListening = null;
      // Nothing may read a replica that is closing.
      set({ phase: 'loading' });
      return exclusively(stopRunning);
    },
  };
}
