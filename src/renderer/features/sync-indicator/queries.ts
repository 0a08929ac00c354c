/**
 * The reads of the sync details: the store's managers (who may open the quarantine list), read as the
 * sign-in reads them; the quarantined documents from the running engine; and the diagnostics export,
 * built with src/sync/diagnostics.ts (the enrollment token never in it).
 */
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query';
import { collectionNames } from '@till/shared/sync/protocol';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type Diagnostics, buildDiagnostics } from '../../../sync/diagnostics';
import type { SyncEngine } from '../../../sync/sync-engine';
import { useSyncEngine } from '../../app/sync-provider';

/** The store's managers, as the sign-in reads them: one query and one cache for every screen that asks. */
export { managersQueryOptions, useManagers } from '../session/queries';

/** Query keys of the quarantine: one list per replica and count (a new entry changes the count). */
export const quarantineKeys = {
  all: ['quarantine'] as const,
  list: (dbName: string, count: number) => [...quarantineKeys.all, dbName, count] as const,
};

/** The quarantined documents of the running engine; read again whenever their count changes. */
export function quarantineQueryOptions(engine: SyncEngine | null, count: number) {
  return queryOptions({
    queryKey: quarantineKeys.list(engine?.db.name ?? 'none', count),
    queryFn: engine ? () => engine.replication.quarantine.list() : skipToken,
    staleTime: Infinity,
  });
}

/** The quarantined documents, newest first. */
export function useQuarantine(count: number) {
  return useQuery({
    ...quarantineQueryOptions(useSyncEngine(), count),
    select: (entries) => [...entries].sort((a, b) => b.at.localeCompare(a.at)),
  });
}

/** Builds the diagnostics report of a running engine: status, quarantine and documents per collection. */
export async function collectDiagnostics(
  engine: SyncEngine,
  enrollment: StoredEnrollment | null,
): Promise<Diagnostics> {
  const counts: Record<string, number> = {};
  for (const name of collectionNames) {
    counts[name] = await (
      engine.db.collections[name] as unknown as { count: () => { exec: () => Promise<number> } }
    )
      .count()
      .exec();
  }
  return buildDiagnostics({
    enrollment,
    status: engine.status(),
    quarantine: await engine.replication.quarantine.list(),
    counts,
  });
}

/** Offers `diagnostics` as a JSON file download named after the register and the time. */
export function downloadDiagnostics(diagnostics: Diagnostics): string {
  const stamp = diagnostics.generatedAt.replace(/[:.]/g, '-');
  const register = diagnostics.enrollment?.registerId ?? 'register';
  const fileName = `till-diagnostics-${register}-${stamp}.json`;
  const blob = new Blob([JSON.stringify(diagnostics, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
