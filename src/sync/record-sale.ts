/**
 * Writes a completed sale or return into the replica. The document is checked against the shared sale
 * contract first (docs/architecture.md, Data rules), so the hub refusing it would mean a bug, never a clerk's
 * mistake; once inserted it is durable (strict IndexedDB durability in the renderer) and replication pushes
 * it.
 */
import { type Result, fail, ok } from '@till/shared/result';
import { type SaleDocument, checkSaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from './database';

/** Inserts a sale document after validating it. A sale is never updated afterwards. */
export async function recordSale(db: TillDatabase, doc: SaleDocument): Promise<Result<SaleDocument>> {
  const checked = checkSaleDocument(doc);
  if (!checked.ok) {
    const rules = checked.violations.map((v) => `${v.code} (${v.path.join('.')})`).join(', ');
    return fail('sale_invalid', `this sale breaks the sale contract: ${rules}`);
  }
  try {
    await db.sales.insert(checked.value);
    return ok(checked.value);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CONFLICT') return fail('sale_exists', `a sale with id ${doc.id} is already recorded`);
    throw error;
  }
}
