/**
 * The `sales` push on its own: what the contract check names for each bad document (the register shows it
 * and quarantines by id), and how a failed write is explained — a database refusal that is not about a
 * value (a lost connection) comes back as it is, without probing the request document by document.
 * The HTTP tests (hub/test/sync-push.test.ts, push-integrity.test.ts, poison-documents.test.ts) cover the
 * refusals end to end on a real hub.
 */
import { describe, expect, it } from 'vitest';
import type { PushRow } from '@till/shared/sync/protocol';
import { makeSale } from '../../../../test/support/sales';
import { DomainError } from '../errors';
import type { PushContext } from './push-handler';
import { checkSales, storeSales } from './sales';

const row = (doc: unknown): PushRow => ({ newDocumentState: doc, assumedMasterState: null }) as PushRow;

/** The documents a refusal names. */
function refused(run: () => unknown): { id: string | null; code: string; message: string }[] {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) {
      expect(err.code).toBe('invalid_documents');
      expect(err.message).toContain('sales document(s)');
      return err.details.documents as { id: string | null; code: string; message: string }[];
    }
    throw err;
  }
  throw new Error('nothing was refused');
}

describe('checkSales', () => {
  it('returns the sales that keep the contract', () => {
    const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 2 }]);
    expect(checkSales([row(sale)])).toEqual([sale]);
  });

  it('refuses a deletion: a sale is a fact', () => {
    const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }]);
    expect(refused(() => checkSales([row({ ...sale, _deleted: true })]))).toEqual([
      { id: sale.id, code: 'delete_not_allowed', message: 'a sale is a fact: it cannot be deleted' },
    ]);
  });

  it('names each broken field by its path, and a document that is no object by its message alone', () => {
    const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }]);
    const problems = refused(() => checkSales([row({ ...sale, currency: 'dollars' }), row('a sale')]));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ id: sale.id });
    expect(problems[0]!.message).toMatch(/^currency: ./);
    expect(problems[1]!.id).toBeNull();
    expect(problems[1]!.message).toBe('Invalid input: expected object, received string');
  });
});

describe('storeSales', () => {
  it('passes on a failure that is not about the documents, without probing them one by one', async () => {
    const lost = Object.assign(new Error('connection terminated'), { code: '08006' });
    let transactions = 0;
    const ctx = {
      identity: { registerId: 'reg-s1-1', storeId: 'store-1' },
      salesWriter: { apply: async () => Promise.reject(lost) },
      db: {
        transaction: async () => {
          transactions += 1;
          throw lost;
        },
      },
      repos: { exceptions: { raise: async () => undefined } },
    } as unknown as PushContext;
    const sale = makeSale('store-1', [{ sku: 'SKU-00001', qty: 1 }]);
    await expect(storeSales(ctx, [sale])).rejects.toBe(lost);
    expect(transactions).toBe(0);
  });
});
