/**
 * Poison documents (hub/README.md, Push integrity): a document the database cannot store must be a coded
 * 400 naming it, never a 500 — a register retries a 5xx forever, so one such sale would freeze its queue.
 * The shared schemas refuse what the columns cannot hold (integers out of range, NUL, lone surrogates);
 * behind them, any data error the database still raises is mapped to `unstorable` for exactly the
 * documents that cause it, and nothing of the request is applied.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@till/shared/schemas/audit';
import type { Customer } from '@till/shared/schemas/customer';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { Shift } from '@till/shared/schemas/shift';
import { applySalesAtomically } from '../src/domain/apply-sales';
import { DomainError } from '../src/domain/errors';
import { SimulatedGateway } from '../src/domain/gateway';
import { storeAudit } from '../src/domain/push/audit';
import { storeCustomers } from '../src/domain/push/customers';
import type { PushContext } from '../src/domain/push/push-handler';
import { storeSales } from '../src/domain/push/sales';
import { storeShifts } from '../src/domain/push/shifts';
import { SalesWriter } from '../src/domain/sales-writer';
import { createRepositories } from '../src/repositories/repositories';
import { DATABASES, type TestHub, auth, count, level, pushBody, startHub } from '../../test/support/hub';
import { makeSale } from '../../test/support/sales';

const now = () => new Date().toISOString();

const shiftDoc = (over: Partial<Shift> = {}): Shift => ({
  id: `shift-${randomUUID()}`,
  storeId: 'store-1',
  registerId: 'reg-1',
  clerkId: 'staff-bob',
  status: 'open',
  currency: 'USD',
  openedAt: now(),
  openingFloat: 10_000,
  closedAt: null,
  closedBy: null,
  expectedCash: null,
  countedCash: null,
  updatedAt: now(),
  ...over,
});

const auditDoc = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: randomUUID(),
  storeId: 'store-1',
  registerId: 'reg-1',
  staffId: null,
  action: 'sign_in',
  at: now(),
  details: {},
  ...over,
});

const customerDoc = (over: Partial<Customer> = {}): Customer => {
  const id = `cust-${randomUUID()}`;
  return {
    id,
    email: `${id}@example.com`,
    name: 'Pat Poison',
    phone: null,
    consent: { personalization: false, marketing: false, updatedAt: now() },
    loyaltyPoints: 0,
    createdAt: now(),
    updatedAt: now(),
    ...over,
  };
};

/** A sale of one line of `qty` at a unit price of 1 (so the amounts stay safe integers). */
const bigSale = (qty: number) => makeSale('store-1', [{ sku: 'SKU-00017', qty }], {}, { unitPrice: 1 });

