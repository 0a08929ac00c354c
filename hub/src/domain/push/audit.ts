/** The `audit` push: entries are insert-only, and a re-sent entry is a no-op. Push-only, never conflicts. */
import { auditEntrySchema } from '@till/shared/schemas/audit';
import { type PushHandler, checkDocuments, rejectOtherStores } from './push-handler';

/** The push handler of the `audit` collection. */
export const pushAudit: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, auditEntrySchema, 'audit');
  rejectOtherStores(
    items.map((i) => ({ id: i.doc.id, storeId: i.doc.storeId })),
    ctx.identity,
  );
  await ctx.repos.audit.insertMany(items.map((i) => i.doc));
  return [];
};
