/**
 * The edge's refusals, on both databases, each a coded error that changes nothing: an Idempotency-Key
 * reused with another order (422), a body in a charset other than UTF-8 (415), an over-long path
 * parameter (414, the one error shape, the URL not echoed), a NUL or an unpaired surrogate in any input
 * (400), and a value PostgreSQL refuses that got past the schemas (SQLSTATE class 22: 400, never 500).
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../src/http/error-handler';
import { DATABASES, type TestHub, auth, count, level, startHub } from '../../test/support/hub';

const KEY = { authorization: 'Bearer demo-storefront-key' };

const order = (lines: { sku: string; qty: number }[], name = 'Sam Shopper') => ({
  customer: { email: 'edge@example.com', name },
  lines,
  fulfilment: { type: 'pickup', storeId: 'store-1' },
  payment: { method: 'card', token: 'tok_visa' },
});

describe.each(DATABASES)('edge errors on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  const place = (body: object, headers: Record<string, string>) =>
    hub.app.inject({ method: 'POST', url: '/api/v1/storefront/orders', headers, payload: body });

  it('an Idempotency-Key reused with another order is 422 naming what differs; the same order is 201', async () => {
    const headers = { ...KEY, 'idempotency-key': 'edge-key-0001' };
    const first = await place(order([{ sku: 'SKU-00031', qty: 1 }]), headers);
    expect(first.statusCode).toBe(201);
    const reserved = (await level(hub.db, 'store-1', 'SKU-00031')).reserved;

    const other = await place(order([{ sku: 'SKU-00031', qty: 5 }]), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({
      code: 'idempotency_mismatch',
      mismatch: ['lines'],
      orderId: first.json().orderId,
    });
    expect(other.json().error.message).toContain('lines');
    const renamed = await place(order([{ sku: 'SKU-00031', qty: 1 }], 'Someone Else'), headers);
    expect(renamed.json().error).toMatchObject({ code: 'idempotency_mismatch', mismatch: ['customer'] });

    const again = await place(order([{ sku: 'SKU-00031', qty: 1 }]), headers);
    expect(again.statusCode).toBe(201);
    expect(again.json().orderId).toBe(first.json().orderId);
    expect((await level(hub.db, 'store-1', 'SKU-00031')).reserved).toBe(reserved);
    expect(await count(hub.db, 'web_orders')).toBe(1);
  });

  it('two requests racing with one Idempotency-Key place one order, and both get it', async () => {
    const headers = { ...KEY, 'idempotency-key': 'edge-race-0001' };
    const before = (await level(hub.db, 'store-1', 'SKU-00032')).reserved;
    const [a, b] = await Promise.all([
      place(order([{ sku: 'SKU-00032', qty: 1 }]), headers),
      place(order([{ sku: 'SKU-00032', qty: 1 }]), headers),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().orderId).toBe(a.json().orderId);
    expect((await level(hub.db, 'store-1', 'SKU-00032')).reserved).toBe(before + 1);
    // The one charge stands: the loser did not refund the winner's payment.
    const refunds = await hub.app.hub.gateway.refund({
      reference: a.json().order.payment.reference,
      amount: a.json().order.payment.amount,
      idempotencyKey: 'edge-race-probe',
    });
    expect(refunds.ok).toBe(true);
  });

  it('415 for a JSON body in a charset other than UTF-8; UTF-8 is fine', async () => {
    const enroll = (contentType: string) =>
      hub.app.inject({
        method: 'POST',
        url: '/api/v1/registers/enroll',
        headers: { 'content-type': contentType },
        payload: JSON.stringify({ code: 'DEMO-S1-R2', name: 'charset' }),
      });
    const before = await count(hub.db, 'registers');
    for (const type of ['application/json; charset=utf-16', 'application/json;charset="latin1"']) {
      const res = await enroll(type);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    }
    expect(await count(hub.db, 'registers')).toBe(before);
    expect((await enroll('application/json; charset=UTF-8')).statusCode).toBe(201);
    expect((await enroll('application/json')).statusCode).toBe(201);
  });

  it('414 for an over-long path parameter, in the one error shape, without echoing the URL', async () => {
    const long = 'x'.repeat(300);
    for (const url of [`/api/v1/storefront/orders/${long}`, `/api/v1/counter/customers/${long}/history`]) {
      const res = await hub.app.inject({ url, headers: { ...KEY, ...auth(token) } });
      expect(res.statusCode).toBe(414);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.json().error).toEqual({ code: 'uri_too_long', message: expect.any(String) });
      expect(res.body).not.toContain('xxxxxxxxxx');
    }
  });

  describe('a NUL byte or an unpaired surrogate in any input is a coded 400 that changes nothing', () => {
    const NUL = '\u0000';
    const cases: [string, () => Promise<{ statusCode: number; json: () => { error: { code: string } } }>][] =
      [
        ['enrollment code', () => enroll({ code: `DEMO-S1-R1${NUL}`, name: 'n' })],
        ['enrollment name', () => enroll({ code: 'DEMO-S1-R1', name: `till${NUL}` })],
        ['enrollment name (lone surrogate)', () => enroll({ code: 'DEMO-S1-R1', name: 'till\uD800' })],
        [
          'counter customer e-mail',
          () => get(`/api/v1/counter/customers?email=a%00b@example.com`, auth(token)),
        ],
        ['counter customer phone', () => get(`/api/v1/counter/customers?phone=555%000`, auth(token))],
        ['counter order number', () => get(`/api/v1/counter/orders?number=W%00`, auth(token))],
        ['counter customer id', () => get(`/api/v1/counter/customers/cus%00/history`, auth(token))],
        ['storefront q', () => get('/api/v1/storefront/products?q=Oat%00')],
        ['storefront sku', () => get('/api/v1/storefront/stock?sku=SKU-00001%00')],
        ['order SKU', () => post('/api/v1/storefront/orders', order([{ sku: `SKU-00001${NUL}`, qty: 1 }]))],
        [
          'order name',
          () => post('/api/v1/storefront/orders', order([{ sku: 'SKU-00001', qty: 1 }], `A${NUL}`)),
        ],
        ['order id', () => get('/api/v1/storefront/orders/W%00001', KEY)],
        [
          'event sessionId',
          () => post('/api/v1/storefront/events', { type: 'product_view', sessionId: `s${NUL}` }),
        ],
        [
          'a key of the body',
          () =>
            post('/api/v1/storefront/events', { type: 'product_view', sessionId: 's-key', [`x${NUL}`]: 1 }),
        ],
        ['admin store id', () => adminPost('/api/v1/admin/enrollment-codes', { storeId: `store-1${NUL}` })],
        ['exception resolution', () => adminPost('/api/v1/exceptions/1/resolve', { resolution: `ok${NUL}` })],
      ];

    const get = (url: string, headers: Record<string, string> = {}) => hub.app.inject({ url, headers });
    const post = (url: string, payload: object) =>
      hub.app.inject({ method: 'POST', url, headers: KEY, payload });
    const adminPost = (url: string, payload: object) =>
      hub.app.inject({ method: 'POST', url, headers: { authorization: 'Bearer demo-admin-key' }, payload });
    const enroll = (payload: object) =>
      hub.app.inject({ method: 'POST', url: '/api/v1/registers/enroll', payload });

    it.each(cases)('%s', async (_input, send) => {
      const tables = ['registers', 'web_orders', 'customer_events', 'enrollment_codes'];
      const before = await Promise.all(tables.map((t) => count(hub.db, t)));
      const res = await send();
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(await Promise.all(tables.map((t) => count(hub.db, t)))).toEqual(before);
    });
  });

  it('a value the database refuses is 400 invalid_request, never 500', async () => {
    // Year 0 passes the timestamp's schema but not PostgreSQL (SQLSTATE 22008).
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/storefront/events',
      headers: KEY,
      payload: { type: 'product_view', sessionId: 'edge-s1', at: '0000-01-01T00:00:00.000Z' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');

    // And whatever statement meets a class-22 error, the one error handler answers 400.
    const app = Fastify();
    await app.register(errorHandler);
    app.get('/cast', async () => hub.db.query("SELECT 'not a number'::int AS n"));
    const cast = await app.inject({ url: '/cast' });
    expect(cast.statusCode).toBe(400);
    expect(cast.json().error.code).toBe('invalid_request');
    await app.close();
  });
});