describe.each(DATABASES)('poison documents on %s', (kind) => {
  let hub: TestHub;
  let token: string;

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
  });
  afterAll(() => hub.close());

  describe('over HTTP, the shared schemas refuse them: 400 naming the document, nothing applied', () => {
    const push = (collection: string, docs: unknown[]) =>
      hub.app.inject({
        method: 'POST',
        url: `/api/v1/sync/${collection}/push`,
        headers: auth(token),
        payload: pushBody(docs),
      });
    const refused = async (
      collection: string,
      good: { id: string },
      poison: { id: string },
      table: string,
    ) => {
      const res = await push(collection, [good, poison]);
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json().error as { code: string; documents: { id: string; code: string }[] };
      expect(error.code).toBe('invalid_documents');
      expect(new Set(error.documents.map((d) => d.id))).toEqual(new Set([poison.id]));
      expect(await count(hub.db, table, 'id::text = $1', [good.id])).toBe(0);
      // Without the poison the rest goes through: the register quarantines it and pushes on.
      expect((await push(collection, [good])).statusCode).toBe(200);
      return error.documents;
    };

    it('a sale whose quantity overflows the ledger’s integer column', async () => {
      const before = await level(hub.db, 'store-1', 'SKU-00017');
      const docs = await refused('sales', bigSale(1), bigSale(3_000_000_000), 'sales');
      expect(docs.map((d) => d.code)).toContain('out_of_range');
      expect(await level(hub.db, 'store-1', 'SKU-00017')).toEqual({ ...before, onHand: before.onHand - 1 });
    });

    it('a sale with a NUL byte in a SKU', async () => {
      const docs = await refused(
        'sales',
        bigSale(1),
        makeSale('store-1', [{ sku: 'SKU\u000000018', qty: 1 }]),
        'sales',
      );
      expect(docs.map((d) => d.code)).toContain('text_invalid');
    });

    it('a sale with a lone UTF-16 surrogate in its receipt number', async () => {
      const poison = makeSale('store-1', [{ sku: 'SKU-00018', qty: 1 }], { number: 'S1-R1-\ud800' });
      const docs = await refused('sales', bigSale(1), poison, 'sales');
      expect(docs.map((d) => d.code)).toContain('text_invalid');
    });

    it('a sale with a money amount beyond what the hub stores and sums safely', async () => {
      const poison = makeSale('store-1', [{ sku: 'SKU-00018', qty: 1 }], {}, { unitPrice: 10 ** 15 });
      const docs = await refused('sales', bigSale(1), poison, 'sales');
      expect(docs.map((d) => d.code)).toContain('out_of_range');
    });

    it('a shift with a NUL byte in its clerk', () =>
      refused('shifts', shiftDoc(), shiftDoc({ clerkId: 'staff\u0000bob' }), 'shifts'));

    it('a customer with a NUL byte in the name', () =>
      refused('customers', customerDoc(), customerDoc({ name: 'Pat\u0000Poison' }), 'customers'));

    it('an audit entry with a NUL byte or a lone surrogate in its details', async () => {
      await refused('audit', auditDoc(), auditDoc({ details: { note: 'a\u0000b' } }), 'audit');
      await refused('audit', auditDoc(), auditDoc({ details: { ['\udc00key']: 1 } }), 'audit');
    });
  });

  describe('behind the schemas, a database data error is a 400 `unstorable` naming exactly the culprits', () => {
    let ctx: PushContext;
    const poisoned = async (run: () => Promise<unknown>, ids: string[]) => {
      const error = await run().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      const { code, details } = error as DomainError;
      expect(code).toBe('invalid_documents');
      const documents = details.documents as { id: string; code: string; message: string }[];
      expect(documents.map((d) => d.id).sort()).toEqual([...ids].sort());
      for (const d of documents) {
        expect(d.code).toBe('unstorable');
        // The database's reason, in words.
        expect(d.message.length).toBeGreaterThan(10);
      }
      return documents;
    };

    beforeAll(() => {
      const repos = createRepositories(hub.db);
      ctx = {
        db: hub.db,
        repos,
        identity: { registerId: 'reg-poison', storeId: 'store-1' },
        gateway: new SimulatedGateway(),
        salesWriter: new SalesWriter((sales) => applySalesAtomically({ db: hub.db, repos }, sales)),
      };
    });

    it('sales: int overflow, NUL and a lone surrogate, among good sales', async () => {
      const goods = Array.from({ length: 6 }, () => bigSale(1));
      const overflow = bigSale(3_000_000_000);
      const nul = makeSale('store-1', [{ sku: 'SKU\u000000019', qty: 1 }]);
      const surrogate = makeSale('store-1', [{ sku: 'SKU-00019', qty: 1 }], { number: 'S1-\udfff' });
      const before = await level(hub.db, 'store-1', 'SKU-00017');
      const docs: SaleDocument[] = [
        goods[0]!,
        overflow,
        ...goods.slice(1, 4),
        nul,
        goods[4]!,
        surrogate,
        goods[5]!,
      ];
      const named = await poisoned(() => storeSales(ctx, docs), [overflow.id, nul.id, surrogate.id]);
      expect(named.find((d) => d.id === overflow.id)?.message).toMatch(/range|integer/i);
      for (const g of goods) expect(await count(hub.db, 'sales', 'id = $1', [g.id])).toBe(0);
      expect(await level(hub.db, 'store-1', 'SKU-00017')).toEqual(before);
      // The rest, pushed again without them, is applied.
      await storeSales(ctx, goods);
      expect(await level(hub.db, 'store-1', 'SKU-00017')).toEqual({ ...before, onHand: before.onHand - 6 });
    });

    it('shifts, customers and audit entries', async () => {
      const goodShift = shiftDoc();
      const badShift = shiftDoc({ clerkId: 'staff\u0000x' });
      await poisoned(
        () =>
          storeShifts(ctx, [
            { doc: goodShift, assumed: null },
            { doc: badShift, assumed: null },
          ]),
        [badShift.id],
      );
      expect(await count(hub.db, 'shifts', 'id = $1', [goodShift.id])).toBe(0);

      const goodCustomer = customerDoc();
      const badCustomer = customerDoc({ name: 'Pat\u0000Poison' });
      await poisoned(
        () =>
          storeCustomers(ctx, [
            { doc: goodCustomer, assumed: null },
            { doc: badCustomer, assumed: null },
          ]),
        [badCustomer.id],
      );
      expect(await count(hub.db, 'customers', 'id = $1', [goodCustomer.id])).toBe(0);

      const goodEntry = auditDoc();
      const badEntry = auditDoc({ details: { note: 'x\u0000y' } });
      await poisoned(() => storeAudit(ctx, [goodEntry, badEntry]), [badEntry.id]);
      expect(await count(hub.db, 'audit', 'id = $1', [goodEntry.id])).toBe(0);
    });
  });
});
