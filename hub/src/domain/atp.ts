/**
 * Available-to-promise for the web (docs/architecture.md, Data rules): `available = on_hand − reserved −
 * buffer`. A counter sale is never refused, so the web holds back a buffer per store and SKU that grows
 * while the store's registers are out of contact — time since last contact × the store's recent sales
 * rate of that SKU — with a configurable floor, and falls back to the floor when they return.
 *
 * Contact times and rates are cached per process and refreshed every few seconds, so stream events and
 * reads cost no extra query each. While someone watches (the storefront stock stream), the model also
 * notices when a buffer grows or shrinks — time passing out of contact, a store coming back, a new rate —
 * and reports the affected levels at once, not at their next stock change.
 */
import type { AtpConfig } from '../config';
import type { Repositories } from '../repositories/repositories';

const REFRESH_MS = 5_000;
/** How often watched buffers are recomputed (they grow with time while a store is out of contact). */
const WATCH_MS = 1_000;

/** One store's contact and sales rates. */
interface StoreState {
  /** Last sync request from any of its registers (ms since epoch), or null if none ever enrolled. */
  lastContact: number | null;
  /** Units sold per second over the rate window, per SKU. */
  rates: Map<string, number>;
}

/** The web's view of a level. */
export interface Atp {
  onHand: number;
  reserved: number;
  buffer: number;
  available: number;
}

/** A level whose web availability changed because its buffer did. */
export interface BufferedLevel {
  storeId: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

/** Told of levels whose buffer changed. */
export type BufferWatcher = (levels: readonly BufferedLevel[]) => void;

/** The buffer model of this hub process. */
export class AtpModel {
  private stores = new Map<string, StoreState>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  private readonly watchers = new Set<BufferWatcher>();
  /** Buffers last reported per `store|sku` (absent: the floor); null until the first check primes it. */
  private reported: Map<string, number> | null = null;
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repos: Pick<Repositories, 'registers' | 'stock'>,
    private readonly config: AtpConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reloads contact times and rates now. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  /** Makes sure the cache is at most a few seconds old (awaited by reads; streams use what is cached). */
  async fresh(): Promise<void> {
    if (this.now() - this.loadedAt > REFRESH_MS) await this.refresh();
  }

  private async load(): Promise<void> {
    const [contacts, rates] = await Promise.all([
      this.repos.registers.lastContacts(),
      this.repos.stock.unitsSold(this.config.rateWindowHours),
    ]);
    const windowSeconds = Math.max(1, this.config.rateWindowHours * 3600);
    const stores = new Map<string, StoreState>();
    for (const c of contacts) stores.set(c.storeId, { lastContact: c.seen, rates: new Map() });
    for (const r of rates) {
      const state = stores.get(r.storeId);
      state?.rates.set(r.sku, r.units / windowSeconds);
    }
    this.stores = stores;
    this.loadedAt = this.now();
    if (this.watchers.size > 0) void this.checkBuffers();
  }

  /**
   * Watches buffer changes: `watcher` gets every level whose buffer moved since the last check, with its
   * new availability. Checks run every second while anyone watches and after every refresh. Returns the
   * function that stops watching.
   */
  watch(watcher: BufferWatcher): () => void {
    this.watchers.add(watcher);
    if (!this.timer) {
      this.timer = setInterval(() => void this.checkBuffers(), WATCH_MS);
      this.timer.unref();
      void this.checkBuffers();
    }
    return () => {
      this.watchers.delete(watcher);
      if (this.watchers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        this.reported = null;
      }
    };
  }

  /** Compares every buffer above the floor with what was last reported and tells watchers of changes. */
  checkBuffers(): Promise<void> {
    this.checking ??= this.compareBuffers()
      .catch(() => undefined) // a failed read is retried at the next tick; the stream must not die of it
      .finally(() => (this.checking = null));
    return this.checking;
  }

  private async compareBuffers(): Promise<void> {
    const floor = this.config.floorUnits;
    const now = new Map<string, number>();
    for (const [storeId, state] of this.stores) {
      for (const sku of state.rates.keys()) {
        const buffer = this.buffer(storeId, sku);
        if (buffer !== floor) now.set(`${storeId}|${sku}`, buffer);
      }
    }
    const before = this.reported;
    this.reported = now;
    if (before === null || this.watchers.size === 0) return;
    const changed = new Set<string>();
    for (const [key, buffer] of now) if (before.get(key) !== buffer) changed.add(key);
    for (const key of before.keys()) if (!now.has(key)) changed.add(key);
    const byStore = new Map<string, string[]>();
    for (const key of changed) {
      const [storeId = '', sku = ''] = key.split('|');
      byStore.set(storeId, [...(byStore.get(storeId) ?? []), sku]);
    }
    const levels: BufferedLevel[] = [];
    for (const [storeId, skus] of byStore) {
      for (const l of await this.repos.stock.levels(skus, storeId)) {
        levels.push({ ...l, available: this.atp(l.storeId, l.sku, l.onHand, l.reserved).available });
      }
    }
    if (levels.length > 0) for (const w of this.watchers) w(levels);
  }

  /** Units of `sku` held back from the web at `storeId` now. */
  buffer(storeId: string, sku: string): number {
    if (this.loadedAt > 0 && this.now() - this.loadedAt > REFRESH_MS) void this.refresh();
    const floor = this.config.floorUnits;
    const state = this.stores.get(storeId);
    if (!state || state.lastContact === null) return floor;
    // Within the grace period this is negative, and the floor wins below.
    const outOfContact = (this.now() - state.lastContact) / 1000 - this.config.graceSeconds;
    const rate = state.rates.get(sku) ?? 0;
    return Math.max(floor, Math.ceil(outOfContact * rate));
  }

  /** The web's availability of one level; never below zero (the web cannot sell a negative). */
  atp(storeId: string, sku: string, onHand: number, reserved: number): Atp {
    const buffer = this.buffer(storeId, sku);
    return { onHand, reserved, buffer, available: Math.max(0, onHand - reserved - buffer) };
  }
}
