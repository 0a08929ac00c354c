/**
 * Catching up after a cut stream, on its own: the register's event stream is cut (the fault proxy in front
 * of a real hub refuses every connection), another register sells while it is cut, and once the proxy lets
 * connections through again the stream reopens by itself and the hub's `RESYNC` makes every collection
 * pull from its checkpoint. Nothing here calls `reSync()`: without the hub's `RESYNC` reaching the
 * collections, the sale made during the cut would never arrive (the stream only carries later changes).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, level, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import { type TestRegister, startTestRegister, startTestRegisterOverHttp } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';
import { startFaultProxy } from '../../test/support/fault-proxy';
import type { StreamState } from './event-stream';

describe.each(DATABASES)('a cut event stream on %s', (kind) => {
  let hub: TestHub;
  let hubUrl: string;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let register: TestRegister | undefined;

  beforeEach(async () => {
    hub = await startHub(kind);
    hubUrl = await hub.listen();
    proxy = await startFaultProxy(hubUrl);
  });
  afterEach(async () => {
    await register?.close();
    register = undefined;
    await proxy.close();
    await hub.close();
  });

  it('reopens and catches up with what the hub wrote meanwhile, without an explicit reSync', async () => {
    register = await startTestRegister({ hubUrl: proxy.url, code: 'DEMO-S1-R1' });
    const r = register;
    await r.replication.awaitInitial();
    const states: StreamState[] = [];
    const watching = r.replication.stream.state$.subscribe((s) => states.push(s));
    try {
      // The stream carries live changes: a sale by another till shows up on its own.
      const other = await startTestRegisterOverHttp(hubUrl, 'DEMO-S1-R2');
      const before = makeSale('store-1', [{ sku: 'SKU-00021', qty: 1 }], { registerId: other.registerId });
      expect(await other.push([before])).toEqual([]);
      await eventually(
        async () => (await r.db.sales.findOne(before.id).exec()) !== null,
        15_000,
        'live sale',
      );

      // Cut: every connection is refused, the open stream dies without a close frame.
      proxy.set({ down: true });
      proxy.cutStreams();
      await eventually(() => states.includes('reconnecting'), 15_000, 'the stream noticing the cut');
      const missed = makeSale('store-1', [{ sku: 'SKU-00022', qty: 2 }], { registerId: other.registerId });
      expect(await other.push([missed])).toEqual([]);
      const onHand = (await level(hub.db, 'store-1', 'SKU-00022')).onHand;
      expect(await r.db.sales.findOne(missed.id).exec()).toBeNull();

      // Back: the stream reopens by itself and the register pulls what it missed.
      // The register really tried to come back while the hub was out of reach.
      await eventually(() => proxy.stats.refused > 0, 15_000, 'a refused reconnection');
      proxy.set({ down: false });
      await eventually(
        async () => (await r.db.sales.findOne(missed.id).exec()) !== null,
        20_000,
        'missed sale',
      );
      await eventually(
        async () => (await r.db.stock.findOne('store-1:SKU-00022').exec())?.onHand === onHand,
        20_000,
        'the level the missed sale left',
      );
      expect(states.lastIndexOf('open')).toBeGreaterThan(states.indexOf('reconnecting'));
    } finally {
      watching.unsubscribe();
    }
  });
});
