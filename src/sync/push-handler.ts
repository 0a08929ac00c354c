/**
 * The push handler: sends rows to the hub and, when the hub refuses some documents with a 400, quarantines
 * exactly those and pushes the rest, so one bad document never blocks the queue (RxDB retries a failed push
 * forever). Network failures and 5xx are thrown: RxDB keeps the rows and retries after `retryTime`.
 */
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { CollectionName, PushRow, WireDocument } from '@till/shared/sync/protocol';
import { withDeletedFlag } from './event-stream';
import { type HubClient, HubError } from './hub-client';
import type { Quarantine, QuarantineEntry } from './quarantine';

/** Creates the push handler of one collection. `primaryKey` names the id field in its documents. */
export function createPushHandler<T>(options: {
  collection: CollectionName;
  primaryKey: string;
  client: HubClient;
  quarantine: Quarantine;
  now?: () => Date;
}) {
  const idOf = (row: PushRow) => String(row.newDocumentState[options.primaryKey]);
  const entry = (row: PushRow, code: string, message: string): QuarantineEntry => ({
    collection: options.collection,
    id: idOf(row),
    code,
    message,
    at: (options.now?.() ?? new Date()).toISOString(),
    document: row.newDocumentState,
  });

  async function push(rows: PushRow[]): Promise<WireDocument[]> {
    if (rows.length === 0) return [];
    try {
      return await options.client.push(options.collection, rows);
    } catch (error) {
      if (error instanceof HubError && error.status === 413) return pushSmaller(rows, error);
      if (!(error instanceof HubError) || error.status !== 400) throw error;
      // A problem without an id matches no row; when nothing matches, the culprit is found row by row below.
      const named = new Map(error.documents.map((d) => [d.id, d]));
      const refused = rows.filter((r) => named.has(idOf(r)));
      if (refused.length > 0) {
        await options.quarantine.add(
          refused.map((r) => {
            const d = named.get(idOf(r));
            return entry(r, d?.code ?? error.code, d?.message ?? error.message);
          }),
        );
        return push(rows.filter((r) => !named.has(idOf(r))));
      }
      // A 400 that names no document: find the culprit row by row rather than block the queue.
      if (rows.length === 1) {
        await options.quarantine.add([entry(rows[0] as PushRow, error.code, error.message)]);
        return [];
      }
      const conflicts: WireDocument[] = [];
      for (const row of rows) conflicts.push(...(await push([row])));
      return conflicts;
    }
  }

  /**
   * The request was over the hub's body limit (a batch of very large sales): halve it until it fits. A
   * single document that alone exceeds the limit can never be accepted, so it is quarantined rather than
   * retried forever in front of every later sale.
   */
  async function pushSmaller(rows: PushRow[], error: HubError): Promise<WireDocument[]> {
    if (rows.length === 1) {
      await options.quarantine.add([entry(rows[0] as PushRow, 'document_too_large', error.message)]);
      return [];
    }
    const half = Math.ceil(rows.length / 2);
    return [...(await push(rows.slice(0, half))), ...(await push(rows.slice(half)))];
  }

  return async (rows: RxReplicationWriteToMasterRow<T>[]): Promise<WithDeleted<T>[]> => {
    const plain: PushRow[] = rows.map((r) => ({
      assumedMasterState: (r.assumedMasterState ?? null) as WireDocument | null,
      newDocumentState: r.newDocumentState as unknown as WireDocument,
    }));
    const conflicts = await push(plain);
    return conflicts.map((c) => withDeletedFlag(c) as unknown as WithDeleted<T>);
  };
}
