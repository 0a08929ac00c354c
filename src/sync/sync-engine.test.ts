/**
 * The assembled sync engine against a real hub (PGlite) through the fault proxy: initial progress, the
 * status through an outage (offline, sales waiting, back online with nothing waiting), and a counter sale
 * seen on the web store's live stock stream.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestHub, startHub } from '../../test/support/hub';
import { openStream } from '../../test/support/sse-client';
import { priceCart } from '@till/shared/domain/pricing';
import { buildSale } from '@till/shared/domain/sale-builder';
import { createHubClient } from './hub-client';
import { recordSale } from './record-sale';
import { type SyncEngine, startSyncEngine } from './sync-engine';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { openNodeEventStream } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';

describe('sync engine', () => {
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let hubUrl: string;
  let engine: SyncEngine | null = null;

  beforeEach(async () => {
    hub = await startHub('pglite');
    hubUrl = await hub.listen();
    proxy = await startFaultProxy(hubUrl);
  });
  afterEach(async () => {
    await engine?.stop();
    engine = null;
    await proxy.close();
    await hub.close();
  });

  async function start(formerRegisterIds?: string[]) {
    const enrolled = await createHubClient({ baseUrl: proxy.url, token: () => null, fetch }).enroll(
      'DEMO-S1-R1',
      't',
    );
    engine = await startSyncEngine({
      storage: getRxStorageMemory(),
      enrollment: {
        ...enrolled,
        hubUrl: proxy.url,
        name: 't',
        enrolledAt: new Date().toISOString(),
        ...(formerRegisterIds && { formerRegisterIds }),
      },
      fetch,
      openEventStream: openNodeEventStream,
      databaseName: `eng${Math.random().toString(36).slice(2, 10)}`,
      retryTime: 100,
    });
    return { engine, enrolled };
  }

  async function sell(e: SyncEngine, registerId: string, sku: string, n: number) {
    const priced = priceCart(
      { lines: [{ lineId: '1', sku, name: sku, qty: 1, unitPrice: 500, taxCode: 'std' }] },
      { currency: 'USD', priceMode: 'tax-exclusive', taxRates: [{ code: 'std', name: 'std', ratePpm: 0 }] },
    );
    if (!priced.ok) throw new Error(priced.error.message);
    const sale = buildSale({
      context: { storeId: 'store-1', registerId, clerkId: 'staff-1', customerId: null, currency: 'USD' },
      priced: priced.value,
      tenders: [{ method: 'cash', amount: 500 }],
      number: `S1-R1-${String(n).padStart(6, '0')}`,
    });
    if (!sale.ok) throw new Error(sale.error.message);
    const r = await recordSale(e.db, sale.value);
    if (!r.ok) throw new Error(r.error.message);
    return sale.value;
  }

  it('reports initial progress, then an outage and the recovery in its status', async () => {
    const { engine: e, enrolled } = await start();
    await e.replication.awaitInitial();
    await eventually(() => e.status().connection === 'online', 10_000, 'online');
    let last = { done: false, received: { products: 0 } as Record<string, number> };
    const sub = e.replication.progress$.subscribe((p) => (last = p));
    await eventually(() => last.done, 10_000, 'progress done');
    expect(last.received.products).toBeGreaterThan(0);
    sub.unsubscribe();

    proxy.set({ down: true });
    proxy.cutStreams();
    const first = await sell(e, enrolled.registerId, 'SKU-00007', 1);
    await sell(e, enrolled.registerId, 'SKU-00007', 2);
    await eventually(() => e.status().pending.count === 2, 10_000, 'two sales waiting');
    expect(e.status().pending.oldest).toBe(first.createdAt);
    expect(e.isPending(first.id)).toBe(true);
    await eventually(() => e.status().connection === 'offline', 10_000, 'offline');
    expect(e.status().problems.some((p) => p.code === 'offline')).toBe(true);

    proxy.set({ down: false });
    e.replication.reSync();
    await eventually(() => e.status().pending.count === 0, 20_000, 'nothing waiting');
    await eventually(
      () => e.status().connection === 'online' && e.status().problems.length === 0,
      10_000,
      'online again',
    );
    expect(e.status().lastExchangeAt).not.toBeNull();
    expect(e.isPending(first.id)).toBe(false);
  });

  it('counts as waiting a sale made under an id the register had before re-enrolling', async () => {
    const former = (await hub.enroll('DEMO-S1-R2')).registerId;
    const { engine: e } = await start([former]);
    await e.replication.awaitInitial();
    proxy.set({ down: true });
    proxy.cutStreams();
    const earlier = await sell(e, former, 'SKU-00011', 1);
    await eventually(() => e.status().pending.count === 1, 10_000, 'the sale waiting');
    expect(e.isPending(earlier.id)).toBe(true);
  });

  it('pause holds sales on the register; resume sends them', async () => {
    const { engine: e, enrolled } = await start();
    await e.replication.awaitInitial();
    await e.replication.pause();
    const sale = await sell(e, enrolled.registerId, 'SKU-00009', 1);
    await new Promise((r) => setTimeout(r, 1000));
    const onHub = async () =>
      (await hub.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sales WHERE id = $1', [sale.id]))[0]
        ?.n;
    expect(await onHub()).toBe(0);
    expect(e.isPending(sale.id)).toBe(true);
    await e.replication.resume();
    await eventually(async () => (await onHub()) === 1, 15_000, 'the sale after resume');
  });

  it('a cut stream shows reconnecting, then online once it is open again', async () => {
    const { engine: e } = await start();
    await e.replication.awaitInitial();
    await eventually(() => e.status().connection === 'online', 10_000, 'online');
    const seen: string[] = [];
    const sub = e.status$.subscribe((st) => seen.push(st.connection));
    try {
      proxy.cutStreams();
      await eventually(() => seen.includes('reconnecting'), 10_000, 'reconnecting');
      await eventually(() => e.status().connection === 'online', 15_000, 'online again');
    } finally {
      sub.unsubscribe();
    }
  });

  it('a dropped stream with the hub down shows offline with no sale to send', async () => {
    const { engine: e } = await start();
    await e.replication.awaitInitial();
    await eventually(() => e.status().connection === 'online', 10_000, 'online');
    proxy.set({ down: true });
    proxy.cutStreams();
    await eventually(() => e.status().connection === 'offline', 10_000, 'offline');
    proxy.set({ down: false });
    await eventually(() => e.status().connection === 'online', 15_000, 'online again');
  });

  it('counts a document the hub refuses in its status as soon as it is quarantined', async () => {
    const { engine: e, enrolled } = await start();
    await e.replication.awaitInitial();
    expect(e.status().quarantined).toBe(0);
    const good = await sell(e, enrolled.registerId, 'SKU-00010', 1);
    // A bug wrote a sale with a broken identity straight into the replica, past recordSale's check.
    await e.db.sales.insert({
      ...good,
      id: '0192f0c4-7d3a-7b8e-9a10-1234567890ac',
      number: 'S1-R1-BROKEN',
      lines: good.lines.map((l) => ({ ...l, qty: 0 })),
    });
    await eventually(() => e.status().quarantined === 1, 15_000, 'the quarantined count');
  });

  it('a counter sale shows on the web store’s live stock stream', async () => {
    const { engine: e, enrolled } = await start();
    await e.replication.awaitInitial();
    const stream = await openStream(`${hubUrl}/api/v1/storefront/stock/stream`);
    try {
      await sell(e, enrolled.registerId, 'SKU-00008', 3);
      const event = await stream.waitFor((d) => d.includes('"SKU-00008"') && d.includes('"store-1"'), 15_000);
      const level = JSON.parse(event) as { sku: string; storeId: string; onHand: number };
      const rows = await hub.db.query<{ on_hand: number }>(
        "SELECT on_hand FROM stock_levels WHERE store_id = 'store-1' AND sku = 'SKU-00008'",
      );
      expect(level.onHand).toBe(rows[0]?.on_hand);
    } finally {
      stream.close();
    }
  });
});
