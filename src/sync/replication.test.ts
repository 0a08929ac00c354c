/**
 * Replication against a real hub (PGlite and PostgreSQL) through a fault-injecting proxy: online sales,
 * outages, lost acknowledgements, quarantine, two registers converging.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, count, ledgerMismatches, level, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import { type TestRegister, startTestRegister, startTestRegisterOverHttp } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';
import { startFaultProxy } from '../../test/support/fault-proxy';

describe.each(DATABASES)('replication with a hub on %s', (kind) => {
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  const registers: TestRegister[] = [];

  beforeEach(async () => {
    hub = await startHub(kind);
    proxy = await startFaultProxy(await hub.listen());
  });

  afterEach(async () => {
    await Promise.all(registers.splice(0).map((r) => r.close()));
    await proxy.close();
    await hub.close();
  });

  async function register(code = 'DEMO-S1-R1') {
    const r = await startTestRegister({ hubUrl: proxy.url, code });
    registers.push(r);
    await r.replication.awaitInitial();
    return r;
  }

  const hubSales = (registerId: string) => count(hub.db, 'sales', 'register_id = $1', [registerId]);

  it('pulls the catalogue and store data, and an online sale reaches the hub once and moves stock', async () => {
    const r = await register();
    expect(await r.db.products.count().exec()).toBeGreaterThan(0);
    expect(await r.db.settings.count().exec()).toBe(1);
    const before = await level(hub.db, 'store-1', 'SKU-00001');
    const sale = await r.sell([{ sku: 'SKU-00001', qty: 2 }]);
    await eventually(
      async () => (await hubSales(r.enrolled.registerId)) === 1,
      15_000,
      'the sale on the hub',
    );
    expect((await level(hub.db, 'store-1', 'SKU-00001')).onHand).toBe(before.onHand - 2);
    // The hub's new level comes back to the register through the stream.
    await eventually(
      async () => (await r.db.stock.findOne('store-1:SKU-00001').exec())?.onHand === before.onHand - 2,
      15_000,
      'the new level on the register',
    );
    expect(await r.db.sales.findOne(sale.id).exec()).not.toBeNull();
  });

  it('sells through an outage: every sale arrives exactly once when the hub is back', async () => {
    const r = await register();
    const before = await level(hub.db, 'store-1', 'SKU-00002');
    proxy.set({ down: true });
    proxy.cutStreams();
    for (let i = 0; i < 500; i++) await r.sell([{ sku: 'SKU-00002', qty: 1 }]);
    expect(await hubSales(r.enrolled.registerId)).toBe(0);
    proxy.set({ down: false });
    r.replication.reSync();
    await eventually(
      async () => (await hubSales(r.enrolled.registerId)) === 500,
      30_000,
      '500 sales on the hub',
    );
    expect((await level(hub.db, 'store-1', 'SKU-00002')).onHand).toBe(before.onHand - 500);
    expect(await ledgerMismatches(hub.db)).toEqual([]);
  });

  it('never double-counts when acknowledgements are lost', async () => {
    const r = await register();
    const before = await level(hub.db, 'store-1', 'SKU-00003');
    proxy.set({ dropResponses: 3, dropPath: /\/sync\/sales\/push/ });
    for (let i = 0; i < 5; i++) await r.sell([{ sku: 'SKU-00003', qty: 1 }]);
    await eventually(
      async () => proxy.stats.dropped >= 3 && (await hubSales(r.enrolled.registerId)) === 5,
      30_000,
      'sales after lost acks',
    );
    await r.replication.awaitInSync();
    expect(await hubSales(r.enrolled.registerId)).toBe(5);
    expect((await level(hub.db, 'store-1', 'SKU-00003')).onHand).toBe(before.onHand - 5);
  });

  it('quarantines a document the hub refuses and still delivers every later sale', async () => {
    const r = await register();
    // A bug wrote a sale with a broken identity straight into the replica, past recordSale's check.
    const good = await r.sell([{ sku: 'SKU-00004', qty: 1 }]);
    const broken = {
      ...good,
      id: '0192f0c4-7d3a-7b8e-9a10-1234567890ab',
      number: 'S1-BROKEN',
      lines: good.lines.map((l) => ({ ...l, qty: 0 })),
    };
    await r.db.sales.insert(broken);
    const later = await r.sell([{ sku: 'SKU-00004', qty: 1 }]);
    await eventually(async () => (await hubSales(r.enrolled.registerId)) === 2, 15_000, 'the good sales');
    await eventually(
      async () => (await r.replication.quarantine.list()).length === 1,
      15_000,
      'the quarantine entry',
    );
    const [entry] = await r.replication.quarantine.list();
    expect(entry).toMatchObject({ collection: 'sales', id: broken.id, code: 'qty_zero' });
    // Kept locally, never deleted.
    expect(await r.db.sales.findOne(broken.id).exec()).not.toBeNull();
    expect(await count(hub.db, 'sales', 'id = $1', [later.id])).toBe(1);
  });

  it('two registers of one store converge: each sees the other’s sales', async () => {
    // RxDB's free build allows 13 open collections per JavaScript realm, so the second register speaks the
    // sync protocol directly over HTTP (docs/architecture.md, Data rules), as a second till or another POS
    // would.
    const a = await register('DEMO-S1-R1');
    const b = await startTestRegisterOverHttp(proxy.url, 'DEMO-S1-R2');
    const sa = await a.sell([{ sku: 'SKU-00005', qty: 1 }]);
    const sb = makeSale('store-1', [{ sku: 'SKU-00006', qty: 1 }], { registerId: b.registerId });
    expect(await b.push([sb])).toEqual([]);
    await eventually(async () => (await a.db.sales.findOne(sb.id).exec()) !== null, 15_000, 'b’s sale on a');
    await eventually(
      async () => (await b.pullAll('sales')).some((d) => d.id === sa.id),
      15_000,
      'a’s sale on b',
    );
  });
});
