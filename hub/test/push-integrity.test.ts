/**
 * Push integrity (hub/README.md, Push integrity): no register writes over another store's documents,
 * whatever id it sends (403 `forbidden_store` naming the documents, nothing of the other store in the
 * answer, nothing applied), and an id that is already taken by other content is a 409 `id_conflict` —
 * never a silent 200 — while the same document re-sent stays an idempotent 200. Both collisions are
 * recorded as `id_collision` exceptions, which outlive the refused request.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type TestHub,
  auth,
  count,
  ledgerMismatches,
  level,
  pushBody,
  startHub,
} from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

interface Problem {
  id: string | null;
  code: string;
  message: string;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

const shiftDoc = (storeId: string, id = `shift-${randomUUID()}`) => ({
  id,
  storeId,
  registerId: `reg-${storeId}`,
  clerkId: 'staff-x',
  status: 'open',
  currency: 'USD',
  openedAt: later(0),
  openingFloat: 10_000,
  closedAt: null,
  closedBy: null,
  expectedCash: null,
  countedCash: null,
  updatedAt: later(0),
});

const auditDoc = (storeId: string, id = randomUUID(), action = 'sign_in') => ({
  id,
  storeId,
  registerId: `reg-${storeId}`,
  staffId: null,
  action,
  at: later(0),
  details: { note: 'ok' },
});

const customerDoc = (id: string) => ({
  id,
  email: `${id}@example.com`,
  name: 'Pat Counter',
  phone: null,
  consent: { personalization: false, marketing: false, updatedAt: later(0) },
  loyaltyPoints: 0,
  createdAt: later(0),
  updatedAt: later(0),
});

describe.each(DATABASES)('push integrity on %s', (kind) => {
  let hub: TestHub;
  let s1: string;
  let s2: string;

  const push = (collection: string, rows: unknown[], token: string) =>
    hub.app.inject({
      method: 'POST',
      url: `/api/v1/sync/${collection}/push`,
      headers: auth(token),
      payload: rows,
    });
  const pushNew = (collection: string, docs: unknown[], token: string) =>
    push(collection, pushBody(docs), token);
  const problems = (res: { json(): unknown }) =>
    (res.json() as { error: { documents?: Problem[] } }).error.documents ?? [];
  const collisions = async () => {
    const res = await hub.app.inject({
      url: '/api/v1/exceptions?kind=id_collision&status=all&limit=1000',
      headers: auth('demo-admin-key'),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (
      res.json() as {
        exceptions: {
          storeId: string;
          saleId: string | null;
          message: string;
          details: Record<string, unknown>;
        }[];
      }
    ).exceptions;
  };
  const collisionsOf = async (id: string) =>
    (await collisions()).filter((e) => e.details.id === id || e.saleId === id);

  beforeAll(async () => {
    hub = await startHub(kind);
    s1 = (await hub.enroll('DEMO-S1-R1')).token;
    s2 = (await hub.enroll('DEMO-S2-R1')).token;
  });
  afterAll(() => hub.close());

  describe('another store’s documents are refused (403), named, and never leaked', () => {
    it('shifts: a reused id gets no conflict answer and cannot overwrite the other store’s shift', async () => {
      const mine = { ...shiftDoc('store-1'), countedCash: null };
      expect((await pushNew('shifts', [mine], s1)).json()).toEqual([]);

      const attack = shiftDoc('store-2', mine.id);
      const first = await pushNew('shifts', [attack], s2);
      expect(first.statusCode, first.body).toBe(403);
      expect(first.json().error.code).toBe('forbidden_store');
      expect(problems(first)).toEqual([
        { id: mine.id, code: 'forbidden_store', message: expect.any(String) },
      ]);
      // Nothing of store-1's shift comes back.
      expect(first.body).not.toContain('store-1');
      expect(first.body).not.toContain('reg-store-1');

      // Even knowing the master state exactly, the overwrite is refused.
      const closed = {
        ...attack,
        status: 'closed',
        closedAt: later(1000),
        closedBy: 'staff-y',
        expectedCash: 0,
        countedCash: 0,
        updatedAt: later(1000),
      };
      const second = await push('shifts', [{ assumedMasterState: mine, newDocumentState: closed }], s2);
      expect(second.statusCode, second.body).toBe(403);
      const rows = await hub.db.query<{ store_id: string; status: string; doc: { storeId: string } }>(
        'SELECT store_id, status, doc FROM shifts WHERE id = $1',
        [mine.id],
      );
      expect(rows).toEqual([{ store_id: 'store-1', status: 'open', doc: mine }]);
      // Recorded for a person, though the request itself was refused and rolled back.
      const recorded = await collisionsOf(mine.id);
      expect(recorded.length).toBeGreaterThanOrEqual(1);
      expect(recorded[0]).toMatchObject({ storeId: 'store-2' });
      expect(recorded[0]!.details).toMatchObject({ collection: 'shifts', refusal: 'forbidden_store' });
    });

    it('sales: a sale reusing another store’s id is refused with the rest of its request', async () => {
      const theirs = makeSale('store-1', [{ sku: 'SKU-00011', qty: 1 }]);
      expect((await pushNew('sales', [theirs], s1)).statusCode).toBe(200);
      const before = await level(hub.db, 'store-2', 'SKU-00011');

      const good = makeSale('store-2', [{ sku: 'SKU-00011', qty: 1 }]);
      const reused = makeSale('store-2', [{ sku: 'SKU-00011', qty: 5 }], { id: theirs.id });
      const res = await pushNew('sales', [good, reused], s2);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden_store');
      expect(problems(res)).toEqual([
        { id: theirs.id, code: 'forbidden_store', message: expect.any(String) },
      ]);
      expect(res.body).not.toContain(theirs.number);
      expect(await count(hub.db, 'sales', 'id = $1', [good.id])).toBe(0);
      expect(await level(hub.db, 'store-2', 'SKU-00011')).toEqual(before);
      const stored = await hub.db.query<{ store_id: string; doc: unknown }>(
        'SELECT store_id, doc FROM sales WHERE id = $1',
        [theirs.id],
      );
      expect(stored).toEqual([{ store_id: 'store-1', doc: theirs }]);

      const recorded = await collisionsOf(theirs.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({ storeId: 'store-2', saleId: theirs.id });
      expect(recorded[0]!.details).toMatchObject({
        collection: 'sales',
        refusal: 'forbidden_store',
        existing: { storeId: 'store-1', number: theirs.number },
        pushed: { storeId: 'store-2', number: reused.number },
      });
      // The register retries until it quarantines: the same refusal is not recorded twice.
      expect((await pushNew('sales', [reused], s2)).statusCode).toBe(403);
      expect(await collisionsOf(theirs.id)).toHaveLength(1);
    });

    it('customers: another store’s customer cannot be edited, and the 403 names it', async () => {
      const id = `cust-${randomUUID()}`;
      const doc = customerDoc(id);
      expect((await pushNew('customers', [doc], s1)).json()).toEqual([]);
      const edit = { ...doc, name: 'Someone Else', updatedAt: later(1000) };
      const res = await push('customers', [{ assumedMasterState: doc, newDocumentState: edit }], s2);
      expect(res.statusCode, res.body).toBe(403);
      expect(problems(res)).toEqual([{ id, code: 'forbidden_store', message: expect.any(String) }]);
      expect(res.body).not.toContain(doc.email);
      const rows = await hub.db.query<{ name: string; home_store_id: string }>(
        'SELECT name, home_store_id FROM customers WHERE id = $1',
        [id],
      );
      expect(rows).toEqual([{ name: 'Pat Counter', home_store_id: 'store-1' }]);
      expect(await collisionsOf(id)).toHaveLength(1);
    });

    it('orders: another store’s pickup order cannot be moved, and the 403 names it', async () => {
      const placed = await hub.app.inject({
        method: 'POST',
        url: '/api/v1/storefront/orders',
        headers: { authorization: 'Bearer demo-storefront-key' },
        payload: {
          customer: { email: 'integrity@example.com', name: 'Ivy Integrity' },
          lines: [{ sku: 'SKU-00012', qty: 1 }],
          fulfilment: { type: 'pickup', storeId: 'store-1' },
          payment: { method: 'card', token: 'tok_visa' },
        },
      });
      expect(placed.statusCode, placed.body).toBe(201);
      const order = placed.json().order;
      const cancel = { ...order, status: 'cancelled', updatedAt: later(1000) };
      const res = await push('orders', [{ assumedMasterState: order, newDocumentState: cancel }], s2);
      expect(res.statusCode, res.body).toBe(403);
      expect(problems(res)).toEqual([{ id: order.id, code: 'forbidden_store', message: expect.any(String) }]);
      expect(res.body).not.toContain('integrity@example.com');
      const rows = await hub.db.query<{ status: string }>('SELECT status FROM web_orders WHERE id = $1', [
        order.id,
      ]);
      expect(rows).toEqual([{ status: 'placed' }]);
      expect(await collisionsOf(order.id)).toHaveLength(1);
    });

    it('audit: an entry reusing another store’s id is refused, not silently dropped', async () => {
      const theirs = auditDoc('store-1');
      expect((await pushNew('audit', [theirs], s1)).statusCode).toBe(200);
      const fresh = auditDoc('store-2');
      const res = await pushNew('audit', [fresh, auditDoc('store-2', theirs.id, 'sign_out')], s2);
      expect(res.statusCode, res.body).toBe(403);
      expect(problems(res)).toEqual([
        {
          id: theirs.id,
          code: 'forbidden_store',
          message: `audit ${theirs.id} is not this store's; this register cannot write it`,
        },
      ]);
      expect(await count(hub.db, 'audit', 'id = $1', [fresh.id])).toBe(0);
      const rows = await hub.db.query<{ store_id: string }>('SELECT store_id FROM audit WHERE id = $1', [
        theirs.id,
      ]);
      expect(rows).toEqual([{ store_id: 'store-1' }]);
      const recorded = await collisionsOf(theirs.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.details).toMatchObject({
        collection: 'audit',
        refusal: 'forbidden_store',
        pushed: { storeId: 'store-2', registerId: 'reg-store-2', action: 'sign_out' },
      });
    });
  });

  describe('an id taken by other content is a 409 id_conflict; the same document again is a no-op', () => {
    it('sales: re-sent as it was (in any key order) is applied once; changed content is refused', async () => {
      const sale = makeSale('store-1', [{ sku: 'SKU-00013', qty: 2 }]);
      const before = await level(hub.db, 'store-1', 'SKU-00013');
      expect((await pushNew('sales', [sale], s1)).json()).toEqual([]);
      // The same document as JSON, whatever the order of its keys.
      const reordered = Object.fromEntries(Object.entries(sale).reverse());
      const again = await pushNew('sales', [reordered], s1);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual([]);
      expect(await count(hub.db, 'stock_movements', 'sale_id = $1', [sale.id])).toBe(1);

      const other = makeSale('store-1', [{ sku: 'SKU-00013', qty: 1 }]);
      const changed = makeSale('store-1', [{ sku: 'SKU-00013', qty: 7 }], { id: sale.id });
      const res = await pushNew('sales', [other, changed], s1);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('id_conflict');
      expect(problems(res)).toEqual([{ id: sale.id, code: 'id_conflict', message: expect.any(String) }]);
      expect(await count(hub.db, 'sales', 'id = $1', [other.id])).toBe(0);
      expect(await level(hub.db, 'store-1', 'SKU-00013')).toEqual({
        onHand: before.onHand - 2,
        reserved: before.reserved,
      });
      const recorded = await collisionsOf(sale.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.details).toMatchObject({
        collection: 'sales',
        refusal: 'id_conflict',
        existing: { storeId: 'store-1', number: sale.number, gross: sale.totals.gross },
        pushed: { storeId: 'store-1', number: changed.number, gross: changed.totals.gross },
      });
      expect(await ledgerMismatches(hub.db)).toEqual([]);
    });

    it('sales: two concurrent pushes of one id with different content — one wins, the other is told', async () => {
      const a = makeSale('store-1', [{ sku: 'SKU-00014', qty: 1 }]);
      const b = makeSale('store-1', [{ sku: 'SKU-00014', qty: 3 }], { id: a.id });
      const filler = Array.from({ length: 5 }, () => makeSale('store-1', [{ sku: 'SKU-00015', qty: 1 }]));
      // Sent together so the group commit sees them in one queue.
      const answers = await Promise.all([
        pushNew('sales', [filler[0]], s1),
        pushNew('sales', [a], s1),
        pushNew('sales', [filler[1], b], s1),
        pushNew('sales', filler.slice(2), s1),
      ]);
      const statuses = answers.map((r) => r.statusCode);
      expect(statuses[0]).toBe(200);
      expect(statuses[3]).toBe(200);
      expect([statuses[1], statuses[2]].sort()).toEqual([200, 409]);
      const stored = await hub.db.query<{ doc: { lines: { qty: number }[] } }>(
        'SELECT doc FROM sales WHERE id = $1',
        [a.id],
      );
      const winner = stored[0]!.doc.lines[0]!.qty === 1 ? 1 : 2;
      expect(statuses[winner]).toBe(200);
      expect(await count(hub.db, 'stock_movements', 'sale_id = $1', [a.id])).toBe(1);
      // The loser's other sale was not applied with it.
      if (winner === 1) expect(await count(hub.db, 'sales', 'id = $1', [filler[1]!.id])).toBe(0);
      expect(await collisionsOf(a.id)).toHaveLength(1);
      expect(await ledgerMismatches(hub.db)).toEqual([]);
    });

    it('sales: one request carrying one id twice with different content is refused', async () => {
      const a = makeSale('store-1', [{ sku: 'SKU-00016', qty: 1 }]);
      const b = makeSale('store-1', [{ sku: 'SKU-00016', qty: 2 }], { id: a.id });
      const res = await pushNew('sales', [a, b], s1);
      expect(res.statusCode, res.body).toBe(409);
      expect(problems(res).map((p) => [p.id, p.code])).toEqual([[a.id, 'id_conflict']]);
      expect(problems(res)[0]!.message).toMatch(new RegExp(`^sales ${a.id} is already stored`));
      expect(await count(hub.db, 'sales', 'id = $1', [a.id])).toBe(0);
      // The same document twice in one request is still just applied once.
      expect((await pushNew('sales', [a, a], s1)).statusCode).toBe(200);
      expect(await count(hub.db, 'stock_movements', 'sale_id = $1', [a.id])).toBe(1);
    });

    it('audit: an entry re-sent is a no-op; one id with other content is a 409', async () => {
      const entry = auditDoc('store-1');
      expect((await pushNew('audit', [entry], s1)).statusCode).toBe(200);
      expect((await pushNew('audit', [entry], s1)).statusCode).toBe(200);
      const res = await pushNew('audit', [{ ...entry, action: 'void_sale' }], s1);
      expect(res.statusCode, res.body).toBe(409);
      expect(problems(res)).toEqual([
        {
          id: entry.id,
          code: 'id_conflict',
          message: `audit ${entry.id} is already stored with other content; a document never changes its id`,
        },
      ]);
      const rows = await hub.db.query<{ action: string }>('SELECT action FROM audit WHERE id = $1', [
        entry.id,
      ]);
      expect(rows).toEqual([{ action: 'sign_in' }]);
      const recorded = await collisionsOf(entry.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.details).toMatchObject({ collection: 'audit', pushed: { action: 'void_sale' } });
      // One request carrying one new id twice, with different content: refused, and nothing stored.
      const twice = auditDoc('store-1');
      const both = await pushNew('audit', [twice, { ...twice, action: 'void_sale' }], s1);
      expect(both.statusCode, both.body).toBe(409);
      expect(problems(both).map((p) => p.message)).toEqual([
        `audit ${twice.id} is already stored with other content; a document never changes its id`,
      ]);
      expect(await count(hub.db, 'audit', 'id = $1', [twice.id])).toBe(0);
    });
  });
});
