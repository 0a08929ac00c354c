/**
 * The change notification. A transaction that changes replicated data or stock queues a NOTIFY on one
 * channel; PostgreSQL delivers it when (and only if) the transaction commits, to every hub process
 * listening on that database (streams/change-bus.ts). This file owns the channel and the payload format.
 */
import type { CollectionName } from '@till/shared/sync/protocol';
import type { Queryable } from '../db/port';

/** The NOTIFY channel all hub processes share. */
export const CHANGES_CHANNEL = 'till_changes';

// NOTIFY payloads must stay under 8000 bytes; leave room for the xid prefix.
const MAX_PAYLOAD = 7000;

/** A stock level as it stands after the transaction, carried in the notification. */
export interface LevelChange {
  storeId: string;
  sku: string;
  onHand: number;
  reserved: number;
}

/** A collection touched by a transaction, for one store (`null` for store-independent collections). */
export type CollectionTouch = readonly [collection: CollectionName, storeId: string | null];

/** What one committed transaction changed. */
export interface Change {
  xid: bigint;
  collections: CollectionTouch[];
  levels: LevelChange[];
}

type WireLevel = [string, string, number, number];

/** Queues change notifications. */
export class ChangesRepository {
  constructor(private readonly db: Queryable) {}

  /** Queues the notifications for a transaction's changes (delivered on commit), chunked under the limit. */
  async notify(
    collections: readonly CollectionTouch[],
    levels: readonly LevelChange[],
    tx: Queryable = this.db,
  ): Promise<void> {
    const payloads: string[] = [];
    let chunk: WireLevel[] = [];
    let size = JSON.stringify(collections).length + 20;
    let first = true;
    const flush = () => {
      payloads.push(JSON.stringify({ c: first ? collections : [], l: chunk }));
      first = false;
      chunk = [];
      size = 20;
    };
    for (const l of levels) {
      const wire: WireLevel = [l.storeId, l.sku, l.onHand, l.reserved];
      const length = JSON.stringify(wire).length + 1;
      if (size + length > MAX_PAYLOAD && chunk.length > 0) flush();
      chunk.push(wire);
      size += length;
    }
    if (chunk.length > 0 || first) flush();
    await tx.query(
      `SELECT pg_notify($1, pg_current_xact_id()::text || '|' || p) FROM unnest($2::text[]) AS p`,
      [CHANGES_CHANNEL, payloads],
    );
  }
}

/** Parses one notification payload (`<xid>|{"c":[…],"l":[…]}`); null when it is not ours. */
export function parseChange(payload: string): Change | null {
  const bar = payload.indexOf('|');
  if (bar < 1) return null;
  try {
    const body = JSON.parse(payload.slice(bar + 1)) as {
      c: [CollectionName, string | null][];
      l: WireLevel[];
    };
    return {
      xid: BigInt(payload.slice(0, bar)),
      collections: body.c,
      levels: body.l.map(([storeId, sku, onHand, reserved]) => ({ storeId, sku, onHand, reserved })),
    };
  } catch {
    return null;
  }
}
