/**
 * What every pushed collection shares: the handler's signature and context, and the checks that refuse a
 * request whole — documents that break their contract (`invalid_documents`, naming each), documents of
 * another store (`forbidden_store`) and documents in another currency than their store's. Nothing of a
 * refused request is applied. Id collisions are push/collisions.ts; values the database cannot store,
 * push/unstorable.ts.
 */
import type { z } from 'zod';
import type { DocumentProblem, PushRow, WireDocument } from '@till/shared/sync/protocol';
import type { DomainContext } from '../context';
import { DomainError } from '../errors';
import type { PaymentGateway } from '../gateway';
import type { RegisterIdentity } from '../register-auth';
import type { SalesWriter } from '../sales-writer';

/** What a push handler gets. */
export interface PushContext extends DomainContext {
  /** The register whose token sent the push. */
  identity: RegisterIdentity;
  gateway: PaymentGateway;
  salesWriter: SalesWriter;
  /** Days a ready pickup order waits before it expires (`HUB_PICKUP_EXPIRY_DAYS`); 7 when not given. */
  pickupExpiryDays?: number;
}

/** Applies a push for one collection; returns the hub's master state of each conflicting document. */
export type PushHandler = (ctx: PushContext, rows: readonly PushRow[]) => Promise<WireDocument[]>;

/** The id of a pushed document, if it has a usable one. */
export function documentId(doc: WireDocument, key = 'id'): string | null {
  const id = doc[key];
  return typeof id === 'string' ? id : null;
}

/** Refuses the request when any document broke a rule: nothing of it is applied. */
export function rejectIfAny(problems: readonly DocumentProblem[], collection: string): void {
  if (problems.length === 0) return;
  const ids = new Set(problems.map((p) => p.id));
  throw new DomainError(
    'invalid_documents',
    `${ids.size} ${collection} document(s) break the contract; nothing in this request was applied`,
    { documents: problems },
  );
}

/**
 * Refuses the request (403, naming each document) when documents say they belong to a store other than
 * the register's. Documents whose stored row belongs to another store are refused by each handler, as
 * collisions (push/collisions.ts).
 */
export function rejectOtherStores(
  docs: readonly { id: string; storeId: string | null }[],
  identity: RegisterIdentity,
): void {
  const foreign = docs.filter((d) => d.storeId !== identity.storeId);
  if (foreign.length === 0) return;
  const documents: DocumentProblem[] = foreign.map((d) => ({
    id: d.id,
    code: 'forbidden_store',
    message: `names store ${String(d.storeId)}, but this register belongs to ${identity.storeId}`,
  }));
  throw new DomainError(
    'forbidden_store',
    `this register belongs to ${identity.storeId}; it cannot write another store's documents`,
    { documents },
  );
}

/**
 * Refuses the request (400 `currency_mismatch` per document) when documents are in another currency than
 * their store's settings say. A store without settings has no currency to hold them to.
 */
export async function rejectOtherCurrencies(
  ctx: PushContext,
  collection: string,
  docs: readonly { id: string; currency: string }[],
): Promise<void> {
  const settings = await ctx.repos.settings.forStore(ctx.identity.storeId);
  if (!settings) return;
  rejectIfAny(
    docs
      .filter((d) => d.currency !== settings.currency)
      .map((d) => ({
        id: d.id,
        code: 'currency_mismatch',
        message: `is in ${d.currency}, but ${ctx.identity.storeId} trades in ${settings.currency}`,
      })),
    collection,
  );
}

/** A checked document and the master state the register assumed (null for a new document). */
export interface CheckedRow<T> {
  doc: T;
  assumed: WireDocument | null;
}

/** Parses every row's document with `schema`; refuses the request naming each bad one. */
export function checkDocuments<S extends z.ZodType>(
  rows: readonly PushRow[],
  schema: S,
  collection: string,
): CheckedRow<z.infer<S>>[] {
  const problems: DocumentProblem[] = [];
  const out: CheckedRow<z.infer<S>>[] = [];
  for (const row of rows) {
    const state = row.newDocumentState;
    if (state._deleted === true) {
      problems.push({
        id: documentId(state),
        code: 'delete_not_allowed',
        message: `${collection} are never deleted`,
      });
      continue;
    }
    const parsed = schema.safeParse(state);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        problems.push({
          id: documentId(state),
          code: 'schema',
          message: path ? `${path}: ${issue.message}` : issue.message,
        });
      }
      continue;
    }
    out.push({ doc: parsed.data, assumed: row.assumedMasterState ?? null });
  }
  rejectIfAny(problems, collection);
  return out;
}

/**
 * The master's version differs from what the register assumed: a conflict. Versions are compared by
 * `updatedAt`, which the hub keeps as the register wrote it and changes only when it changes the document.
 */
export function isStale(master: { updatedAt: string }, assumed: WireDocument | null): boolean {
  return assumed === null || assumed.updatedAt !== master.updatedAt;
}

/** A master document as a conflict answer (pulled documents always carry `_deleted`). */
export const asConflict = (master: object): WireDocument => ({ ...master, _deleted: false });
