/**
 * The `customers` push: sign-ups and edits at the counter. A sign-up inserts (points start at zero: they
 * are the hub's); an edit of name, contact and consent needs the version the hub has, else the hub's
 * document comes back as a conflict. A customer of another store's registers cannot be edited.
 */
import { customerSchema } from '@till/shared/schemas/customer';
import type { WireDocument } from '@till/shared/sync/protocol';
import { DomainError } from '../errors';
import { type PushHandler, asConflict, checkDocuments, isStale } from './push-handler';

/** The push handler of the `customers` collection. */
export const pushCustomers: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, customerSchema, 'customers');
  const { customers, changes } = ctx.repos;
  const storeId = ctx.identity.storeId;
  return ctx.db.transaction(async (tx) => {
    const conflicts: WireDocument[] = [];
    let changed = false;
    for (const { doc, assumed } of items) {
      const master = await customers.lockMaster(doc.id, tx);
      if (master && master.homeStoreId !== null && master.homeStoreId !== storeId) {
        throw new DomainError('forbidden_store', `customer ${doc.id} belongs to another store's registers`);
      }
      if (master && isStale(master.doc, assumed)) {
        conflicts.push(asConflict(master.doc));
        continue;
      }
      if (master) await customers.updateFromRegister(doc, storeId, tx);
      else await customers.insertFromRegister(doc, storeId, tx);
      changed = true;
    }
    if (changed) await changes.notify([['customers', storeId]], [], tx);
    return conflicts;
  });
};
