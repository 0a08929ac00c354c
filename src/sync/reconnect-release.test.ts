/**
 * The first sale after an outage is not held back by the back-off: against a real hub (PGlite) behind the
 * fault proxy, a sale rung while the hub is unreachable waits behind a back-off of ten minutes. The event
 * stream stays open throughout (the proxy refuses only new requests), so its reopening cannot be what
 * releases it. Once the hub is reachable, `reSync()` (the network is back) must send the sale at once;
 * the test gives it 30 seconds, a twentieth of the back-off it would otherwise wait out.
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestHub, count, startHub } from '../../test/support/hub';
import { openNodeEventStream } from '../../test/support/register';
import { makeSale } from '../../test/support/sales';
import { eventually } from '../../test/support/eventually';
import { startFaultProxy } from '../../test/support/fault-proxy';
import { createBackoff } from './backoff';
import { type TillDatabase, openTillDatabase } from './database';
import { createHubClient } from './hub-client';
import { recordSale } from './record-sale';
import { type Replication, startReplication } from './replication';

const storage = getRxStorageMemory();

describe('after an outage', () => {
  let hub: TestHub | undefined;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>> | undefined;
  let db: TillDatabase | undefined;
  let replication: Replication | undefined;

  afterEach(async () => {
    await replication?.cancel();
    await db?.remove();
    await proxy?.close();
    await hub?.close();
  });

  it('sends the sale waiting behind the back-off as soon as reSync says the network is back', async () => {
    hub = await startHub('pglite');
    proxy = await startFaultProxy(await hub.listen());
    let token: string | null = null;
    const client = createHubClient({ baseUrl: proxy.url, token: () => token, fetch, timeoutMs: 10_000 });
    const enrolled = await client.enroll('DEMO-S1-R1', 'reconnect-release');
    token = enrolled.token;
    db = await openTillDatabase({ name: `rr${Math.random().toString(36).slice(2, 10)}`, storage });
    const backoff = createBackoff({ baseMs: 600_000, maxMs: 600_000, jitter: 0 });
    replication = startReplication({
      db,
      client,
      token: () => token,
      openEventStream: openNodeEventStream,
      retryTime: 100,
      identifier: 'reconnect-release',
      backoff,
    });
    await replication.awaitInitial();

    proxy.set({ down: true });
    const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }], { registerId: enrolled.registerId });
    const recorded = await recordSale(db, sale);
    expect(recorded.ok).toBe(true);
    // The push has failed and now waits out the back-off (ten minutes).
    await eventually(() => backoff.delay() >= 480_000, 15_000, 'the push to fail and back off');
    const live = hub;
    expect(await count(live.db, 'sales', 'id = $1', [sale.id])).toBe(0);

    proxy.set({ down: false });
    replication.reSync();
    await eventually(
      async () => (await count(live.db, 'sales', 'id = $1', [sale.id])) === 1,
      30_000,
      'the sale on the hub',
    );
  }, 120_000);
});
