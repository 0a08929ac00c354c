/**
 * The `sales` push (DESIGN.md §2): every document is checked against the shared contract first — one bad
 * document and nothing of the request is applied — and must belong to the register's store; the rest is
 * applied set-wise by apply-sales.ts, grouped with concurrent pushes by SalesWriter. A re-sent sale
 * changes nothing and is no conflict.
 */
import { type SaleDocument, checkSaleDocument } from '@till/shared/schemas/sale';
import {
  type DocumentProblem,
  type PushHandler,
  documentId,
  rejectIfAny,
  rejectOtherStores,
} from './push-rows';

/** Checks every pushed sale; throws the 400 naming each bad one, or returns the documents. */
export function checkSales(rows: readonly { newDocumentState: unknown }[]): SaleDocument[] {
  const problems: DocumentProblem[] = [];
  const docs: SaleDocument[] = [];
  for (const row of rows) {
    const state = row.newDocumentState as Record<string, unknown>;
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

const pathed = (v: { message: string; path: (string | number)[] }) =>
  v.path.length > 0 ? `${v.path.join('.')}: ${v.message}` : v.message;

/** The push handler of the `sales` collection. */
export const pushSales: PushHandler = async (ctx, rows) => {
  const docs = checkSales(rows);
  rejectOtherStores(docs, ctx.identity);
  // A request may carry the same sale twice (a retried batch merged into a new one): apply it once.
  const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
  if (unique.length === 0) return [];
  await ctx.salesWriter.apply(unique);
  return [];
};
