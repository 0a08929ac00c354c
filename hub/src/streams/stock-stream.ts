/**
 * The storefront's live stock stream. Each committed level change arrives in a notification with the
 * level after the change; every listener gets `{"sku","storeId","onHand","reserved","available"}` —
 * the frame is serialised once and written to all listeners that want that SKU. A level whose web
 * availability moved because its store's outage buffer grew or shrank is sent the same way, at once.
 * When this process's LISTEN connection was lost (notifications from every hub process may be missing),
 * listeners of named SKUs get those SKUs' current levels again.
 */
import type { AtpModel, BufferedLevel } from '../domain/atp';
import type { LevelChange } from '../repositories/changes';
import type { StockRepository } from '../repositories/stock';
import type { ChangeBus } from './change-bus';
import { type SseConnection, frame } from './sse';

/** The longest a busy stream holds events back to write them together. */
const FLUSH_MS = 25;

interface Listener {
  conn: SseConnection;
  /** Only these SKUs, or every SKU when null. */
  skus: ReadonlySet<string> | null;
  /** Frames waiting for this turn of the event loop to end. */
  pending: string;
}

/** All storefront stock streams of this process. */
export class StockStream {
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribe: () => void;
  private unwatch: (() => void) | null = null;

  constructor(
    bus: ChangeBus,
    private readonly atp: AtpModel,
    /** Where current levels are re-read after lost notifications. */
    private readonly stock?: Pick<StockRepository, 'levels'>,
  ) {
    this.unsubscribe = bus.subscribe({
      onChange: (change) => {
        if (this.listeners.size === 0) return;
        this.queue(this.withAvailable(change.levels));
      },
      onGap: () => void this.resync(),
    });
  }

  private withAvailable(levels: readonly LevelChange[]): BufferedLevel[] {
    return levels.map((level) => ({
      ...level,
      available: this.atp.atp(level.storeId, level.sku, level.onHand, level.reserved).available,
    }));
  }

  /**
   * Notifications were lost: each listener of named SKUs gets their current levels at every store again
   * (one read for all). A listener of every SKU is closed instead — re-sending every level of a chain
   * could be millions of frames — so it reconnects and re-reads what it shows, as on any reconnect.
   */
  private async resync(): Promise<void> {
    const skus = new Set<string>();
    const named: Listener[] = [];
    for (const l of this.listeners) {
      if (!l.skus) l.conn.close();
      else {
        named.push(l);
        for (const sku of l.skus) skus.add(sku);
      }
    }
    if (skus.size === 0) return;
    try {
      if (!this.stock) throw new Error('no stock repository to re-read levels from');
      this.queue(this.withAvailable(await this.stock.levels([...skus], null)));
    } catch {
      // The levels could not be re-read: a reconnect is the listeners' only safe way back.
      for (const l of named) l.conn.close();
    }
  }

  /** Queues one frame per level for the listeners that want its SKU. */
  private queue(levels: readonly BufferedLevel[]): void {
    for (const level of levels) {
      const text = frame(
        JSON.stringify({
          sku: level.sku,
          storeId: level.storeId,
          onHand: level.onHand,
          reserved: level.reserved,
          available: level.available,
        }),
      );
      for (const l of this.listeners) if (!l.skus || l.skus.has(level.sku)) l.pending += text;
    }
    this.scheduleFlush();
  }

  private flushTimer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private lastFlush = 0;

  /**
   * Writes what queued up with one write per listener, at most once per FLUSH_MS: a socket write is a
   * system call, and at hundreds of commits a second one write per commit per listener would cost more
   * than the events themselves. A quiet stream is written at once (the end of this event-loop turn).
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = this.lastFlush + FLUSH_MS - Date.now();
    const flush = () => {
      this.flushTimer = null;
      this.lastFlush = Date.now();
      for (const l of this.listeners) {
        if (l.pending === '') continue;
        l.conn.sendFrame(l.pending);
        l.pending = '';
      }
    };
    this.flushTimer = wait > 0 ? setTimeout(flush, wait) : setImmediate(flush);
  }

  /** Adds a listener. */
  add(conn: SseConnection, skus: ReadonlySet<string> | null): void {
    const listener = { conn, skus, pending: '' };
    this.listeners.add(listener);
    // Buffers are watched only while someone listens: the model's timer costs nothing otherwise.
    this.unwatch ??= this.atp.watch((levels) => this.queue(levels));
    conn.onClose(() => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unwatch?.();
        this.unwatch = null;
      }
    });
  }

  /** How many listeners are connected (health and bench). */
  get size(): number {
    return this.listeners.size;
  }

  /** Closes every stream. */
  close(): void {
    this.unsubscribe();
    this.unwatch?.();
    this.unwatch = null;
    if (this.flushTimer) {
      clearTimeout(this.flushTimer as NodeJS.Timeout);
      clearImmediate(this.flushTimer as NodeJS.Immediate);
    }
    for (const l of this.listeners) l.conn.close();
    this.listeners.clear();
  }
}
