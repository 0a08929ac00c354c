/**
 * The `shifts` push: a shift is opened, then closed once; a closed shift never reopens. Push-only — a
 * shift belongs to the register that opened it, and a conflict (a stale version, or reopening a closed
 * shift) comes back in the push answer, so no register needs to pull shifts. A shift id held by another
 * store's shift is refused (403, push/collisions.ts): its document never comes back as a conflict, and it
 * cannot be overwritten whatever version the register claims to have seen.
 */
import { type Shift, shiftSchema } from '@till/shared/schemas/shift';
import type { WireDocument } from '@till/shared/sync/protocol';
import type { Queryable } from '../../db/port';
import { type Collision, recordingRefusals, refuseCollisions } from './collisions';
import {
  type CheckedRow,
  type PushContext,
  type PushHandler,
  asConflict,
  checkDocuments,
  isStale,
  rejectOtherCurrencies,
  rejectOtherStores,
} from './push-handler';
import { writeOrNameUnstorable } from './unstorable';

/** The push handler of the `shifts` collection. */
export const pushShifts: PushHandler = (ctx, rows) =>
  storeShifts(ctx, checkDocuments(rows, shiftSchema, 'shifts'));

/**
 * Stores checked shifts in one transaction and returns the conflicts (tests call it with documents the
 * schema would refuse, to reach the database's own refusals).
 */
export async function storeShifts(
  ctx: PushContext,
  items: readonly CheckedRow<Shift>[],
): Promise<WireDocument[]> {
  const docs = items.map((i) => i.doc);
  rejectOtherStores(docs, ctx.identity);
  await rejectOtherCurrencies(ctx, 'shifts', docs);
  return recordingRefusals(ctx, () =>
    writeOrNameUnstorable(
      ctx.db,
      'shifts',
      items,
      (i) => i.doc.id,
      (tx, subset) => writeShifts(ctx, tx, subset),
    ),
  );
}

async function writeShifts(
  ctx: PushContext,
  tx: Queryable,
  items: readonly CheckedRow<Shift>[],
): Promise<WireDocument[]> {
  const { shifts } = ctx.repos;
  const conflicts: WireDocument[] = [];
  const collisions: Collision[] = [];
  for (const { doc, assumed } of items) {
    const master = await shifts.lock(doc.id, tx);
    if (master && master.storeId !== ctx.identity.storeId) {
      collisions.push(collision(doc, master.doc));
      continue;
    }
    if (
      master &&
      (isStale(master.doc, assumed) || (master.doc.status === 'closed' && doc.status === 'open'))
    ) {
      conflicts.push(asConflict(master.doc));
      continue;
    }
    if (!(await shifts.upsert(doc, tx))) {
      const stored = await shifts.lock(doc.id, tx);
      collisions.push(collision(doc, stored?.doc ?? null));
    }
  }
  // Thrown inside the transaction, so nothing of the request is applied.
  refuseCollisions(ctx, 'shifts', collisions);
  // Nothing to notify: no register pulls or streams shifts.
  return conflicts;
}

/** A pushed shift whose id another store's shift holds. */
function collision(pushed: Shift, stored: Shift | null): Collision {
  const summary = (s: Shift) => ({
    storeId: s.storeId,
    registerId: s.registerId,
    status: s.status,
    updatedAt: s.updatedAt,
  });
  return {
    id: pushed.id,
    foreign: true,
    existing: stored ? summary(stored) : {},
    pushed: summary(pushed),
    document: pushed,
  };
}
