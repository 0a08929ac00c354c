/**
 * The `sales` push (docs/architecture.md, Data rules): every document is checked against the shared
 * contract first — one bad document and nothing of the request is applied — and must belong to the
 * register's store; the rest is applied set-wise (domain/apply-sales.ts), grouped with concurrent pushes
 * by the SalesWriter. Each sale is recorded with the register that pushed it, whichever register the
 * document names (a re-enrolled register still sends the sales it queued under its old id). A re-sent
 * sale changes nothing and is no conflict.
 */
import { type SaleDocument, checkSaleDocument } from '@till/shared/schemas/sale';
import type { DocumentProblem, PushRow } from '@till/shared/sync/protocol';
import { type PushHandler, documentId, rejectIfAny, rejectOtherStores } from './push-handler';

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

/** The push handler of the `sales` collection. */
export const pushSales: PushHandler = async (ctx, rows) => {
  const docs = checkSales(rows);
  rejectOtherStores(docs, ctx.identity);
  // A request may carry the same sale twice (a retried batch merged into a new one): apply it once.
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  if (unique.length === 0) return [];
  await ctx.salesWriter.apply(unique.map((doc) => ({ doc, pushedBy: ctx.identity.registerId })));
  return [];
};
