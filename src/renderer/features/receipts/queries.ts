/**
 * Reads of the recent-receipts list (replica, in the pattern of src/renderer/README.md) and the no-sale
 * drawer open with its audit entry.
 */
import { useQuery } from '@tanstack/react-query';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { TillDatabase } from '../../../sync/database';
import { recordAudit } from '../../../sync/record-audit';
import { useReplica } from '../../app/sync-provider';
import { replicaQueryOptions } from '../../lib/replica-query';

/** How many receipts the list shows. */
export const RECENT_RECEIPTS = 20;

/** This register's last sales and returns, newest first. */
export function recentReceiptsQueryOptions(db: TillDatabase | null, registerId: string) {
  return replicaQueryOptions(db, 'sales', ['recent', registerId], async (replica) => {
    const docs = await replica.sales
      .find({ selector: { registerId }, sort: [{ createdAt: 'desc' }], limit: RECENT_RECEIPTS })
      .exec();
    return docs.map((doc) => doc.toJSON() as SaleDocument);
  });
}

/** This register's last 20 sales and returns, kept current from the replica. */
export function useRecentReceipts(registerId: string | null) {
  return useQuery(recentReceiptsQueryOptions(useReplica(), registerId ?? ''));
}

/** Staff names by id (for the clerk line of a reprinted receipt). */
export function useStaffNames() {
  return useQuery(
    replicaQueryOptions(useReplica(), 'staff', ['names'], async (replica) => {
      const docs = await replica.staff.find().exec();
      return new Map(docs.map((doc) => [doc.id, doc.name] as const));
    }),
  );
}

/**
 * Opens the cash drawer without a sale: audited (`no_sale_drawer_open`) whatever the drawer answers, since
 * the attempt itself is what a manager reviews. Answers what to tell the clerk.
 */
export async function openDrawerNoSale(
  db: TillDatabase | null,
  enrollment: Pick<StoredEnrollment, 'storeId' | 'registerId'> | null,
  staffId: string | null,
): Promise<string> {
  const result = await window.till.invoke('printer:drawer');
  await recordAudit(db, enrollment, {
    action: 'no_sale_drawer_open',
    staffId,
    details: { opened: result.ok },
  });
  return result.ok ? 'Drawer opened.' : result.error.message;
}
