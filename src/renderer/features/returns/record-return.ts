/**
 * Recording a built return (docs/architecture.md, "A sale's journey"): through `recordSale`, which checks
 * it against the sale contract before inserting it into the replica (replication pushes it; nothing waits
 * for the network), then an audit entry `return`. The hub moves the resellable units back into stock from
 * the document itself, exactly once however often it is pushed.
 */
import type { Result } from '@till/shared/result';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from '../../../sync/database';
import { recordSale } from '../../../sync/record-sale';
import { recordAudit } from '../../../sync/record-audit';

/** Records `doc` and its audit entry; the recorded document comes back for the receipt. */
export async function recordReturn(
  db: TillDatabase,
  enrollment: StoredEnrollment,
  doc: SaleDocument,
): Promise<Result<SaleDocument>> {
  const recorded = await recordSale(db, doc);
  if (!recorded.ok) return recorded;
  await recordAudit(db, enrollment, {
    action: 'return',
    staffId: doc.clerkId,
    details: {
      returnId: doc.id,
      number: doc.number,
      returnOf: doc.returnOf && 'saleId' in doc.returnOf ? doc.returnOf.saleId : null,
      orderId: doc.returnOf && 'orderId' in doc.returnOf ? doc.returnOf.orderId : null,
      refundMethod: doc.tenders[0]?.method ?? 'none',
      refund: -doc.totals.gross,
      units: -doc.lines.reduce((s, l) => s + l.qty, 0),
      withoutReceipt: doc.returnOf === null,
    },
  });
  return recorded;
}
