/**
 * Quarantine: documents the hub will not take — named in a 400, 403 or 409, too large on their own
 * (`document_too_large`), or failing alone again and again while the hub is up and accepts their
 * neighbours (`keeps_failing`); the rules are in push-handler.ts. They are kept — never deleted — shown to
 * a manager and included in the diagnostics export, and they never block the documents behind them
 * (docs/architecture.md, Data rules). Since the register validates every document before inserting it, an
 * entry here means a bug or a hub that disagrees with this register's version; either way a person must look.
 */
import type { TillDatabase } from './database';

/** One refused document with the hub's reason (or `keeps_failing` and the hub's last error). */
export interface QuarantineEntry {
  collection: string;
  id: string;
  code: string;
  message: string;
  /** When it was quarantined (ISO time). */
  at: string;
  document: Record<string, unknown>;
}

const KEY = 'quarantine';

/** Reads and appends quarantine entries, kept in one local document of the register database. */
export function createQuarantine(db: TillDatabase, onChange?: (count: number) => void) {
  // Appends are serialised so two concurrent pushes never overwrite each other's entries.
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<QuarantineEntry[]> {
    const doc = await db.getLocal<{ entries: QuarantineEntry[] }>(KEY);
    return doc ? [...(doc.get('entries') as QuarantineEntry[])] : [];
  }

  return {
    list,
    /** Adds entries (an entry for the same collection and id is replaced, keeping its latest reason). */
    add(entries: QuarantineEntry[]): Promise<void> {
      const run = queue.then(async () => {
        const current = await list();
        const key = (e: QuarantineEntry) => `${e.collection}/${e.id}`;
        const byKey = new Map(current.map((e) => [key(e), e]));
        for (const e of entries) byKey.set(key(e), e);
        await db.upsertLocal(KEY, { entries: [...byKey.values()] });
        onChange?.(byKey.size);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** The quarantine of one register database. */
export type Quarantine = ReturnType<typeof createQuarantine>;
