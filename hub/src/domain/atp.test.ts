/**
 * The web's outage buffer, with the clock moved by hand and the hub's reads answered from memory: the
 * floor while a store is in contact (and through its grace period), then time out of contact × its sales
 * rate, rounded up; availability never below zero; the cache re-read only once stale; and watchers told
 * of every buffer that moved, once, with the level's new availability.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AtpConfig } from '../config';
import type { LevelChange } from '../repositories/changes';
import { AtpModel, type BufferedLevel } from './atp';

const HOUR = 3600;
const config: AtpConfig = { floorUnits: 2, graceSeconds: 60, rateWindowHours: 1 };

/** The reads the model makes, from memory, counting how often contacts are read. */
function memoryRepos(start: number) {
  const data = {
    contacts: [
      { storeId: 'store-1', seen: start as number | null },
      { storeId: 'store-2', seen: null as number | null },
    ],
    // 3,600 mugs an hour at store-1: one a second. Tea sells nothing.
    sold: [
      { storeId: 'store-1', sku: 'MUG', units: 3600 },
      { storeId: 'store-1', sku: 'TEA', units: 0 },
      { storeId: 'store-2', sku: 'MUG', units: 3600 },
    ],
    levels: [{ storeId: 'store-1', sku: 'MUG', onHand: 100, reserved: 5 }] as LevelChange[],
    contactReads: 0,
  };
  const repos = {
    registers: {
      lastContacts: async () => {
        data.contactReads += 1;
        return data.contacts.map((c) => ({ ...c }));
      },
    },
    stock: {
      unitsSold: async (hours: number) => (hours === config.rateWindowHours ? data.sold : []),
      levels: async (skus: readonly string[], storeId: string | null) =>
        data.levels.filter((l) => skus.includes(l.sku) && (storeId === null || l.storeId === storeId)),
    },
  };
  return { data, repos: repos as unknown as ConstructorParameters<typeof AtpModel>[0] };
}

function model() {
  let now = 1_000_000_000_000;
  const { data, repos } = memoryRepos(now);
  const atp = new AtpModel(repos, config, () => now);
  return { atp, data, advance: (seconds: number) => (now += seconds * 1000), now: () => now };
}

describe('the outage buffer', () => {
  it('is the floor while the store is in contact and through its grace period', async () => {
    const m = model();
    await m.atp.refresh();
    expect(m.atp.buffer('store-1', 'MUG')).toBe(2);
    m.advance(60);
    expect(m.atp.buffer('store-1', 'MUG')).toBe(2);
  });

  it('then grows by the store’s rate for each second out of contact, rounded up, never below the floor', async () => {
    const m = model();
    await m.atp.refresh();
    m.advance(60 + 10.2);
    expect(m.atp.buffer('store-1', 'MUG')).toBe(11);
    // A SKU that did not sell keeps the floor, however long the store is away.
    expect(m.atp.buffer('store-1', 'TEA')).toBe(2);
    expect(m.atp.buffer('store-1', 'PEN')).toBe(2);
  });

  it('is the floor for a store with no register ever in contact, and for an unknown store', async () => {
    const m = model();
    await m.atp.refresh();
    m.advance(HOUR);
    expect(m.atp.buffer('store-2', 'MUG')).toBe(2);
    expect(m.atp.buffer('store-9', 'MUG')).toBe(2);
  });

  it('leaves on hand minus reserved minus the buffer for the web, and never less than nothing', async () => {
    const m = model();
    await m.atp.refresh();
    expect(m.atp.atp('store-1', 'MUG', 10, 3)).toEqual({ onHand: 10, reserved: 3, buffer: 2, available: 5 });
    m.advance(60 + 100);
    expect(m.atp.atp('store-1', 'MUG', 10, 3)).toEqual({
      onHand: 10,
      reserved: 3,
      buffer: 100,
      available: 0,
    });
  });

  it('re-reads contacts and rates only once the cache is more than five seconds old', async () => {
    const m = model();
    await m.atp.fresh();
    expect(m.data.contactReads).toBe(1);
    m.advance(5);
    await m.atp.fresh();
    expect(m.data.contactReads).toBe(1);
    m.advance(0.001);
    await m.atp.fresh();
    expect(m.data.contactReads).toBe(2);
  });

  it('has a read of a stale cache start re-reading it, but never before the first load', async () => {
    const m = model();
    m.atp.buffer('store-1', 'MUG');
    expect(m.data.contactReads).toBe(0);
    await m.atp.refresh();
    m.advance(5);
    m.atp.buffer('store-1', 'MUG');
    expect(m.data.contactReads).toBe(1);
    m.advance(0.001);
    m.atp.buffer('store-1', 'MUG');
    // The re-read starts at once (the read itself answers from the cache it has).
    expect(m.data.contactReads).toBe(2);
    await m.atp.refresh();
  });

  it('falls back to the floor when the store comes back in contact', async () => {
    const m = model();
    await m.atp.refresh();
    m.advance(60 + 30);
    expect(m.atp.buffer('store-1', 'MUG')).toBe(30);
    // That read found the cache stale and started re-reading it; let that finish before the store returns.
    await m.atp.refresh();
    m.data.contacts[0]!.seen = m.now();
    await m.atp.refresh();
    expect(m.atp.buffer('store-1', 'MUG')).toBe(2);
  });
});

