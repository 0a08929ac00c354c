/** The RxDB push protocol's request rows, and the 400 that names every offending document. */
import { z } from 'zod';
import type { Db } from '../db/port';
import type { RegisterIdentity } from '../http/auth';
import { badRequest, forbidden } from '../http/errors';
import { parseOr400 } from '../http/validate';
import type { PaymentGateway } from './gateway';
import type { SalesWriter } from './sales-writer';

/** One row of a push: what the register believed the hub had, and what it wants now. */
export interface PushRow {
  assumedMasterState: unknown;
  newDocumentState: unknown;
}

const pushBodySchema = z
  .array(
    z.object({
      assumedMasterState: z.unknown().optional(),
      newDocumentState: z.record(z.string(), z.unknown()),
    }),
  )
  .max(10_000);

/** Parses the push body's envelope (each document is checked by its collection's handler). */
export function parsePushBody(body: unknown): PushRow[] {
  const rows = parseOr400(pushBodySchema, body, 'push body');
  return rows.map((r) => ({
    assumedMasterState: r.assumedMasterState ?? null,
    newDocumentState: r.newDocumentState,
  }));
}

/** A rule one document breaks. */
export interface DocumentProblem {
  id: string | null;
  code: string;
  message: string;
}

/** The id of a pushed document, if it has a usable one. */
export function documentId(doc: unknown, key = 'id'): string | null {
  const id = (doc as Record<string, unknown> | null)?.[key];
  return typeof id === 'string' ? id : null;
}

/** Throws the 400 of DESIGN.md §2 when any document broke a rule: nothing of the request is applied. */
export function rejectIfAny(problems: readonly DocumentProblem[], collection: string): void {
  if (problems.length === 0) return;
  const ids = new Set(problems.map((p) => p.id));
  throw badRequest(
    'invalid_documents',
    `${ids.size} ${collection} document(s) break the contract; nothing in this request was applied`,
    { documents: problems },
  );
}

/** Throws 403 when documents belong to a store other than the register's. */
export function rejectOtherStores(
  docs: readonly { id: string; storeId: string | null }[],
  identity: RegisterIdentity,
): void {
  const foreign = docs.filter((d) => d.storeId !== identity.storeId);
  if (foreign.length === 0) return;
  throw forbidden(
    'forbidden_store',
    `this register belongs to ${identity.storeId}; it cannot write another store's documents`,
    {
      documents: foreign.map((d) => ({ id: d.id, storeId: d.storeId })),
    },
  );
}

/** What a push handler gets. */
export interface PushContext {
  db: Db;
  identity: RegisterIdentity;
  gateway: PaymentGateway;
  salesWriter: SalesWriter;
}

/** Applies a push for one collection; returns the conflicting master documents (`[]` when none). */
export type PushHandler = (ctx: PushContext, rows: PushRow[]) => Promise<unknown[]>;
