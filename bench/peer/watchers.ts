/**
 * How the bench sees a sale arrive somewhere else, and how late: it is told each sale and the moment it
 * was inserted on the register, then the place it watches reports what it saw.
 */
import type { SaleDocument } from '@till/shared/schemas/sale';

/** Milliseconds since the epoch with sub-millisecond precision: comparable between processes. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Insert → seen latencies of the sales a place reported. */
export interface Watcher {
  /** A sale inserted on the register at `at` (`epochNow()`). */
  expect(doc: SaleDocument, at: number): void;
  /** Milliseconds from insert to seen, one per sale seen. */
  readonly latencies: number[];
  /** Sales expected and not seen yet. */
  pending(): number;
  close(): void;
}

/** Watches for sales by id (a changes feed, another register's replica). */
export function idWatcher(onClose: () => void): Watcher & { seen(id: string, when?: number): void } {
  const waiting = new Map<string, number>();
  const latencies: number[] = [];
  return {
    latencies,
    expect: (doc, at) => void waiting.set(doc.id, at),
    seen(id, when = epochNow()) {
      const at = waiting.get(id);
      if (at === undefined) return;
      latencies.push(when - at);
      waiting.delete(id);
    },
    pending: () => waiting.size,
    close: onClose,
  };
}

/** A storefront stock event. */
interface LevelEvent {
  sku: string;
  storeId: string;
  onHand: number;
}

/**
 * Watches the storefront stock stream: a sale of one line is seen when its SKU's on-hand at `storeId`
 * reaches the level that sale leaves behind (from `levels`, the levels before the first expected sale).
 * An event that skips a level (two sales in one commit) sees both.
 */
export function levelWatcher(
  storeId: string,
  levels: Record<string, number>,
  onClose: () => void,
): Watcher & { event(e: LevelEvent): void } {
  const after = new Map(Object.entries(levels));
  const waiting = new Map<string, { level: number; at: number }[]>();
  const latencies: number[] = [];
  let count = 0;
  return {
    latencies,
    expect(doc, at) {
      if (doc.lines.length !== 1) throw new Error('the level watcher follows one-line sales only');
      const { sku, qty } = doc.lines[0]!;
      const level = (after.get(sku) ?? 0) - qty;
      after.set(sku, level);
      waiting.set(sku, [...(waiting.get(sku) ?? []), { level, at }]);
      count += 1;
    },
    event(e) {
      if (e.storeId !== storeId) return;
      const list = waiting.get(e.sku);
      if (!list) return;
      const now = epochNow();
      const still = list.filter((w) => {
        if (w.level < e.onHand) return true;
        latencies.push(now - w.at);
        count -= 1;
        return false;
      });
      waiting.set(e.sku, still);
    },
    pending: () => count,
    close: onClose,
  };
}
