/**
 * The `sales` push (docs/architecture.md, Data rules; hub/README.md, Push integrity): every document is
 * checked against the shared contract first — one bad document and nothing of the request is applied —
 * and must belong to the register's store; the rest is applied set-wise (domain/apply-sales.ts), grouped
 * with concurrent pushes by the SalesWriter. Each sale is recorded with the register that pushed it,
 * whichever register the document names (a re-enrolled register still sends the sales it queued under its
 * old id). A re-sent sale changes nothing and is no conflict; an id already stored with other content is
 * refused (409 `id_conflict`, or 403 `forbidden_store` when another store's), as is a sale in another
 * currency than its store's (400 `currency_mismatch`) and one the database cannot store (400 `unstorable`).
 */
import { type SaleDocument, checkSaleDocument } from '@till/shared/schemas/sale';
import type { DocumentProblem, PushRow } from '@till/shared/sync/protocol';
import { isDataException } from '../../db/errors';
import type { Queryable } from '../../db/port';
import { type PushedSale, type StoredCollision, saleRefusalOf } from '../../repositories/sales';
import { applySales } from '../apply-sales';
import { settleRefunds } from '../refunds';
import { recordWebReturns, webReturnProblems } from '../web-returns';
import { type Collision, recordingRefusals, refuseCollisions, uniqueDocuments } from './collisions';
import {
  type PushContext,
  type PushHandler,
  documentId,
  rejectIfAny,
  rejectOtherCurrencies,
  rejectOtherStores,
} from './push-handler';
import { unstorableDocuments } from './unstorable';

const pathed = (v: { message: string; path: (string | number)[] }) =>
  v.path.length > 0 ? `${v.path.join('.')}: ${v.message}` : v.message;

/** Checks every pushed sale; refuses the request naming each bad one, or returns the documents. */
export function checkSales(rows: readonly PushRow[]): SaleDocument[] {
  const problems: DocumentProblem[] = [];
  const docs: SaleDocument[] = [];
  for (const row of rows) {
    const state = row.newDocumentState;
    const id = documentId(state);
    if (state._deleted === true) {
      problems.push({ id, code: 'delete_not_allowed', message: 'a sale is a fact: it cannot be deleted' });
      continue;
    }
    const checked = checkSaleDocument(state);
    if (checked.ok) docs.push(checked.value);
    else for (const v of checked.violations) problems.push({ id, code: v.code, message: pathed(v) });
  }
  rejectIfAny(problems, 'sales');
  return docs;
}

/**
 * The push handler of the `sales` collection. Returns of web orders are checked against their orders first
 * (nothing is applied when one breaks a rule), and their card refunds are settled once the push is stored
 * (domain/web-returns.ts, domain/refunds.ts): a return pushed again settles a refund still pending and
 * never refunds twice.
 */
export const pushSales: PushHandler = async (ctx, rows) => {
  const docs = checkSales(rows);
  rejectOtherStores(docs, ctx.identity);
  rejectIfAny(await webReturnProblems(ctx, docs), 'sales');
  await storeSales(ctx, docs);
  await settleRefunds(ctx, await recordWebReturns(ctx, docs));
  return [];
};

/**
 * Stores sales that passed the shared contract (tests call it with documents that did not, to reach the
 * database's own refusals). Resolves once they are committed; refuses the whole request otherwise.
 */
export async function storeSales(ctx: PushContext, docs: readonly SaleDocument[]): Promise<void> {
  rejectOtherStores(docs, ctx.identity);
  await recordingRefusals(ctx, async () => {
    // A request may carry the same sale twice (a retried batch merged into a new one): applied once.
    const { unique, collisions } = uniqueDocuments(docs, summary);
    refuseCollisions(
      ctx,
      'sales',
      collisions.map((c) => ({ ...c, saleId: c.id })),
    );
    const sales = unique.map((doc) => ({ doc, pushedBy: ctx.identity.registerId }));
    try {
      await ctx.salesWriter.apply(sales);
    } catch (err) {
      await explainRefusal(ctx, sales, err);
      throw err;
    }
  });
}

/** Turns what the sales statement refused this request for into the refusal naming the documents. */
async function explainRefusal(ctx: PushContext, sales: readonly PushedSale[], err: unknown): Promise<void> {
  const docs = sales.map((s) => s.doc);
  const refusal = saleRefusalOf(err);
  if (refusal === 'idCollision') {
    const stored = await ctx.repos.sales.collisions(docs);
    const byId = new Map(docs.map((d) => [d.id, d]));
    refuseCollisions(
      ctx,
      'sales',
      stored.map((c) => collision(c, byId.get(c.id)!)),
    );
  } else if (refusal === 'currencyMismatch') {
    await rejectOtherCurrencies(ctx, 'sales', docs);
  } else if (isDataException(err)) {
    const write = (tx: Queryable, subset: readonly PushedSale[]) => applySales(ctx, tx, subset);
    rejectIfAny(await unstorableDocuments(ctx.db, sales, (s) => s.doc.id, write, err), 'sales');
  }
}

/** A stored sale that a pushed one collides with. */
function collision(stored: StoredCollision, pushed: SaleDocument): Collision {
  return {
    id: stored.id,
    foreign: !stored.sameStore,
    existing: stored.existing,
    pushed: summary(pushed),
    document: pushed,
    saleId: stored.id,
  };
}

/** What a person needs to tell two sales apart. */
function summary(doc: SaleDocument): Record<string, unknown> {
  return {
    storeId: doc.storeId,
    registerId: doc.registerId,
    number: doc.number,
    createdAt: doc.createdAt,
    gross: doc.totals.gross,
    currency: doc.currency,
  };
}
