/**
 * The checks every pushed collection shares, on their own: each refuses the whole request and names every
 * document it refuses with a code and a message a person can act on (the register quarantines by id and
 * shows the message). The HTTP tests (hub/test/push-integrity.test.ts, poison-documents.test.ts) check the
 * same refusals end to end; these pin down each field.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PushRow } from '@till/shared/sync/protocol';
import { DomainError } from '../errors';
import {
  type PushContext,
  asConflict,
  checkDocuments,
  isStale,
  rejectIfAny,
  rejectOtherCurrencies,
  rejectOtherStores,
} from './push-handler';

/** What `run` threw, as a DomainError (fails the test when it threw nothing or something else). */
async function refusal(run: () => unknown): Promise<DomainError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('nothing was refused');
}

const row = (doc: Record<string, unknown>, assumed: Record<string, unknown> | null = null): PushRow =>
  ({ newDocumentState: doc, assumedMasterState: assumed }) as PushRow;

const identity = { registerId: 'reg-s1-1', storeId: 'store-1' };

describe('rejectIfAny', () => {
  it('lets a request without problems through', () => {
    expect(() => rejectIfAny([], 'shifts')).not.toThrow();
  });

  it('refuses the request, counting the documents (not the problems) and naming the collection', async () => {
    const problems = [
      { id: 'a', code: 'schema', message: 'total: too big' },
      { id: 'a', code: 'schema', message: 'lines: empty' },
      { id: 'b', code: 'schema', message: 'id: missing' },
    ];
    const err = await refusal(() => rejectIfAny(problems, 'shifts'));
    expect(err.code).toBe('invalid_documents');
    expect(err.message).toBe('2 shifts document(s) break the contract; nothing in this request was applied');
    expect(err.details).toEqual({ documents: problems });
  });
});

describe('rejectOtherStores', () => {
  it('lets the register’s own store’s documents through', () => {
    expect(() => rejectOtherStores([{ id: 'a', storeId: 'store-1' }], identity)).not.toThrow();
  });

  it('refuses the request, naming each document of another store and the store it names', async () => {
    const err = await refusal(() =>
      rejectOtherStores(
        [
          { id: 'a', storeId: 'store-1' },
          { id: 'b', storeId: 'store-2' },
          { id: 'c', storeId: null },
        ],
        identity,
      ),
    );
    expect(err.code).toBe('forbidden_store');
    expect(err.message).toBe("this register belongs to store-1; it cannot write another store's documents");
    expect(err.details).toEqual({
      documents: [
        {
          id: 'b',
          code: 'forbidden_store',
          message: 'names store store-2, but this register belongs to store-1',
        },
        {
          id: 'c',
          code: 'forbidden_store',
          message: 'names store null, but this register belongs to store-1',
        },
      ],
    });
  });
});

describe('rejectOtherCurrencies', () => {
  const ctx = (currency: string | null) =>
    ({
      identity,
      repos: { settings: { forStore: async () => (currency ? { currency } : null) } },
    }) as unknown as PushContext;

  it('refuses documents in another currency than the store’s, naming both', async () => {
    const docs = [
      { id: 'a', currency: 'USD' },
      { id: 'b', currency: 'EUR' },
    ];
    const err = await refusal(() => rejectOtherCurrencies(ctx('USD'), 'sales', docs));
    expect(err.code).toBe('invalid_documents');
    expect(err.message).toContain('1 sales document(s)');
    expect(err.details).toEqual({
      documents: [{ id: 'b', code: 'currency_mismatch', message: 'is in EUR, but store-1 trades in USD' }],
    });
  });

  it('holds a store without settings to no currency', async () => {
    await expect(rejectOtherCurrencies(ctx(null), 'sales', [{ id: 'a', currency: 'EUR' }])).resolves.toBe(
      undefined,
    );
  });
});

describe('checkDocuments', () => {
  const schema = z.object({ id: z.string(), qty: z.int().min(1) });

  it('returns each document as parsed with the master state the register assumed', () => {
    const assumed = { id: 'a', qty: 1, updatedAt: 't1' };
    expect(
      checkDocuments([row({ id: 'a', qty: 2 }, assumed), row({ id: 'b', qty: 1 })], schema, 'shifts'),
    ).toEqual([
      { doc: { id: 'a', qty: 2 }, assumed },
      { doc: { id: 'b', qty: 1 }, assumed: null },
    ]);
  });

  it('refuses a deletion, naming the collection, even of a document the schema would accept', async () => {
    const err = await refusal(() =>
      checkDocuments([row({ id: 'a', qty: 1, _deleted: true })], schema, 'shifts'),
    );
    expect(err.details).toEqual({
      documents: [{ id: 'a', code: 'delete_not_allowed', message: 'shifts are never deleted' }],
    });
  });

  it('names each schema problem with the path of the field, or alone for the document itself', async () => {
    const err = await refusal(() =>
      checkDocuments(
        [row({ id: 'a', qty: 0 }), row({ id: 'b', qty: 1 }), row([] as never)],
        schema,
        'shifts',
      ),
    );
    const documents = err.details.documents as { id: string | null; code: string; message: string }[];
    expect(documents.map((d) => [d.id, d.code])).toEqual([
      ['a', 'schema'],
      [null, 'schema'],
    ]);
    expect(documents[0]!.message).toMatch(/^qty: ./);
    expect(documents[1]!.message).not.toMatch(/^: /);
    expect(documents[1]!.message.length).toBeGreaterThan(0);
  });
});

describe('isStale and asConflict', () => {
  it('is stale for a new document, or when the register assumed another version', () => {
    const master = { updatedAt: '2026-12-01T10:00:00.000Z' };
    expect(isStale(master, null)).toBe(true);
    expect(isStale(master, { updatedAt: '2026-12-01T09:00:00.000Z' })).toBe(true);
    expect(isStale(master, { updatedAt: '2026-12-01T10:00:00.000Z' })).toBe(false);
  });

  it('answers a conflict with the master as a live document', () => {
    expect(asConflict({ id: 'a', status: 'placed' })).toEqual({ id: 'a', status: 'placed', _deleted: false });
  });
});
