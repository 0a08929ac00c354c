/**
 * The sync status in a clerk's words, for the app-info panel (pure functions, so the wording is in one
 * place).
 */
import type { PendingSales } from '../../../sync/pending-sales';
import type { SyncProgress } from '../../../sync/replication';
import type { CollectionProblem, Connection } from '../../../sync/status';

/** A time of day, or `fallback` when there is none. */
export function timeOf(iso: string | null, fallback: string): string {
  return iso ? new Date(iso).toLocaleTimeString() : fallback;
}

/** "none", or how many sales wait and since when. */
export function pendingWords(pending: PendingSales): string {
  if (pending.count === 0) return 'none';
  const sales = pending.count === 1 ? '1 sale' : `${pending.count} sales`;
  return `${sales}, oldest from ${timeOf(pending.oldest, 'earlier')}`;
}

/** The first sync: how many collections have caught up. */
export function progressWords(progress: SyncProgress): string {
  if (progress.done) return 'complete';
  const total = Object.keys(progress.received).length;
  return `${progress.caughtUp.length} of ${total} collections caught up`;
}

/** Each different problem once (every collection reports the same outage). */
export function distinctProblems(problems: readonly CollectionProblem[]): CollectionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}

/** What the connection means for the clerk, when it is not simply online. */
export function connectionNote(connection: Connection): string | null {
  if (connection === 'offline') {
    return 'The hub cannot be reached. Keep selling: sales are saved here and sent when the connection is back.';
  }
  if (connection === 'reconnecting') return 'The connection to the hub dropped; reconnecting.';
  return null;
}
