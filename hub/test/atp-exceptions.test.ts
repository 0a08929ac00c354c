/**
 * Available-to-promise and exceptions: the web's buffer grows while a store's registers are out of
 * contact (time × that store's recent sales rate) and falls back to the floor when they return; oversells
 * found when an outage's sales arrive are listed at GET /api/v1/exceptions behind the admin key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, level, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

const ADMIN = { authorization: 'Bearer demo-admin-key' };

describe.each(DATABASES)('available-to-promise and exceptions on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  const push = (docs: unknown[]) =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody(docs),
    });
  const webAvailable = async (sku: string) => {
    const res = await hub.app.inject({ url: `/api/v1/storefront/stock?sku=${sku}` });
    return res.json().stores.find((s: { storeId: string }) => s.storeId === 'store-1').available as number;
  };

  beforeAll(async () => {
    hub = await startHub(kind, { atp: { floorUnits: 1, graceSeconds: 60, rateWindowHours: 24 } });
    ({ token } = await hub.enroll('DEMO-S1-R1'));
  });
  afterAll(() => hub.close());

  it('grows the buffer while the store is out of contact and shrinks it when it returns', async () => {
    // 24 units over the last day: a rate of one an hour.
    const hourAgo = new Date(Date.now() - 3600_000).toISOString();
    expect(
      (await push([makeSale('store-1', [{ sku: 'SKU-00035', qty: 24 }], { createdAt: hourAgo })])).statusCode,
    ).toBe(200);
    const { onHand } = await level(hub.db, 'store-1', 'SKU-00035');
    await hub.app.hub.atp.refresh();
    expect(await webAvailable('SKU-00035')).toBe(onHand - 1);

    const returning = await hub.enroll('DEMO-S1-R2');
    // Ten and a half hours (plus the grace minute) without a word from any register of store-1: 11 units held.
    await hub.db.query(
      "UPDATE registers SET last_seen_at = now() - interval '10 hours 31 minutes' WHERE store_id = 'store-1'",
    );
    await hub.app.hub.atp.refresh();
    expect(await webAvailable('SKU-00035')).toBe(onHand - 11);
    // A SKU the store has not sold keeps the floor.
    const quiet = await level(hub.db, 'store-1', 'SKU-00036');
    expect(await webAvailable('SKU-00036')).toBe(quiet.onHand - 1);

    // A register comes back (any sync call is contact).
    await hub.app.inject({ url: '/api/v1/sync/products/pull?limit=1', headers: auth(returning.token) });
    await expect
      .poll(async () => {
        const rows = await hub.db.query<{ ok: boolean }>(
          "SELECT last_seen_at > now() - interval '1 minute' AS ok FROM registers WHERE id = $1",
          [returning.registerId],
        );
        return rows[0]?.ok;
      })
      .toBe(true);
    await hub.app.hub.atp.refresh();
    expect(await webAvailable('SKU-00035')).toBe(onHand - 1);
  });

  it('lists oversells found on reconciliation, behind the admin key', async () => {
    const { onHand } = await level(hub.db, 'store-1', 'SKU-00037');
    // Sales made during an outage arrive together and take more than the hub thought was there.
    const offline = [1, 2].map(() =>
      makeSale('store-1', [{ sku: 'SKU-00037', qty: Math.ceil(onHand / 2) + 1 }]),
    );
    expect((await push(offline)).statusCode).toBe(200);
    expect((await hub.app.inject({ url: '/api/v1/exceptions' })).statusCode).toBe(401);
    expect((await hub.app.inject({ url: '/api/v1/exceptions', headers: auth(token) })).statusCode).toBe(401);
    const list = await hub.app.inject({ url: '/api/v1/exceptions?kind=oversold', headers: ADMIN });
    const found = list.json().exceptions.find((e: { sku: string }) => e.sku === 'SKU-00037');
    expect(found).toMatchObject({ kind: 'oversold', storeId: 'store-1', status: 'open' });
    expect(found.details.saleIds.sort()).toEqual(offline.map((s) => s.id).sort());
    const resolved = await hub.app.inject({
      method: 'POST',
      url: `/api/v1/exceptions/${found.id}/resolve`,
      headers: ADMIN,
      payload: { resolution: 'moved 5 units from store-2' },
    });
    expect(resolved.statusCode).toBe(200);
    const open = await hub.app.inject({ url: '/api/v1/exceptions?kind=oversold', headers: ADMIN });
    expect(open.json().exceptions.some((e: { id: number }) => e.id === found.id)).toBe(false);
  });
});
