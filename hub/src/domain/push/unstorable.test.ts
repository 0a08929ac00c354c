/**
 * Finding the documents a database cannot store, with the database answered from memory: bisection names
 * the one document (or the smallest set) that fails with a data exception, refusals of another kind are no
 * reason to name a document, and any other failure is passed on. hub/test/poison-documents.test.ts does the
 * same against real databases with real poison values.
 */
import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../db/port';
import { DomainError } from '../errors';
import { databaseReason, isRefusalSqlstate, unstorableDocuments, writeOrNameUnstorable } from './unstorable';

/** A data exception as PostgreSQL reports one (SQLSTATE class 22). */
const outOfRange = () =>
  Object.assign(new Error('integer out of range'), { code: '22003', detail: 'value 99999999999' });

/** A database whose transactions just run their function (nothing to roll back: the writes are fakes). */
const memoryDb = { transaction: <T>(fn: (tx: Queryable) => Promise<T>) => fn({} as Queryable) } as Db;

/** A write that fails as `fails` says for the subset it is given, recording each subset tried. */
function writer(fails: (ids: string[]) => unknown) {
  const tried: string[][] = [];
  const write = async (_tx: Queryable, subset: readonly string[]) => {
    tried.push([...subset]);
    const err = fails([...subset]);
    if (err) throw err;
  };
  return { write, tried };
}

const idOf = (id: string) => id;

describe('databaseReason', () => {
  it('gives the database’s message with its detail, or alone, or a plain reason', () => {
    expect(databaseReason(outOfRange())).toBe('integer out of range (value 99999999999)');
    expect(databaseReason({ message: 'invalid byte sequence', detail: '' })).toBe('invalid byte sequence');
    expect(databaseReason({ message: 'invalid byte sequence', detail: 7 })).toBe('invalid byte sequence');
    expect(databaseReason({ message: '' })).toBe('the database refused a value');
    expect(databaseReason(null)).toBe('the database refused a value');
  });
});

describe('unstorableDocuments', () => {
  it('names the one document that cannot be stored, with the database’s reason', async () => {
    const { write } = writer((ids) => (ids.includes('c') ? outOfRange() : null));
    expect(await unstorableDocuments(memoryDb, ['a', 'b', 'c', 'd', 'e'], idOf, write, outOfRange())).toEqual(
      [
        {
          id: 'c',
          code: 'unstorable',
          message: 'the database cannot store this document: integer out of range (value 99999999999)',
        },
      ],
    );
  });

  it('names documents that fail only together, together', async () => {
    const { write } = writer((ids) => (ids.includes('a') && ids.includes('b') ? outOfRange() : null));
    const found = await unstorableDocuments(memoryDb, ['a', 'b'], idOf, write, outOfRange());
    expect(found).toEqual(
      ['a', 'b'].map((id) => ({
        id,
        code: 'unstorable',
        message:
          'the database cannot store these documents together: integer out of range (value 99999999999)',
      })),
    );
  });

  it('does not name a document refused for another reason (a collision, a refusal of the hub’s own)', async () => {
    const { write } = writer((ids) => {
      if (ids.includes('c')) return outOfRange();
      if (ids.includes('a')) return new DomainError('id_conflict', 'taken');
      if (ids.includes('b')) return Object.assign(new Error('refused'), { code: 'TL001' });
      return null;
    });
    const found = await unstorableDocuments(memoryDb, ['a', 'b', 'c', 'd'], idOf, write, outOfRange());
    expect(found.map((p) => p.id)).toEqual(['c']);
  });

  it('passes on a failure of any other kind', async () => {
    const lost = Object.assign(new Error('connection terminated'), { code: '08006' });
    const { write } = writer(() => lost);
    await expect(unstorableDocuments(memoryDb, ['a', 'b'], idOf, write, outOfRange())).rejects.toBe(lost);
  });
});

describe('writeOrNameUnstorable', () => {
  it('returns what the write returns when it goes through', async () => {
    await expect(writeOrNameUnstorable(memoryDb, 'shifts', ['a'], idOf, async () => 'done')).resolves.toBe(
      'done',
    );
  });

  it('refuses the request naming the documents when the database cannot store a value', async () => {
    const { write } = writer((ids) => (ids.includes('b') ? outOfRange() : null));
    const err = await writeOrNameUnstorable(memoryDb, 'shifts', ['a', 'b'], idOf, write).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).message).toContain('1 shifts document(s)');
    expect((err as DomainError).details.documents).toEqual([
      expect.objectContaining({ id: 'b', code: 'unstorable' }),
    ]);
  });

  it('passes on any other failure without probing', async () => {
    const lost = Object.assign(new Error('connection terminated'), { code: '08006' });
    const { write, tried } = writer(() => lost);
    await expect(writeOrNameUnstorable(memoryDb, 'shifts', ['a', 'b'], idOf, write)).rejects.toBe(lost);
    expect(tried).toEqual([['a', 'b']]);
  });
});

describe('isRefusalSqlstate', () => {
  it('is true only for the hub’s own class TL', () => {
    expect(isRefusalSqlstate({ code: 'TL001' })).toBe(true);
    expect(isRefusalSqlstate({ code: '22003' })).toBe(false);
    expect(isRefusalSqlstate({ code: 'XXTL' })).toBe(false);
    expect(isRefusalSqlstate({ code: 7 })).toBe(false);
    expect(isRefusalSqlstate(null)).toBe(false);
  });
});
