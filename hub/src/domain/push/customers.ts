/**
 * The `customers` push: sign-ups and edits at the counter. A sign-up inserts (points start at zero: they
 * are the hub's); an edit of name, contact and consent needs the version the hub has, else the hub's
 * document comes back as a conflict. A customer of another store's registers cannot be edited: the
 * request is refused (403, push/collisions.ts) and nothing of that customer comes back.
 */
import { type Customer, customerSchema } from '@till/shared/schemas/customer';
import type { WireDocument } from '@till/shared/sync/protocol';
import type { Queryable } from '../../db/port';
import type { CustomerMaster } from '../../repositories/customers';
import { type Collision, recordingRefusals, refuseCollisions } from './collisions';
import {
  type CheckedRow,
  type PushContext,
  type PushHandler,
  asConflict,
  checkDocuments,
  isStale,
} from './push-handler';
import { writeOrNameUnstorable } from './unstorable';

/** The push handler of the `customers` collection. */
export const pushCustomers: PushHandler = (ctx, rows) =>
  storeCustomers(ctx, checkDocuments(rows, customerSchema, 'customers'));

/**
 * Stores checked sign-ups and edits in one transaction and returns the conflicts (tests call it with
 * documents the schema would refuse, to reach the database's own refusals).
 */
export function storeCustomers(
  ctx: PushContext,
  items: readonly CheckedRow<Customer>[],
): Promise<WireDocument[]> {
  return recordingRefusals(ctx, () =>
    writeOrNameUnstorable(
      ctx.db,
      'customers',
      items,
      (i) => i.doc.id,
      (tx, subset) => writeCustomers(ctx, tx, subset),
    ),
  );
}

async function writeCustomers(
  ctx: PushContext,
  tx: Queryable,
  items: readonly CheckedRow<Customer>[],
): Promise<WireDocument[]> {
  const { customers, changes } = ctx.repos;
  const storeId = ctx.identity.storeId;
  const conflicts: WireDocument[] = [];
  const collisions: Collision[] = [];
  let changed = false;
  for (const { doc, assumed } of items) {
    let master = await customers.lockMaster(doc.id, tx);
    if (!master) {
      if (await customers.insertFromRegister(doc, storeId, tx)) {
        changed = true;
        continue;
      }
      // The id was taken since the lock found none: judged against the customer that took it. (With no
      // customer by this id, the e-mail is another customer's and the sign-up is left out, as before.)
      master = await customers.lockMaster(doc.id, tx);
      if (!master) continue;
    }
    if (master.homeStoreId !== null && master.homeStoreId !== storeId) {
      collisions.push(collision(doc, master, storeId));
      continue;
    }
    if (isStale(master.doc, assumed)) {
      conflicts.push(asConflict(master.doc));
      continue;
    }
    await customers.updateFromRegister(doc, storeId, tx);
    changed = true;
  }
  // Thrown inside the transaction, so nothing of the request is applied.
  refuseCollisions(ctx, 'customers', collisions);
  if (changed) await changes.notify([['customers', storeId]], [], tx);
  return conflicts;
}

/** A pushed customer held by another store's registers (no contact details go into the summary). */
function collision(pushed: Customer, master: CustomerMaster, storeId: string): Collision {
  return {
    id: pushed.id,
    foreign: true,
    existing: { homeStoreId: master.homeStoreId, updatedAt: master.doc.updatedAt },
    pushed: { homeStoreId: storeId, updatedAt: pushed.updatedAt },
    document: pushed,
  };
}
