/**
 * The registers' event stream (`GET /api/v1/sync/stream`). For each (store, collection) with listeners
 * this process keeps one cursor and, when a notification says that pair changed, pulls from the cursor
 * with the same xmin-bounded query as a pull — so a stream event's checkpoint is as safe as a pull's —
 * and sends the page to every listener of that store. One query per change, however many registers.
 */
import { type Checkpoint, type CollectionName, RESYNC } from '@till/shared/sync/protocol';
import { pulledCollections } from '../domain/collections';
import type { Change } from '../repositories/changes';
import type { FeedsRepository, PullFeed } from '../repositories/feeds';
import type { ChangeBus } from './change-bus';
import { type SseConnection, frame } from './sse';

const PAGE = 200;
/**
 * A pump reads at most this often: under load many commits arrive close together and one read serves them
 * all (registers replicate in the background; a storefront's latency comes from the stock stream). Also the
 * retry interval while a notified transaction's rows are not yet readable (an older one is still open).
 */
const MIN_INTERVAL_MS = 100;
const GIVE_UP_MS = 30_000;

interface Listener {
  storeId: string;
  conn: SseConnection;
  /** False until its RESYNC is sent: nothing is streamed to it before that. */
  ready: boolean;
}

/** One (store, collection) cursor. */
class Pump {
  private cursor: Promise<Checkpoint>;
  private wanted = 0n;
  private running = false;
  private dirty = false;
  private waitingSince = 0;
  private lastRun = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly feeds: FeedsRepository,
    readonly collection: CollectionName,
    private readonly feed: PullFeed,
    readonly storeId: string,
    private readonly emit: (frameText: string) => void,
  ) {
    // Start at what is safe now: the register pulls up to here (at least) after its RESYNC.
    this.cursor = feeds.frontier(feed, storeId);
  }

  /** Settles once the cursor is fixed (or its first read failed, and the next run starts it again). */
  started(): Promise<void> {
    return this.cursor.then(
      () => undefined,
      () => undefined,
    );
  }

  poke(xid: bigint): void {
    if (xid > this.wanted) this.wanted = xid;
    this.dirty = true;
    if (this.running || this.timer) return;
    const wait = this.lastRun + MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) void this.run();
    else this.timer = setTimeout(() => ((this.timer = null), void this.run()), wait).unref();
  }

  private async run(): Promise<void> {
    this.running = true;
    this.lastRun = Date.now();
    let retry = false;
    try {
      let cursor = await this.cursor;
      while (this.dirty) {
        this.dirty = false;
        for (;;) {
          const page = await this.feeds.page(this.feed, this.storeId, cursor, PAGE);
          if (page.count === 0) break;
          cursor = page.checkpoint;
          this.cursor = Promise.resolve(cursor);
          // The documents are the database's JSON text, framed as they are.
          this.emit(
            frame(
              `{"collection":${JSON.stringify(this.collection)},"documents":${page.documentsJson},` +
                `"checkpoint":${JSON.stringify(cursor)}}`,
            ),
          );
          if (page.count < PAGE) break;
        }
      }
      if (BigInt(cursor.xid) < this.wanted) retry = this.stillWaiting();
      else this.waitingSince = 0;
    } catch {
      // A failed read (database restarting) is retried like an unreadable row; a cursor that never
      // started starts again from the frontier.
      this.cursor = this.cursor.catch(() => this.feeds.frontier(this.feed, this.storeId));
      retry = this.stillWaiting();
    } finally {
      this.running = false;
    }
    // Commits that arrived during the read, or rows not yet readable: read again (throttled by poke).
    if (retry || this.dirty) this.poke(0n);
  }

  /** Whether to keep retrying for the notified rows (given up after GIVE_UP_MS). */
  private stillWaiting(): boolean {
    const now = Date.now();
    if (this.waitingSince === 0) this.waitingSince = now;
    if (now - this.waitingSince > GIVE_UP_MS) {
      // The notified rows were overwritten or removed since; nothing more will come for that xid.
      this.wanted = 0n;
      this.waitingSince = 0;
      return false;
    }
    return true;
  }
}

/** All register streams of this hub process. */
export class SyncStreams {
  private readonly listeners = new Set<Listener>();
  private readonly pumps = new Map<string, Pump>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly feeds: FeedsRepository,
    bus: ChangeBus,
  ) {
    this.unsubscribe = bus.subscribe({
      onChange: (change) => this.onChange(change),
      // Notifications were lost: every register must re-pull from its own checkpoint.
      // (A listener not yet ready gets its first RESYNC later, which covers the gap too.)
      onGap: () => this.listeners.forEach((l) => l.ready && l.conn.send(RESYNC)),
    });
  }

  /**
   * Adds a register's stream; sends RESYNC first, as on every (re)connect. RESYNC waits until each of
   * the store's cursors is fixed: the register pulls on RESYNC, so a commit after that pull is one the
   * cursor has not passed and is streamed. Sent earlier, a sale committed between the register's pull and
   * a new cursor's first read would be behind both, and reach the register only with the next change.
   */
  add(storeId: string, conn: SseConnection): void {
    const listener: Listener = { storeId, conn, ready: false };
    this.listeners.add(listener);
    conn.onClose(() => this.listeners.delete(listener));
    // Only what registers pull is streamed: push-only collections (shifts, audit) have no pump.
    const pumps = pulledCollections.map(({ name, feed }) => this.pump(name, feed, storeId));
    void Promise.all(pumps.map((p) => p.started())).then(() => {
      if (!this.listeners.has(listener)) return;
      listener.ready = true;
      conn.send(RESYNC);
    });
  }

  private pump(collection: CollectionName, feed: PullFeed, storeId: string): Pump {
    const scope = feed.storeColumn ? storeId : '*';
    const key = `${collection}\u0000${scope}`;
    let pump = this.pumps.get(key);
    if (!pump) {
      pump = new Pump(this.feeds, collection, feed, scope, (text) => {
        for (const l of this.listeners) {
          if (l.ready && (scope === '*' || l.storeId === scope)) l.conn.sendFrame(text);
        }
      });
      this.pumps.set(key, pump);
    }
    return pump;
  }

  private onChange(change: Change): void {
    for (const [collection, storeId] of change.collections) {
      const key = `${collection}\u0000${storeId ?? '*'}`;
      this.pumps.get(key)?.poke(change.xid);
    }
  }

  /** The registers that have a stream open in this process. */
  openRegisters(): string[] {
    const ids = new Set<string>();
    for (const l of this.listeners) if (l.conn.registerId) ids.add(l.conn.registerId);
    return [...ids];
  }

  /** Closes the streams a register opened (it was revoked); it reconnects, and its token is refused. */
  closeRegister(registerId: string): void {
    for (const l of this.listeners) if (l.conn.registerId === registerId) l.conn.close();
  }

  /** Closes every stream. */
  close(): void {
    this.unsubscribe();
    for (const l of this.listeners) l.conn.close();
    this.listeners.clear();
  }
}
