/**
 * Change fan-out. A transaction that changes replicated data or stock calls `notifyChanges`, which queues
 * NOTIFY on one channel; PostgreSQL delivers it when (and only if) the transaction commits, to every hub
 * process listening on that database. The `ChangeBus` of each process parses them for the streams.
 */
import type { Db, Queryable } from '../db/port';

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
export type CollectionTouch = readonly [collection: string, storeId: string | null];

/** What one committed transaction changed. */
export interface Change {
  xid: bigint;
  collections: CollectionTouch[];
  levels: LevelChange[];
}

type WireLevel = [string, string, number, number];

/** Queues the notifications for a transaction's changes (delivered on commit). */
export async function notifyChanges(
  tx: Queryable,
  collections: readonly CollectionTouch[],
  levels: readonly LevelChange[],
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

/** Parses one notification payload; null when it is not ours. */
export function parseChange(payload: string): Change | null {
  const bar = payload.indexOf('|');
  if (bar < 1) return null;
  try {
    const body = JSON.parse(payload.slice(bar + 1)) as { c: [string, string | null][]; l: WireLevel[] };
    return {
      xid: BigInt(payload.slice(0, bar)),
      collections: body.c,
      levels: body.l.map(([storeId, sku, onHand, reserved]) => ({ storeId, sku, onHand, reserved })),
    };
  } catch {
    return null;
  }
}

/** Someone interested in committed changes. */
export interface ChangeListener {
  onChange(change: Change): void;
  /** Notifications may have been lost (the listening connection dropped): resynchronise. */
  onGap(): void;
}

/** This process's subscription to the change channel, fanned out to in-process listeners. */
export class ChangeBus {
  private readonly listeners = new Set<ChangeListener>();
  private unlisten: (() => Promise<void>) | null = null;

  /** Starts listening on `db`. */
  static async start(db: Db): Promise<ChangeBus> {
    const bus = new ChangeBus();
    bus.unlisten = await db.listen(
      CHANGES_CHANNEL,
      (payload) => bus.dispatch(payload),
      () => bus.listeners.forEach((l) => l.onGap()),
    );
    return bus;
  }

  /** Adds a listener; returns its removal. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch(payload: string): void {
    const change = parseChange(payload);
    if (!change) return;
    for (const listener of this.listeners) listener.onChange(change);
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.unlisten?.();
    this.unlisten = null;
  }
}
