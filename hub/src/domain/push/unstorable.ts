/**
 * Documents the database cannot store (hub/README.md, Push integrity). The shared schemas refuse what
 * the columns cannot hold, but if a push still fails with a data exception (SQLSTATE class 22: a number
 * out of range, an untranslatable character, invalid text), the request must not become a 500 — a
 * register retries those for ever, and one such document would freeze its queue. The hub finds which
 * documents cause it by trying halves of the request in transactions that always roll back, and refuses
 * the request with 400 `invalid_documents` naming exactly those, code `unstorable`, with the database's
 * reason. The register quarantines them and pushes the rest.
 */
import type { DocumentProblem } from '@till/shared/sync/protocol';
import { isDataException } from '../../db/errors';
import type { Db, Queryable } from '../../db/port';
import { DomainError } from '../errors';
import { rejectIfAny } from './push-handler';

/** Thrown to roll a probe's transaction back. */
class ProbeDone extends Error {}

/** The database's reason for a data exception, in words (with its detail when it gives one). */
export function databaseReason(err: unknown): string {
  const { message, detail } = (err ?? {}) as { message?: unknown; detail?: unknown };
  const text = typeof message === 'string' && message ? message : 'the database refused a value';
  return typeof detail === 'string' && detail ? `${text} (${detail})` : text;
}

/**
 * Writes `items` in one transaction with `write`; if the database refuses a value, refuses the request
 * naming the documents that cause it (and nothing is applied).
 */
export async function writeOrNameUnstorable<T, R>(
  db: Db,
  collection: string,
  items: readonly T[],
  idOf: (item: T) => string | null,
  write: (tx: Queryable, items: readonly T[]) => Promise<R>,
): Promise<R> {
  try {
    return await db.transaction((tx) => write(tx, items));
  } catch (err) {
    if (!isDataException(err)) throw err;
    rejectIfAny(await unstorableDocuments(db, items, idOf, write, err), collection);
    throw err;
  }
}

/**
 * The documents of `items` that make `write` fail with a data exception, found by bisection: a half that
 * writes cleanly holds none; a single document that fails is one. When only a combination fails (say, sums
 * that overflow only together), the documents of the smallest failing set are named together. `failure` is
 * the data exception all of `items` met.
 */
export async function unstorableDocuments<T>(
  db: Db,
  items: readonly T[],
  idOf: (item: T) => string | null,
  write: (tx: Queryable, items: readonly T[]) => Promise<unknown>,
  failure: unknown,
): Promise<DocumentProblem[]> {
  const probe = async (subset: readonly T[]): Promise<string | null> => {
    try {
      await db.transaction(async (tx) => {
        await write(tx, subset);
        throw new ProbeDone();
      });
      return null;
    } catch (err) {
      if (err instanceof ProbeDone) return null;
      if (isDataException(err)) return databaseReason(err);
      // A refusal of another kind (a collision, a stale version) is not about storing values.
      if (err instanceof DomainError || isRefusalSqlstate(err)) return null;
      throw err;
    }
  };
  const search = async (subset: readonly T[], reason: string): Promise<DocumentProblem[]> => {
    const named = (why: string) =>
      subset.map((item) => ({ id: idOf(item), code: 'unstorable', message: why }));
    if (subset.length === 1) return named(`the database cannot store this document: ${reason}`);
    const half = Math.ceil(subset.length / 2);
    const found: DocumentProblem[] = [];
    for (const part of [subset.slice(0, half), subset.slice(half)]) {
      const why = await probe(part);
      if (why !== null) found.push(...(await search(part, why)));
    }
    return found.length > 0 ? found : named(`the database cannot store these documents together: ${reason}`);
  };
  return search(items, databaseReason(failure));
}

/** SQLSTATEs the hub's own statements raise to refuse a document (class `TL`, migration 003). */
export function isRefusalSqlstate(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('TL');
}
