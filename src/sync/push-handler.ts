/**
 * The push handler: sends rows to the hub so that no single document can block the queue (RxDB retries a
 * failed push forever, holding every later sale behind it). The rules (docs/architecture.md, Data rules):
 *
 * - 400, 403 or 409 naming documents: exactly the named ones are quarantined with the hub's reason and the
 *   rest is pushed. A 403/409 that names none of them is thrown (a real authorization problem must show in
 *   the sync status); a 400 that names none is narrowed row by row.
 * - 413: the batch is halved until it fits; a document over the limit on its own is quarantined.
 * - 5xx other than 503/504, or a `bad_response`: the batch is bisected, so good documents go through and
 *   the failure narrows to single documents. One that keeps failing alone is quarantined as `keeps_failing`
 *   only after `maxFailures` failures in a row, and only if then `/health` is ok and another push of this
 *   collection succeeded since it started failing (a neighbour, or for a document alone in its batch the
 *   last accepted document sent again); otherwise its count starts again and the error is thrown.
 * - Anything else — network failure and timeout (status 0), 503, 504, 401 — is thrown: RxDB keeps the rows
 *   and retries after `retryTime`. A hub outage therefore never quarantines anything.
 */
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { CollectionName, PushRow, WireDocument } from '@till/shared/sync/protocol';
import { type Backoff, createBackoff } from './backoff';
import { withDeletedFlag } from './event-stream';
import { type HubClient, HubError } from './hub-client';
import type { Quarantine, QuarantineEntry } from './quarantine';

/** What a push handler needs. */
export interface PushHandlerOptions {
  collection: CollectionName;
  /** The id field of the collection's documents. */
  primaryKey: string;
  client: HubClient;
  quarantine: Quarantine;
  now?: () => Date;
  /** Failures in a row of one document pushed alone before it may be quarantined (default 3). */
  maxFailures?: number;
  /**
   * Spaces the attempts of a document that failed alone; pass the replication's shared back-off so a
   * failing hub is not hammered (default: a back-off of this handler's own).
   */
  backoff?: Pick<Backoff, 'wait' | 'fail' | 'succeed'>;
}

/** The default of `maxFailures`. */
export const DEFAULT_MAX_FAILURES = 3;

/** Answers that name the refused documents; nothing of the request was applied. */
const NAMING_STATUSES = new Set([400, 403, 409]);

/**
 * A failure that may be caused by one of the pushed documents: a 5xx, which includes an answer outside the
 * contract (the client's 502 `bad_response`), but not the hub down or overloaded (no answer, 503, 504).
 */
function mayBeADocument(error: unknown): error is HubError {
  return error instanceof HubError && error.status >= 500 && error.status !== 503 && error.status !== 504;
}

/** A document that failed alone: failures in a row, the success count when they began, the last error. */
interface Failing {
  count: number;
  since: number;
  error: HubError;
}

/** One call of the handler: the success count at its start, and documents that failed alone in it. */
interface Run {
  since: number;
  deferred: PushRow[];
}

