/**
 * Live streams: a counter sale reaches the storefront stock stream with the new level — from a second
 * hub process on the same PostgreSQL too — and the registers' sync stream carries the change to the
 * store's registers only, with a checkpoint as safe as a pull's.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type TestHub,
  auth,
  level,
  pushBody,
  startHub,
  startSecondHub,
} from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';
import { openStream } from '../../test/support/sse-client';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

describe.each(DATABASES)('streams on %s', (kind) => {
  let hub: TestHub;
  let base: string;
  let token: string;
  const push = (docs: unknown[], t = token) =>
    fetch(`${base}/api/v1/sync/sales/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth(t) },
      body: JSON.stringify(pushBody(docs)),
    });

  beforeAll(async () => {
    hub = await startHub(kind);
    base = await listen(hub.app);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  it('sends a pushed sale to the storefront stock stream with the new level', async () => {
    const stream = await openStream(`${base}/api/v1/storefront/stock/stream?sku=SKU-00021`);
    try {
      const before = await level(hub.db, 'store-1', 'SKU-00021');
      expect((await push([makeSale('store-1', [{ sku: 'SKU-00021', qty: 2 }])])).status).toBe(200);
      const event = JSON.parse(await stream.waitFor((d) => d.includes('SKU-00021')));
      expect(event).toEqual({
        sku: 'SKU-00021',
        storeId: 'store-1',
        onHand: before.onHand - 2,
        reserved: 0,
        available: before.onHand - 2,
      });
    } finally {
      stream.close();
    }
  });

  it("sends RESYNC on connect, then the store's changes, and nothing of other stores", async () => {
    const mine = await openStream(`${base}/api/v1/sync/stream`, auth(token));
    const other = await openStream(
      `${base}/api/v1/sync/stream`,
      auth((await hub.enroll('DEMO-S2-R1')).token),
    );
    try {
      await mine.waitFor((d) => d === 'RESYNC');
      await other.waitFor((d) => d === 'RESYNC');
      const sale = makeSale('store-1', [{ sku: 'SKU-00022', qty: 1 }]);
      expect((await push([sale])).status).toBe(200);
      const salesEvent = JSON.parse(await mine.waitFor((d) => d.includes(sale.id)));
      expect(salesEvent.collection).toBe('sales');
      expect(salesEvent.documents.map((d: { id: string }) => d.id)).toContain(sale.id);
      expect(salesEvent.checkpoint).toEqual({ xid: expect.stringMatching(/^\d+$/), seq: expect.any(Number) });
      const stockEvent = JSON.parse(
        await mine.waitFor((d) => d.includes('"collection":"stock"') && d.includes('SKU-00022')),
      );
      // A frame may carry other levels that changed since the stream's cursor (a busy machine batches more).
      expect(stockEvent.documents).toContainEqual(
        expect.objectContaining({ id: 'store-1:SKU-00022', storeId: 'store-1' }),
      );
      // The stream's checkpoint is one a pull can continue from.
      const cp = encodeURIComponent(JSON.stringify(salesEvent.checkpoint));
      const next = await hub.app.inject({
        url: `/api/v1/sync/sales/pull?checkpoint=${cp}`,
        headers: auth(token),
      });
      expect(next.json().documents).toEqual([]);
      expect(other.events.some((d) => d.includes(sale.id) || d.includes('SKU-00022'))).toBe(false);
    } finally {
      mine.close();
      other.close();
    }
  });

  it('refuses the register stream without a token', async () => {
    const res = await fetch(`${base}/api/v1/sync/stream`);
    expect(res.status).toBe(401);
  });

  if (kind === 'postgres') {
    it('a push to one hub process reaches the stock stream of another (LISTEN/NOTIFY)', async () => {
      const second = await startSecondHub(hub.url!);
      const secondBase = await listen(second.app);
      const stream = await openStream(`${secondBase}/api/v1/storefront/stock/stream`);
      try {
        const before = await level(hub.db, 'store-1', 'SKU-00023');
        expect((await push([makeSale('store-1', [{ sku: 'SKU-00023', qty: 3 }])])).status).toBe(200);
        const event = JSON.parse(await stream.waitFor((d) => d.includes('SKU-00023')));
        expect(event.onHand).toBe(before.onHand - 3);
      } finally {
        stream.close();
        await second.close();
      }
    });
  }
});
