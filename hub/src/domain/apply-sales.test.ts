/**
 * Applying pushed sales on a real (PGlite) test database, statement by statement: a sale that names no
 * customer, and a sale pushed again, cost the one sales statement and nothing else (what keeps a busy hub's
 * pushes at one round trip each); a new sale naming a customer earns points by its store's own rules,
 * announces the customer's change to the registers of the customer's home store, and is applied in one
 * transaction with its points.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGES_CHANNEL } from '../repositories/changes';
import { createRepositories } from '../repositories/repositories';
import type { Db, Queryable } from '../db/port';
import { openTestPglite } from '../../../test/support/hub-template';
import { makeSale } from '../../../test/support/sales';
import { applySales, applySalesAtomically } from './apply-sales';
import type { DomainContext } from './context';

/** A Queryable that passes statements on to `db` and keeps each one with its parameters. */
function recording(db: Queryable) {
  const statements: { sql: string; params: readonly unknown[] }[] = [];
  const tx: Queryable = {
    query: (sql, params = []) => {
      statements.push({ sql, params });
      return db.query(sql, params);
    },
  };
  return { tx, statements };
}

/** Statements of their own that queue change notifications (the sales statement queues its own inside). */
const notifications = (statements: { sql: string; params: readonly unknown[] }[]) =>
  statements.filter(
    (s) => s.sql.trimStart().startsWith('SELECT pg_notify') && s.params[0] === CHANGES_CHANNEL,
  );

/** The collections a list of statements announced, as `collection:store`. */
function announced(statements: { sql: string; params: readonly unknown[] }[]): string[] {
  return notifications(statements)
    .flatMap((s) => (s.params[1] as string[]).flatMap((p) => (JSON.parse(p) as { c: string[][] }).c))
    .map(([collection, store]) => `${collection}:${store}`);
}

const pushed = (doc: ReturnType<typeof makeSale>) => ({ doc, pushedBy: 'reg-s1-1' });

describe('applySales', () => {
  let db: Db;
  let ctx: DomainContext;
  const points = async (customerId: string) =>
    Number(
      (
        await db.query<{ p: number }>('SELECT loyalty_points AS p FROM customers WHERE id = $1', [customerId])
      )[0]?.p,
    );

  beforeEach(async () => {
    db = await openTestPglite();
    ctx = { db, repos: createRepositories(db) };
  });
  afterEach(() => db.close());

  it('does nothing at all for an empty list', async () => {
    const { tx, statements } = recording(db);
    expect(await applySales(ctx, tx, [])).toEqual([]);
    expect(statements).toEqual([]);
  });

  it('stores a sale without a customer in one statement', async () => {
    const sale = makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }]);
    const { tx, statements } = recording(db);
    expect(await applySales(ctx, tx, [pushed(sale)])).toEqual([sale.id]);
    expect(statements).toHaveLength(1);
  });

  it('earns points by the store’s own rules, and announces the customer to its home store', async () => {
    await db.query(
      `UPDATE store_settings SET doc = jsonb_set(doc, '{loyalty}', '{"pointsPerUnit":5,"pointValueMinor":1}')
       WHERE store_id = 'store-1'`,
    );
    const [home] = await db.query<{ s: string }>(
      "SELECT home_store_id AS s FROM customers WHERE id = 'cus-demo-1'",
    );
    const before = await points('cus-demo-1');
    // 3 × 1.00 paid by card: 3 whole units at 5 points each.
    const sale = makeSale('store-1', [{ sku: 'SKU-00003', qty: 3 }], { customerId: 'cus-demo-1' });
    const { tx, statements } = recording(db);
    expect(await applySales(ctx, tx, [pushed(sale)])).toEqual([sale.id]);
    expect(await points('cus-demo-1')).toBe(before + 15);
    expect(announced(statements)).toContain(`customers:${home!.s}`);
  });

  it('moves no points and reads nothing more for a sale pushed again', async () => {
    const sale = makeSale('store-1', [{ sku: 'SKU-00003', qty: 2 }], { customerId: 'cus-demo-1' });
    await applySales(ctx, db, [pushed(sale)]);
    const after = await points('cus-demo-1');
    const { tx, statements } = recording(db);
    expect(await applySales(ctx, tx, [pushed(sale)])).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(await points('cus-demo-1')).toBe(after);
  });

  it('announces no customer change when no points moved', async () => {
    // A customer the hub does not know: the sale is stored, no balance changes, nothing is announced.
    const sale = makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }], { customerId: 'cus-nobody' });
    const { tx, statements } = recording(db);
    expect(await applySales(ctx, tx, [pushed(sale)])).toEqual([sale.id]);
    expect(notifications(statements)).toEqual([]);
  });
});

describe('applySalesAtomically', () => {
  let db: Db;
  let ctx: DomainContext;
  let transactions: number;

  beforeEach(async () => {
    db = await openTestPglite();
    transactions = 0;
    const counted: Db = Object.assign(Object.create(db) as Db, {
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) => {
        transactions += 1;
        return db.transaction(fn);
      },
    });
    ctx = { db: counted, repos: createRepositories(db) };
  });
  afterEach(() => db.close());

  it('opens a transaction for a sale that moves points, and none for one that does not', async () => {
    await applySalesAtomically(ctx, [pushed(makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }]))]);
    expect(transactions).toBe(0);
    const withCustomer = makeSale('store-1', [{ sku: 'SKU-00003', qty: 1 }], { customerId: 'cus-demo-1' });
    expect(await applySalesAtomically(ctx, [pushed(withCustomer)])).toEqual([withCustomer.id]);
    expect(transactions).toBe(1);
  });
});
