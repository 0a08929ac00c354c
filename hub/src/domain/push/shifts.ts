/**
 * The `shifts` push: a shift is opened, then closed once; a closed shift never reopens. Push-only — a
 * shift belongs to the register that opened it, and a conflict (a stale version, or reopening a closed
 * shift) comes back in the push answer, so no register needs to pull shifts.
 */
import { shiftSchema } from '@till/shared/schemas/shift';
import type { WireDocument } from '@till/shared/sync/protocol';
import { type PushHandler, asConflict, checkDocuments, isStale, rejectOtherStores } from './push-handler';

/** The push handler of the `shifts` collection. */
export const pushShifts: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, shiftSchema, 'shifts');
  rejectOtherStores(
    items.map((i) => ({ id: i.doc.id, storeId: i.doc.storeId })),
    ctx.identity,
  );
  const { shifts } = ctx.repos;
  return ctx.db.transaction(async (tx) => {
    const conflicts: WireDocument[] = [];
    for (const { doc, assumed } of items) {
      const master = await shifts.lock(doc.id, tx);
      if (master && (isStale(master, assumed) || (master.status === 'closed' && doc.status === 'open'))) {
        conflicts.push(asConflict(master));
        continue;
      }
      await shifts.upsert(doc, tx);
    }
    // Nothing to notify: no register pulls or streams shifts.
    return conflicts;
  });
};