/** A loaded model with one watcher, its first check done (it primes what was last reported). */
async function watched() {
  const m = model();
  await m.atp.refresh();
  const told: BufferedLevel[][] = [];
  const stop = m.atp.watch((levels) => told.push([...levels]));
  await m.atp.checkBuffers();
  return { ...m, told, stop };
}

describe('watching the buffers', () => {
  it('tells watchers of each buffer that moved, once, with its new availability, and of its return', async () => {
    const { told, stop, ...m } = await watched();
    expect(told).toEqual([]);

    m.advance(60 + 20);
    await m.atp.checkBuffers();
    expect(told).toEqual([[{ storeId: 'store-1', sku: 'MUG', onHand: 100, reserved: 5, available: 75 }]]);
    await m.atp.checkBuffers();
    expect(told).toHaveLength(1);

    await m.atp.refresh();
    m.data.contacts[0]!.seen = m.now();
    await m.atp.refresh();
    await m.atp.checkBuffers();
    expect(told.at(-1)).toEqual([
      { storeId: 'store-1', sku: 'MUG', onHand: 100, reserved: 5, available: 93 },
    ]);
    stop();
  });

  it('tells nobody once the last watcher stopped', async () => {
    const { told, stop, ...m } = await watched();
    stop();
    m.advance(60 + 20);
    await m.atp.checkBuffers();
    expect(told).toEqual([]);
  });

  /** Lets a check started without being awaited (by a refresh or the timer) finish. */
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('checks after every refresh, without waiting for the next tick', async () => {
    const { told, stop, ...m } = await watched();
    m.advance(60 + 20);
    await m.atp.refresh();
    await settle();
    expect(told).toEqual([[{ storeId: 'store-1', sku: 'MUG', onHand: 100, reserved: 5, available: 75 }]]);
    stop();
  });

  it('tells a new watcher only of what moves after it started watching', async () => {
    const m = model();
    // Loaded while nobody watched: the buffers of then are nothing a watcher was told of.
    await m.atp.refresh();
    m.advance(60 + 20);
    const told: BufferedLevel[][] = [];
    const stop = m.atp.watch((levels) => told.push([...levels]));
    await m.atp.checkBuffers();
    expect(told).toEqual([]);
    m.advance(1);
    await m.atp.checkBuffers();
    expect(told).toEqual([[{ storeId: 'store-1', sku: 'MUG', onHand: 100, reserved: 5, available: 74 }]]);
    stop();
  });

  it('tells of a buffer that grows while already above the floor', async () => {
    const { told, stop, ...m } = await watched();
    m.advance(60 + 20);
    await m.atp.checkBuffers();
    m.advance(1);
    await m.atp.checkBuffers();
    expect(told.map((levels) => levels.map((l) => l.available))).toEqual([[75], [74]]);
    stop();
  });

  it('tells nobody of a buffer whose level the hub does not hold', async () => {
    const m = model();
    m.data.levels = [];
    await m.atp.refresh();
    const told: BufferedLevel[][] = [];
    const stop = m.atp.watch((levels) => told.push([...levels]));
    await m.atp.checkBuffers();
    m.advance(60 + 20);
    await m.atp.checkBuffers();
    expect(told).toEqual([]);
    stop();
  });

  describe('on the timer', () => {
    afterEach(() => vi.useRealTimers());

    it('checks every second while anyone watches, and stops once the last watcher stops', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const m = model();
      await m.atp.refresh();
      const first: BufferedLevel[][] = [];
      const second: BufferedLevel[][] = [];
      const stopFirst = m.atp.watch((levels) => first.push([...levels]));
      const stopSecond = m.atp.watch((levels) => second.push([...levels]));
      await settle();
      stopFirst();
      // The clock moves; only the timer can notice.
      m.advance(60 + 20);
      await vi.advanceTimersByTimeAsync(1000);
      await settle();
      expect(first).toEqual([]);
      expect(second.map((levels) => levels.map((l) => l.available))).toEqual([[75]]);
      stopSecond();
      // Nobody watches: no check runs, so nothing re-reads the stale cache either.
      const reads = m.data.contactReads;
      m.advance(60);
      await vi.advanceTimersByTimeAsync(5000);
      await settle();
      expect(m.data.contactReads).toBe(reads);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
