/**
 * Available-to-promise for the web (docs/architecture.md, Data rules): `available = on_hand − reserved −
 * buffer`. A counter sale is never refused, so the web holds back a buffer per store and SKU that grows
 * while the store's registers are out of contact — time since last contact × the store's recent sales
 * rate of that SKU — with a configurable floor, and falls back to the floor when they return.
 *
 * Contact times and rates are cached per process and refreshed every few seconds, so stream events and
 * reads cost no extra query each.
 */
import type { AtpConfig } from '../config';
import type { Repositories } from '../repositories/repositories';

const REFRESH_MS = 5_000;

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

/** The buffer model of this hub process. */
export class AtpModel {
  private stores = new Map<string, StoreState>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

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
      if (state && r.units > 0) state.rates.set(r.sku, r.units / windowSeconds);
    }
    this.stores = stores;
    this.loadedAt = this.now();
  }

  /** Units of `sku` held back from the web at `storeId` now. */
  buffer(storeId: string, sku: string): number {
    if (this.loadedAt > 0 && this.now() - this.loadedAt > REFRESH_MS) void this.refresh();
    const floor = this.config.floorUnits;
    const state = this.stores.get(storeId);
    if (!state || state.lastContact === null) return floor;
    const outOfContact = (this.now() - state.lastContact) / 1000 - this.config.graceSeconds;
    if (outOfContact <= 0) return floor;
    const rate = state.rates.get(sku) ?? 0;
    return Math.max(floor, Math.ceil(outOfContact * rate));
  }

  /** The web's availability of one level; never below zero (the web cannot sell a negative). */
  atp(storeId: string, sku: string, onHand: number, reserved: number): Atp {
    const buffer = this.buffer(storeId, sku);
    return { onHand, reserved, buffer, available: Math.max(0, onHand - reserved - buffer) };
  }
}