/** Creates the push handler of one collection. */
export function createPushHandler<T>(options: PushHandlerOptions) {
  const maxFailures = Math.max(1, options.maxFailures ?? DEFAULT_MAX_FAILURES);
  const backoff = options.backoff ?? createBackoff();
  // In memory on purpose: a restart starts the counts again, which only delays a quarantine.
  const failing = new Map<string, Failing>();
  // Successful pushes of this collection. Only these count as a neighbour succeeding: pulls or other
  // collections working says nothing about a bug that fails every push of this one.
  let successes = 0;
  let lastAccepted: PushRow | null = null;

  const idOf = (row: PushRow) => String(row.newDocumentState[options.primaryKey]);
  const entry = (row: PushRow, code: string, message: string): QuarantineEntry => ({
    collection: options.collection,
    id: idOf(row),
    code,
    message,
    at: (options.now?.() ?? new Date()).toISOString(),
    document: row.newDocumentState,
  });

  async function quarantine(entries: QuarantineEntry[]): Promise<void> {
    await options.quarantine.add(entries);
    for (const e of entries) failing.delete(e.id);
  }

  /** Pushes rows once; a failure that may be a document's comes back as a value, to be narrowed down. */
  async function attempt(
    rows: PushRow[],
    run: Run,
  ): Promise<{ conflicts: WireDocument[] } | { failed: HubError }> {
    try {
      const conflicts = await options.client.push(options.collection, rows);
      successes += 1;
      backoff.succeed();
      lastAccepted = rows[rows.length - 1] ?? lastAccepted;
      for (const r of rows) failing.delete(idOf(r));
      return { conflicts };
    } catch (error) {
      if (mayBeADocument(error)) return { failed: error };
      if (!(error instanceof HubError)) throw error;
      if (error.status === 413) return { conflicts: await pushSmaller(rows, error, run) };
      if (NAMING_STATUSES.has(error.status)) return { conflicts: await refused(rows, error, run) };
      throw error;
    }
  }

  /** Pushes rows, bisecting a batch that fails; a document that fails alone is deferred to `settle`. */
  async function push(rows: PushRow[], run: Run): Promise<WireDocument[]> {
    if (rows.length === 0) return [];
    const result = await attempt(rows, run);
    if ('conflicts' in result) return result.conflicts;
    if (rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      return [...(await push(rows.slice(0, half), run)), ...(await push(rows.slice(half), run))];
    }
    const row = rows[0] as PushRow;
    failed(row, result.failed, run.since);
    run.deferred.push(row);
    // Two documents failing alone and nothing accepted: the hub is failing everything. Stop here rather
    // than send every document on its own; next time the failed ones are tried alone, after the others.
    if (run.deferred.length >= 2 && successes === run.since) throw result.failed;
    return [];
  }

  function failed(row: PushRow, error: HubError, since: number): void {
    const known = failing.get(idOf(row));
    if (known) {
      known.count += 1;
      known.error = error;
    } else failing.set(idOf(row), { count: 1, since, error });
  }

  /**
   * Tries a document that failed alone again, spaced by the back-off, until it goes through, the hub's
   * answer settles it, or it has failed `maxFailures` times in a row.
   */
  async function settle(row: PushRow, run: Run): Promise<WireDocument[]> {
    for (;;) {
      const known = failing.get(idOf(row));
      if (!known) return []; // settled meanwhile (accepted or quarantined)
      if (known.count >= maxFailures) return giveUp(row, known);
      backoff.fail();
      await backoff.wait();
      const result = await attempt([row], run);
      if ('conflicts' in result) return result.conflicts;
      failed(row, result.failed, run.since);
    }
  }

  /** Quarantines a document that keeps failing, when the hub is demonstrably up and accepts others. */
  async function giveUp(row: PushRow, known: Failing): Promise<WireDocument[]> {
    if ((await healthy()) && (await neighbourAccepted(row, known))) {
      await quarantine([entry(row, 'keeps_failing', known.error.message)]);
      return [];
    }
    // An outage or a hub failing every document: never quarantine; count again from now.
    known.count = 0;
    known.since = successes;
    throw known.error;
  }

  async function healthy(): Promise<boolean> {
    try {
      return (await options.client.health()).ok;
    } catch {
      return false;
    }
  }

  /** Whether another document of this collection was accepted since `row` started failing. */
  async function neighbourAccepted(row: PushRow, known: Failing): Promise<boolean> {
    if (successes > known.since) return true;
    // Alone in its batch (RxDB retries the same rows, so later sales wait behind it) the document has no
    // neighbour: re-send the last document the hub accepted. The hub applies a re-sent document once, and
    // a conflict answer (a newer master) is an acceptance too; the answer itself is of no use here.
    if (!lastAccepted || idOf(lastAccepted) === idOf(row)) return false;
    try {
      await options.client.push(options.collection, [lastAccepted]);
      successes += 1;
      return true;
    } catch {
      return false;
    }
  }

  /** A 400, 403 or 409: quarantines exactly the named documents and pushes the rest. */
  async function refused(rows: PushRow[], error: HubError, run: Run): Promise<WireDocument[]> {
    // A problem without an id matches no row.
    const named = new Map(error.documents.map((d) => [d.id, d]));
    const hit = rows.filter((r) => named.has(idOf(r)));
    if (hit.length > 0) {
      await quarantine(
        hit.map((r) => {
          const d = named.get(idOf(r));
          return entry(r, d?.code ?? error.code, d?.message ?? error.message);
        }),
      );
      return push(
        rows.filter((r) => !named.has(idOf(r))),
        run,
      );
    }
    // A 403/409 about none of these documents is about the register itself: surface it, quarantine nothing.
    if (error.status !== 400) throw error;
    // A 400 that names no document: find the culprit row by row rather than block the queue.
    if (rows.length === 1) {
      await quarantine([entry(rows[0] as PushRow, error.code, error.message)]);
      return [];
    }
    const conflicts: WireDocument[] = [];
    for (const row of rows) conflicts.push(...(await push([row], run)));
    return conflicts;
  }

  /**
   * The request was over the hub's body limit (a batch of very large sales): halve it until it fits. A
   * single document that alone exceeds the limit can never be accepted, so it is quarantined rather than
   * retried forever in front of every later sale.
   */
  async function pushSmaller(rows: PushRow[], error: HubError, run: Run): Promise<WireDocument[]> {
    if (rows.length === 1) {
      await quarantine([entry(rows[0] as PushRow, 'document_too_large', error.message)]);
      return [];
    }
    const half = Math.ceil(rows.length / 2);
    return [...(await push(rows.slice(0, half), run)), ...(await push(rows.slice(half), run))];
  }

  return async (rows: RxReplicationWriteToMasterRow<T>[]): Promise<WithDeleted<T>[]> => {
    const plain: PushRow[] = rows.map((r) => ({
      assumedMasterState: (r.assumedMasterState ?? null) as WireDocument | null,
      newDocumentState: r.newDocumentState as unknown as WireDocument,
    }));
    const run: Run = { since: successes, deferred: [] };
    // Documents already failing go after the rest, so they cannot hold up their neighbours.
    const suspects = plain.filter((r) => failing.has(idOf(r)));
    const others = plain.filter((r) => !failing.has(idOf(r)));
    const conflicts = [...(await push(others, run)), ...(await push(suspects, run))];
    for (const row of [...run.deferred]) conflicts.push(...(await settle(row, run)));
    return conflicts.map((c) => withDeletedFlag(c) as unknown as WithDeleted<T>);
  };
}
