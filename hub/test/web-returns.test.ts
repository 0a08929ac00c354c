/**
 * Web orders returned at a counter (BORIS): the return is pushed as a sale of kind `return` naming the
 * order; the hub refunds the order's card once however often the return arrives, settles a refund that
 * was deferred (gateway unreachable, register offline) exactly once, refuses a return beyond what was
 * ordered or paid, puts resellable units back into sellable stock (with a storefront stream event) and
 * keeps damaged ones out, and shows the return on the order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReturn, type ReturnLineRequest } from '@till/shared/domain/returns';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { WebOrder } from '@till/shared/schemas/web-order';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  level,
  otherRegisterStream,
  pushBody,
  startHub,
} from '../../test/support/hub';
import { type RefundWatch, STOREFRONT, placeWebOrder, watchRefunds } from '../../test/support/web-orders';
import { openStream } from '../../test/support/sse-client';

describe.each(DATABASES)('web-order returns on %s', (kind) => {
  let hub: TestHub;
  let base: string;
  let token: string;
  let registerId: string;
  /** Every refund the gateway was asked for; its `failure` makes it unreachable or say no. */
  let refunds: RefundWatch;

  const push = (docs: unknown[]) =>
    hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody(docs),
    });

  /** Places a card-paid pickup order at store-1 and marks it collected, as the counter would. */
  async function collectedOrder(lines: { sku: string; qty: number }[]): Promise<WebOrder> {
    const order = await placeWebOrder(hub, lines, {
      customer: { email: 'returner@example.com', name: 'Rita Returner' },
    });
    await hub.db.query(
      `UPDATE web_orders SET status = 'collected', doc = jsonb_set(doc, '{status}', '"collected"') WHERE id = $1`,
      [order.id],
    );
    return { ...order, status: 'collected' };
  }

  function returnOf(order: WebOrder, requests: ReturnLineRequest[], previous: SaleDocument[] = []) {
    const built = buildReturn({
      source: { kind: 'order', order },
      previousReturns: previous,
      requests,
      context: { storeId: 'store-1', registerId, clerkId: 'staff-bob', customerId: null, currency: 'USD' },
      number: `S1-R1-${Math.floor(Math.random() * 1e6)}`,
    });
    if (!built.ok) throw new Error(built.error.message);
    return built.value;
  }

  const storedOrder = async (id: string): Promise<WebOrder> =>
    (await hub.app.inject({ url: `/api/v1/storefront/orders/${id}`, headers: STOREFRONT })).json().order;

  const refundState = async (id: string) =>
    (
      await hub.app.inject({ method: 'GET', url: `/api/v1/counter/returns/${id}`, headers: auth(token) })
    ).json().refund.refund;

  beforeAll(async () => {
    hub = await startHub(kind);
    base = await hub.listen();
    ({ token, registerId } = await hub.enroll('DEMO-S1-R1'));
    // Watch (and, when asked, cut off) the hub's own gateway.
    refunds = watchRefunds(hub);
  });
  afterAll(() => hub.close());

  it('refunds the original card once when the same return is pushed twice, even at once', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00031', qty: 2 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'resellable' }]);
    const results = await Promise.all([push([doc]), push([doc])]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect((await push([doc])).statusCode).toBe(200);

    const refund = await refundState(doc.id);
    expect(refund).toMatchObject({
      state: 'refunded',
      method: 'card',
      amount: -doc.totals.gross,
      last4: '4242',
    });
    expect(await count(hub.db, 'web_returns', 'order_id = $1', [order.id])).toBe(1);
    // Every ask carried the same key; what is left on the charge proves one refund was taken.
    expect(
      new Set(refunds.asked.filter((a) => a.idempotencyKey.endsWith(doc.id)).map((a) => a.idempotencyKey))
        .size,
    ).toBe(1);
    const left = order.payment.amount + doc.totals.gross;
    const gateway = hub.app.hub.gateway;
    const over = await gateway.refund({
      reference: order.payment.reference,
      amount: left + 1,
      idempotencyKey: 't1',
    });
    expect(over.ok).toBe(false);
    const rest = await gateway.refund({
      reference: order.payment.reference,
      amount: left,
      idempotencyKey: 't2',
    });
    expect(rest.ok).toBe(true);
  });

  it('records a refund the card refuses, raises it for a person, and never asks the card again', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00037', qty: 1 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'resellable' }]);
    refunds.failure = 'refuse';
    try {
      expect((await push([doc])).statusCode).toBe(200);
    } finally {
      refunds.failure = null;
    }
    expect(await refundState(doc.id)).toMatchObject({ state: 'refused', method: 'card' });
    const res = await hub.app.inject({
      url: '/api/v1/exceptions?kind=refund_refused&status=all&limit=1000',
      headers: auth('demo-admin-key'),
    });
    const raised = (
      res.json() as { exceptions: { saleId: string; orderId: string; message: string; details: object }[] }
    ).exceptions.filter((e) => e.saleId === doc.id);
    expect(raised).toEqual([
      expect.objectContaining({
        orderId: order.id,
        message: `return ${doc.number} of a web order could not be refunded to the card: the card account is closed`,
        details: { amount: -doc.totals.gross, code: 'refund_refused' },
      }),
    ]);
    // Pushed again: the refusal stands, the card is not asked again.
    const asks = refunds.asked.length;
    expect((await push([doc])).statusCode).toBe(200);
    expect(refunds.asked).toHaveLength(asks);
    // The goods are back in the store whatever the card says; the order shows the refund as refused.
    const shown = await storedOrder(order.id);
    expect(shown.status).toBe('returned');
    expect(shown.returns?.map((r) => r.refund)).toEqual([
      expect.objectContaining({ method: 'card', state: 'refused', code: 'refund_refused' }),
    ]);
  });

  it('settles a deferred refund once when the return arrives again', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00032', qty: 1 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'resellable' }]);
    refunds.failure = 'down';
    try {
      expect((await push([doc])).statusCode).toBe(200);
    } finally {
      refunds.failure = null;
    }
    expect(await refundState(doc.id)).toMatchObject({ state: 'pending', method: 'card' });

    expect((await push([doc])).statusCode).toBe(200);
    const settled = await refundState(doc.id);
    expect(settled).toMatchObject({ state: 'refunded', last4: '4242' });
    const before = refunds.asked.length;
    expect((await push([doc])).statusCode).toBe(200);
    expect(refunds.asked.length).toBe(before);
    expect(await refundState(doc.id)).toEqual(settled);
    // The order shows the return, fully refunded, and is returned since every unit is back.
    const shown = await hub.app.inject({
      method: 'GET',
      url: `/api/v1/storefront/orders/${order.id}`,
      headers: STOREFRONT,
    });
    expect(shown.json().order.status).toBe('returned');
    expect(shown.json().order.returns).toEqual([
      expect.objectContaining({ returnId: doc.id, refund: expect.objectContaining({ state: 'refunded' }) }),
    ]);
  });

  it('settles a refund left pending by an unreachable gateway without another push (the sweeper)', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00037', qty: 1 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'damaged' }]);
    refunds.failure = 'down';
    try {
      expect((await push([doc])).statusCode).toBe(200);
      expect(await hub.app.hub.refundSweeper.sweep(0)).toBe(0);
    } finally {
      refunds.failure = null;
    }
    expect(await refundState(doc.id)).toMatchObject({ state: 'pending' });
    expect(await hub.app.hub.refundSweeper.sweep(0)).toBe(1);
    expect(await refundState(doc.id)).toMatchObject({ state: 'refunded', last4: '4242' });
    expect(await hub.app.hub.refundSweeper.sweep(0)).toBe(0);
  });

  it('refuses a return beyond what was ordered and paid, applying nothing', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00033', qty: 1 }]);
    const lineId = order.lines[0]!.lineId;
    const first = returnOf(order, [{ lineId, qty: 1, disposition: 'resellable' }]);
    expect((await push([first])).statusCode).toBe(200);
    // Built without knowing of the first (as a second register offline would): the unit is back already.
    const second = returnOf(order, [{ lineId, qty: 1, disposition: 'resellable' }]);
    const stock = await level(hub.db, 'store-1', 'SKU-00033');
    const res = await push([second]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.documents).toEqual([
      {
        id: second.id,
        code: 'return_exceeds_sold',
        message: `order ${order.number} had 1 of SKU-00033; 2 would be returned`,
      },
      {
        id: second.id,
        code: 'refund_exceeds_paid',
        message: `order ${order.number} was paid ${order.payment.amount}; ${order.payment.amount} is refunded already and this return asks ${order.payment.amount}`,
      },
    ]);
    expect(await count(hub.db, 'sales', 'id = $1', [second.id])).toBe(0);
    expect(await level(hub.db, 'store-1', 'SKU-00033')).toEqual(stock);
    expect(refunds.asked.some((a) => a.idempotencyKey.endsWith(second.id))).toBe(false);
  });

  it('refuses a return of an unknown order or one not yet handed over', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00034', qty: 1 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'resellable' }]);
    const unknown = { ...doc, returnOf: { orderId: 'no-such-order' } };
    expect((await push([unknown])).json().error.documents).toEqual([
      { id: doc.id, code: 'unknown_order', message: 'no web order no-such-order' },
    ]);
    await hub.db.query(`UPDATE web_orders SET status = 'placed' WHERE id = $1`, [order.id]);
    await hub.db.query(`UPDATE web_orders SET doc = jsonb_set(doc, '{status}', '"placed"') WHERE id = $1`, [
      order.id,
    ]);
    expect((await push([doc])).json().error.documents).toEqual([
      {
        id: doc.id,
        code: 'order_not_returnable',
        message: `order ${order.number} is placed: only a collected or shipped order comes back`,
      },
    ]);
  });

  it('refuses a return in another currency, of a line the order lacks, or refunded to another card', async () => {
    const order = await collectedOrder([{ sku: 'SKU-00038', qty: 1 }]);
    const doc = returnOf(order, [{ lineId: order.lines[0]!.lineId, qty: 1, disposition: 'resellable' }]);
    const problemsOf = async (tampered: SaleDocument) => {
      const res = await push([tampered]);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.documents as { code: string; message: string }[];
    };
    expect(await problemsOf({ ...doc, currency: 'EUR' })).toContainEqual({
      id: doc.id,
      code: 'currency_mismatch',
      message: `order ${order.number} is in USD`,
    });
    const otherLine = { ...doc, lines: doc.lines.map((l) => ({ ...l, returnOfLineId: '99' })) };
    expect(await problemsOf(otherLine)).toContainEqual({
      id: doc.id,
      code: 'line_not_found',
      message: `order ${order.number} has no line 99`,
    });
    const otherCard = {
      ...doc,
      tenders: doc.tenders.map((t) => (t.method === 'card' ? { ...t, reference: 'ch_someone_else' } : t)),
    };
    expect(await problemsOf(otherCard)).toEqual([
      {
        id: doc.id,
        code: 'refund_wrong_payment',
        message: 'a card refund goes back to the order’s own charge',
      },
    ]);
    expect(await count(hub.db, 'sales', 'id = $1', [doc.id])).toBe(0);
  });

  it('shows every return on its order and makes it returned once every unit is back, telling the store', async () => {
    const other = await otherRegisterStream(hub, 'DEMO-S1-R2');
    try {
      const order = await collectedOrder([
        { sku: 'SKU-00039', qty: 2 },
        { sku: 'SKU-00038', qty: 1 },
      ]);
      const [one, two] = order.lines.map((l) => l.lineId);
      const first = returnOf(order, [{ lineId: one!, qty: 1, disposition: 'resellable' }]);
      expect((await push([first])).statusCode).toBe(200);
      const partly = await storedOrder(order.id);
      expect(partly.status).toBe('collected');
      expect(partly.returns?.map((r) => r.lines)).toEqual([
        [{ lineId: one, qty: 1, disposition: 'resellable' }],
      ]);
      await other.waitFor((d) => d.includes('"collection":"orders"') && d.includes(first.id));

      const rest = returnOf(
        order,
        [
          { lineId: one!, qty: 1, disposition: 'damaged' },
          { lineId: two!, qty: 1, disposition: 'resellable' },
        ],
        [first],
      );
      expect((await push([rest])).statusCode).toBe(200);
      const all = await storedOrder(order.id);
      expect(all.status).toBe('returned');
      expect(all.returns).toHaveLength(2);
    } finally {
      other.close();
    }
  });

  it('puts resellable units back into sellable stock at once (stream event) and keeps damaged ones out', async () => {
    const order = await collectedOrder([
      { sku: 'SKU-00035', qty: 1 },
      { sku: 'SKU-00036', qty: 1 },
    ]);
    const [good, bad] = order.lines;
    const before = {
      good: await level(hub.db, 'store-1', 'SKU-00035'),
      bad: await level(hub.db, 'store-1', 'SKU-00036'),
    };
    const stream = await openStream(`${base}/api/v1/storefront/stock/stream?sku=SKU-00035`);
    try {
      const doc = returnOf(order, [
        { lineId: good!.lineId, qty: 1, disposition: 'resellable' },
        { lineId: bad!.lineId, qty: 1, disposition: 'damaged' },
      ]);
      expect((await push([doc])).statusCode).toBe(200);
      const event = JSON.parse(
        await stream.waitFor(
          (d) => d.includes('SKU-00035') && d.includes(`"onHand":${before.good.onHand + 1}`),
        ),
      );
      expect(event).toMatchObject({ sku: 'SKU-00035', storeId: 'store-1', onHand: before.good.onHand + 1 });
    } finally {
      stream.close();
    }
    expect(await level(hub.db, 'store-1', 'SKU-00035')).toEqual({
      ...before.good,
      onHand: before.good.onHand + 1,
    });
    expect(await level(hub.db, 'store-1', 'SKU-00036')).toEqual(before.bad);
    expect(await count(hub.db, 'stock_movements', "sku = 'SKU-00036' AND reason = 'return_damaged'")).toBe(1);
  });
});
