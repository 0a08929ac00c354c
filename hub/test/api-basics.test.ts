/** Health, routing errors and the storefront catalogue reads, on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidEan13 } from '@till/shared/schemas/product';
import { DATABASES, type TestHub, auth, startHub } from '../../test/support/hub';

describe.each(DATABASES)('API basics on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub(kind);
  });
  afterAll(() => hub.close());

  it('GET /health names the database', async () => {
    const res = await hub.app.inject({ url: '/health' });
    expect(res.json()).toEqual({ ok: true, db: kind });
  });

  it('answers unknown routes, hub-owned and push-only collections with coded errors', async () => {
    const missing = await hub.app.inject({ url: '/api/v1/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const { token } = await hub.enroll();
    const push = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/products/push',
      headers: auth(token),
      payload: [],
    });
    expect(push.statusCode).toBe(405);
    expect(push.json().error.code).toBe('not_pushable');
    // Shifts are push-only in the sync protocol: never pulled (and so never streamed).
    const pull = await hub.app.inject({ url: '/api/v1/sync/shifts/pull', headers: auth(token) });
    expect(pull.statusCode).toBe(405);
    expect(pull.json().error.code).toBe('not_pullable');
    // Each refusal names the collection and why, for the register's log and the installer reading it.
    expect(push.json().error.message).toBe('products is written only by the hub');
    expect(pull.json().error.message).toBe('shifts is push-only');
    const unknown = await hub.app.inject({ url: '/api/v1/sync/nope/pull', headers: auth(token) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({
      code: 'unknown_collection',
      message: 'no collection "nope"',
    });
  });

  it('lists products with valid EAN-13 barcodes and searches by name, SKU and barcode', async () => {
    const all = (await hub.app.inject({ url: '/api/v1/storefront/products?limit=500' })).json().products;
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((p: { barcodes: string[] }) => p.barcodes.every(isValidEan13))).toBe(true);
    const first = all[0];
    const byName = (
      await hub.app.inject({
        url: `/api/v1/storefront/products?q=${encodeURIComponent(first.name.slice(0, 8))}`,
      })
    ).json();
    expect(byName.products.map((p: { sku: string }) => p.sku)).toContain(first.sku);
    const byBarcode = (
      await hub.app.inject({ url: `/api/v1/storefront/products?q=${first.barcodes[0]}` })
    ).json();
    expect(byBarcode.products).toEqual([first]);
    const wild = (await hub.app.inject({ url: '/api/v1/storefront/products?q=%25' })).json();
    expect(wild.products).toEqual([]);
  });

  it('gives stock per store and in total, 404 for an unknown SKU', async () => {
    const res = (await hub.app.inject({ url: '/api/v1/storefront/stock?sku=SKU-00002' })).json();
    expect(res.stores.map((s: { storeId: string }) => s.storeId)).toEqual(['store-1', 'store-2']);
    expect(res.total.onHand).toBe(res.stores[0].onHand + res.stores[1].onHand);
    expect((await hub.app.inject({ url: '/api/v1/storefront/stock?sku=NOPE' })).statusCode).toBe(404);
    expect((await hub.app.inject({ url: '/api/v1/storefront/stock' })).statusCode).toBe(400);
  });

  it('serves the demo storefront page', async () => {
    const res = await hub.app.inject({ url: '/storefront/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
