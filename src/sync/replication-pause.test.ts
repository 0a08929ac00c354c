/**
 * Replication's own controls, against a real hub through a fault-injecting proxy: `awaitInSync` resolves
 * only once the hub has every sale; a push waiting out an outage stops trying when replication is paused;
 * once resumed, a push waits out the next outage again (with its own back-off, not RxDB's retry time);
 * cancelled, it stops; and a pull that gets through after an outage releases a push waiting out its back-off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_KEY } from '../../hub/src/config';
import { DATABASES, type TestHub, count, startHub } from '../../test/support/hub';
import { type TestRegister, startTestRegister } from '../../test/support/register';
import { eventually } from '../../test/support/eventually';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { type Backoff, createBackoff } from './backoff';

/** Long enough that RxDB's own retry never fires within a test: every retry seen is the back-off's. */
const RXDB_RETRY_MS = 120_000;
/** A window in which the back-off (0.5 s, then 1 s, 2 s …) retries a failed push at least twice. */
const WINDOW_MS = 2_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(DATABASES)('replication controls with a hub on %s', (kind) => {
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
  let r: TestRegister;

  beforeEach(async () => {
    hub = await startHub(kind);
    proxy = await startFaultProxy(await hub.listen());
    r = await startRegister();
  });

  afterEach(async () => {
    await r.close();
    await proxy.close();
    await hub.close();
  });

  /** A register caught up with the hub; by default RxDB never retries on its own within a test. */
  async function startRegister(options: { retryTime?: number; backoff?: Backoff } = {}) {
    const started = await startTestRegister({ hubUrl: proxy.url, retryTime: RXDB_RETRY_MS, ...options });
    await started.replication.awaitInitial();
    return started;
  }

  const salePushes = () => proxy.requests.filter((q) => q.startsWith('POST /api/v1/sync/sales/push')).length;
  const hubSales = () => count(hub.db, 'sales', 'register_id = $1', [r.enrolled.registerId]);

  it('awaitInSync resolves only once the hub has every sale rung', async () => {
    for (let i = 0; i < 20; i++) await r.sell([{ sku: 'SKU-00007', qty: 1 }]);
    await r.replication.awaitInSync();
    expect(await hubSales()).toBe(20);
  });

  it('a push waiting out an outage stops trying when replication is paused', async () => {
    proxy.set({ down: true });
    await r.sell([{ sku: 'SKU-00008', qty: 1 }]);
    await eventually(() => salePushes() >= 2, 10_000, 'the push retried behind the back-off');
    await r.replication.pause();
    const atPause = salePushes();
    await sleep(WINDOW_MS);
    // At most the attempt that was under way when it paused; a push still waiting out the outage would
    // have been released by the pause and gone on retrying every 0.5, 1, 2 s.
    expect(salePushes() - atPause).toBeLessThanOrEqual(1);
  });

  it('paused and resumed, a push waits out the next outage with the back-off again', async () => {
    await r.replication.pause();
    await r.replication.resume();
    proxy.set({ down: true });
    const before = salePushes();
    await r.sell([{ sku: 'SKU-00009', qty: 1 }]);
    await sleep(WINDOW_MS);
    // Retried within the window, not after RxDB's two-minute retry time (which a push that still thought
    // replication paused would have been handed to).
    expect(salePushes() - before).toBeGreaterThanOrEqual(2);
    proxy.set({ down: false });
    r.replication.reSync();
    await eventually(async () => (await hubSales()) === 1, 15_000, 'the sale on the hub');
  });
  it('cancelled, it stops a push that was waiting out an outage', async () => {
    proxy.set({ down: true });
    await r.sell([{ sku: 'SKU-00011', qty: 1 }]);
    await eventually(() => salePushes() >= 2, 10_000, 'the push retried behind the back-off');
    await r.replication.cancel();
    const atCancel = salePushes();
    await sleep(WINDOW_MS);
    expect(salePushes() - atCancel).toBeLessThanOrEqual(1);
  });

  it('a pull that gets through after an outage releases the push waiting out its back-off', async () => {
    await r.close();
    // Pulls are retried by RxDB every 0.3 s; a failed push waits 20 s, unless something releases it.
    const backoff = createBackoff({ baseMs: 20_000, maxMs: 20_000, jitter: 0 });
    r = await startRegister({ retryTime: 300, backoff });
    proxy.set({ down: true });
    proxy.cutStreams();
    await r.sell([{ sku: 'SKU-00013', qty: 1 }]);
    await eventually(() => backoff.failures() >= 1, 10_000, 'the push failing');
    // Pulls asked for now fail and are retried; the push released with them fails and waits 20 s anew.
    const before = salePushes();
    r.replication.reSync();
    await eventually(
      () => salePushes() > before && backoff.failures() === 1,
      10_000,
      'the push failing again',
    );
    // The hub is back, but not its event stream: only a pull can tell.
    proxy.set({ down: false, refusePath: /\/sync\/stream/ });
    await eventually(async () => (await hubSales()) === 1, 8_000, 'the sale, well before the 20 s back-off');
  });
  it('a push refused for the register itself (revoked) goes back to RxDB, not into the back-off loop', async () => {
    const revoked = await hub.app.inject({
      method: 'POST',
      url: `/api/v1/admin/registers/${r.enrolled.registerId}/revoke`,
      headers: { authorization: `Bearer ${DEMO_ADMIN_KEY}` },
    });
    expect(revoked.statusCode).toBe(200);
    const before = salePushes();
    await r.sell([{ sku: 'SKU-00014', qty: 1 }]);
    await eventually(() => salePushes() > before, 10_000, 'the refused push');
    await sleep(WINDOW_MS);
    // Waiting out an outage is for a hub that cannot be reached; a 401 is an answer, and RxDB's retry time
    // (two minutes here) decides when to ask again.
    expect(salePushes() - before).toBe(1);
  });
});
