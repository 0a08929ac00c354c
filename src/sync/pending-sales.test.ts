/**
 * The register's count of sales not yet on the hub, against a real hub behind the fault proxy: what the
 * clerk sees after a restart (the sales already in the replica, less those the hub acknowledged before it),
 * with more sales than one scan chunk, with another register's sales in the same replica, as sales are
 * recorded and sent, and after `stop()`.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { syncPaths } from '@till/shared/sync/protocol';
import { DATABASES, type TestHub, auth, count, pushBody, startHub } from '../../test/support/hub';
import { type TestRegister, openNodeEventStream, startTestRegister } from '../../test/support/register';
import { makeSale } from '../../test/support/sales';
import { eventually } from '../../test/support/eventually';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { openTillDatabase } from './database';
import { createHubClient } from './hub-client';
import { type PendingSales, trackPendingSales } from './pending-sales';
import { recordSale } from './record-sale';
import { startReplication } from './replication';

type Tracker = Awaited<ReturnType<typeof trackPendingSales>>;

/** A time `minutes` after a fixed morning, so which sale is oldest never depends on the clock. */
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 14, 10, minutes)).toISOString();

describe.each(DATABASES)('sales waiting for the hub (%s)', (kind) => {
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let register: TestRegister | undefined;
  let tracker: Tracker | undefined;

  beforeAll(async () => {
    hub = await startHub(kind);
    proxy = await startFaultProxy(await hub.listen());
  });
  afterEach(async () => {
    tracker?.stop();
    tracker = undefined;
    proxy.set({ down: false });
    await register?.close();
    register = undefined;
  });
  afterAll(async () => {
    await proxy.close();
    await hub.close();
  });

  /** An enrolled register that has caught up with the hub. */
  async function openRegister(): Promise<TestRegister> {
    register = await startTestRegister({ hubUrl: proxy.url, retryTime: 100 });
    await register.replication.awaitInitial();
    return register;
  }

  /** Records a sale of `reg` at `minute` (or of `registerId`, when another register's). */
  async function sell(reg: TestRegister, minute: number, registerId = reg.enrolled.registerId) {
    const sale = makeSale(reg.enrolled.storeId, [{ sku: 'SKU-00012', qty: 1 }], {
      registerId,
      createdAt: at(minute),
    });
    const recorded = await recordSale(reg.db, sale);
    if (!recorded.ok) throw new Error(recorded.error.message);
    return sale;
  }

  /** Starts tracking `reg`'s sales the way the sync engine does, on its current replica. */
  async function track(reg: TestRegister, formerIds: string[] = []): Promise<Tracker> {
    tracker = await trackPendingSales(reg.db, reg.replication.states.sales, [
      reg.enrolled.registerId,
      ...formerIds,
    ]);
    return tracker;
  }

  /** The latest figures `t` has published. */
  function latest(t: Tracker): PendingSales {
    let value: PendingSales | undefined;
    t.pending$.subscribe((v) => (value = v)).unsubscribe();
    if (!value) throw new Error('pending$ published nothing');
    return value;
  }

  const onHub = (sale: SaleDocument) => count(hub.db, 'sales', 'id = $1', [sale.id]);

  it('after a restart, counts the sales still in the replica and names the earliest as oldest', async () => {
    const reg = await openRegister();
    proxy.set({ down: true });
    await sell(reg, 42);
    const earliest = await sell(reg, 17);
    await sell(reg, 55);
    await reg.restart();

    const t = await track(reg);
    await eventually(() => latest(t).count === 3, 5_000, 'three sales waiting');
    expect(latest(t)).toEqual({ count: 3, oldest: earliest.createdAt });
    expect(t.isPending(earliest.id)).toBe(true);
  });

  it('after a restart, leaves out the sales the hub acknowledged before it', async () => {
    const reg = await openRegister();
    const sent = [await sell(reg, 1), await sell(reg, 2)];
    await eventually(async () => (await onHub(sent[1]!)) === 1, 15_000, 'the first sales on the hub');
    await reg.replication.states.sales.awaitInSync();
    proxy.set({ down: true });
    const later = await sell(reg, 30);
    const earlier = await sell(reg, 20);
    await reg.restart();

    const t = await track(reg);
    await eventually(() => latest(t).count === 2, 5_000, 'two sales waiting');
    expect(latest(t)).toEqual({ count: 2, oldest: earlier.createdAt });
    expect(sent.map((s) => t.isPending(s.id))).toEqual([false, false]);
    expect([later, earlier].map((s) => t.isPending(s.id))).toEqual([true, true]);
  });

  it('after a restart, counts every waiting sale when there are more than one scan chunk of them', async () => {
    const reg = await openRegister();
    proxy.set({ down: true });
    // Inserted newest first, so the oldest is the last one written (and in the scan's first chunk).
    const docs = Array.from({ length: 1201 }, (_, i) =>
      makeSale(reg.enrolled.storeId, [{ sku: 'SKU-00012', qty: 1 }], {
        registerId: reg.enrolled.registerId,
        createdAt: new Date(Date.UTC(2026, 2, 14, 9) + (1201 - i) * 1000).toISOString(),
      }),
    );
    await reg.db.sales.bulkInsert(docs);
    await reg.restart();

    const t = await track(reg);
    await eventually(() => latest(t).count === 1201, 10_000, 'every sale waiting');
    expect(latest(t).oldest).toBe(docs[1200]!.createdAt);
    expect([docs[0], docs[600], docs[1200]].map((d) => t.isPending(d!.id))).toEqual([true, true, true]);
  });

  it('counts only this register’s sales, though the replica holds another register’s too', async () => {
    const other = (await hub.enroll('DEMO-S1-R2')).registerId;
    const reg = await openRegister();
    proxy.set({ down: true });
    const foreignBefore = await sell(reg, 5, other);
    const mine = await sell(reg, 10);
    await reg.restart();

    const t = await track(reg);
    await eventually(() => latest(t).count === 1, 5_000, 'one sale waiting');
    const foreignAfter = await sell(reg, 1, other);
    await new Promise((r) => setImmediate(r));
    expect(latest(t)).toEqual({ count: 1, oldest: mine.createdAt });
    expect([foreignBefore, foreignAfter].map((s) => t.isPending(s.id))).toEqual([false, false]);
  });

  it('counts the sales made under an id the register had before re-enrolling in the same store', async () => {
    const former = (await hub.enroll('DEMO-S1-R2')).registerId;
    const reg = await openRegister();
    proxy.set({ down: true });
    const before = await sell(reg, 3, former);
    await reg.restart();

    const t = await track(reg, [former]);
    await eventually(() => latest(t).count === 1, 5_000, 'the earlier sale waiting');
    const later = await sell(reg, 8, former);
    await eventually(() => latest(t).count === 2, 5_000, 'both waiting');
    expect(latest(t).oldest).toBe(before.createdAt);
    expect([before, later].map((s) => t.isPending(s.id))).toEqual([true, true]);
  });

  it('never counts a sale the pull brought, even one naming a tracked id', async () => {
    const other = await hub.enroll('DEMO-S1-R2');
    const reg = await openRegister();
    const t = await track(reg, [other.registerId]);
    // Another till of the store pushes a sale that names this register's former id; the pull brings it here.
    const pushed = makeSale(reg.enrolled.storeId, [{ sku: 'SKU-00012', qty: 1 }], {
      registerId: other.registerId,
      // Registers pull the store's recent sales only.
      createdAt: new Date().toISOString(),
    });
    const res = await fetch(`${await hub.listen()}${syncPaths.push('sales')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(other.token) },
      body: JSON.stringify(pushBody([pushed])),
    });
    expect(res.status).toBe(200);
    await eventually(async () => (await reg.db.sales.findOne(pushed.id).exec()) !== null, 15_000, 'the pull');
    await new Promise((r) => setImmediate(r));
    expect(latest(t)).toEqual({ count: 0, oldest: null });
    expect(t.isPending(pushed.id)).toBe(false);
  });

  it('follows sales as they are recorded and sent: the oldest is the earliest, then none once all are sent', async () => {
    const reg = await openRegister();
    const t = await track(reg);
    expect(latest(t)).toEqual({ count: 0, oldest: null });
    proxy.set({ down: true });
    const middle = await sell(reg, 30);
    const earliest = await sell(reg, 10);
    const latestSale = await sell(reg, 50);
    await eventually(() => latest(t).count === 3, 5_000, 'three sales waiting');
    expect(latest(t).oldest).toBe(earliest.createdAt);

    proxy.set({ down: false });
    reg.replication.reSync();
    await eventually(() => latest(t).count === 0, 20_000, 'every sale sent');
    expect(latest(t)).toEqual({ count: 0, oldest: null });
    expect(await Promise.all([middle, earliest, latestSale].map(onHub))).toEqual([1, 1, 1]);
    expect(t.isPending(earliest.id)).toBe(false);
  });

  it('does not keep counting a sale whose push completes while the replica is being scanned', async () => {
    // One read of the replica is slow, as on a busy disk: it sees the replica as it was when it was made
    // and answers 300 ms later. The read to slow down is the scan's: the first, once armed, of the state
    // RxDB recorded of the first sale. Sales pushes reach the hub, but the register hears the answers only
    // once `release` is called.
    const memory = getRxStorageMemory();
    let slowKey: string | null = null;
    let slowed = false;
    const storage: typeof memory = {
      ...memory,
      async createStorageInstance(params) {
        const instance = await memory.createStorageInstance(params);
        const read = instance.findDocumentsById.bind(instance);
        instance.findDocumentsById = async (ids, withDeleted) => {
          const found = read(ids, withDeleted);
          if (slowKey !== null && ids.includes(slowKey)) {
            slowKey = null;
            slowed = true;
            await new Promise((r) => setTimeout(r, 300));
          }
          return found;
        };
        return instance;
      },
    };
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held = 0;
    const gatedFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith(syncPaths.push('sales'))) return res;
      const body = await res.text();
      held += 1;
      await released;
      return new Response(body, { status: res.status, headers: res.headers });
    };
    let token: string | null = null;
    const client = createHubClient({ baseUrl: await hub.listen(), token: () => token, fetch: gatedFetch });
    const enrolled = await client.enroll('DEMO-S1-R1', 'scan-race');
    token = enrolled.token;
    const db = await openTillDatabase({ name: `ps${Math.random().toString(36).slice(2, 10)}`, storage });
    const replication = startReplication({
      db,
      client,
      token: () => token,
      openEventStream: openNodeEventStream,
      retryTime: 100,
      identifier: 'scan-race',
    });
    try {
      const sales = [1, 2, 3].map((minute) =>
        makeSale(enrolled.storeId, [{ sku: 'SKU-00012', qty: 1 }], {
          registerId: enrolled.registerId,
          createdAt: at(minute),
        }),
      );
      await replication.awaitInitial();
      await db.sales.bulkInsert(sales);
      const state = replication.states.sales;
      let sent = 0;
      const sub = state.sent$.subscribe(() => (sent += 1));
      await eventually(() => held > 0, 15_000, 'the push answered by the hub');

      // RxDB's key for its record of what the hub holds of a document: `<id>|0`.
      slowKey = `${sales[0]!.id}|0`;
      let scanned = false;
      const tracking = trackPendingSales(db, state, [enrolled.registerId]).then((t) => {
        scanned = true;
        tracker = t;
        return t;
      });
      await eventually(() => slowed, 5_000, 'the scan reading the replica');
      release();
      await eventually(() => sent === 3, 5_000, 'the sales acknowledged');
      sub.unsubscribe();
      // What this test is about: the acknowledgement arrived while the scan was still reading.
      expect(scanned).toBe(false);
      const t = await tracking;
      await eventually(() => latest(t).count === 0, 5_000, 'nothing waiting');
      expect(sales.map((s) => t.isPending(s.id))).toEqual([false, false, false]);
    } finally {
      release();
      tracker?.stop();
      tracker = undefined;
      await replication.cancel();
      await db.remove();
    }
  });

  it('publishes sales inserted together as one update with the final figures', async () => {
    const reg = await openRegister();
    proxy.set({ down: true });
    const t = await track(reg);
    const seen: PendingSales[] = [];
    const sub = t.pending$.subscribe((p) => seen.push(p));
    const docs = [20, 10, 30].map((minute) =>
      makeSale(reg.enrolled.storeId, [{ sku: 'SKU-00012', qty: 1 }], {
        registerId: reg.enrolled.registerId,
        createdAt: at(minute),
      }),
    );
    await reg.db.sales.bulkInsert(docs);
    await eventually(() => seen.length > 1, 5_000, 'an update');
    // Anything else published in the same turn would already be here.
    await new Promise((r) => setImmediate(r));
    sub.unsubscribe();
    expect(seen).toEqual([
      { count: 0, oldest: null },
      { count: 3, oldest: at(10) },
    ]);
  });

  it('after stop, publishes nothing more and tracks no new sale', async () => {
    const reg = await openRegister();
    proxy.set({ down: true });
    const t = await track(reg);
    let completed = false;
    const seen: PendingSales[] = [];
    t.pending$.subscribe({ next: (p) => seen.push(p), complete: () => (completed = true) });
    t.stop();
    expect(completed).toBe(true);

    const sale = await sell(reg, 40);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([{ count: 0, oldest: null }]);
    expect(t.isPending(sale.id)).toBe(false);
  });
});
