/**
 * Shoppers of the demo web store. Sign-in is by e-mail alone (a demo: no password): the customer with
 * that e-mail is found, or made, and their personalization choice is stored on the customer record,
 * where the counter reads it too. A change of consent is announced to the store whose registers keep
 * the customer.
 */
import { randomUUID } from 'node:crypto';
import type { Shopper } from '../repositories/storefront';
import type { DomainContext } from './context';

/** What the sign-in form sends. */
export interface SignIn {
  email: string;
  /** Used only when the customer is new; defaults to the e-mail's local part. */
  name?: string | undefined;
  personalization: boolean;
}

/** The signed-in shopper, and whether the sign-in made the customer. */
export interface SignedIn {
  shopper: Shopper;
  created: boolean;
}

/** Finds or makes the customer for `request.email` and stores their personalization choice. */
export async function signIn(ctx: DomainContext, request: SignIn, now = new Date()): Promise<SignedIn> {
  const at = now.toISOString();
  return ctx.db.transaction(async (tx) => {
    const { storefront, changes } = ctx.repos;
    const existing = await storefront.shopperByEmail(request.email, tx);
    if (!existing) {
      const made = await storefront.insertShopper(
        {
          id: `cus-${randomUUID()}`,
          email: request.email,
          name: request.name?.trim() || request.email.split('@')[0] || request.email,
          consent: { personalization: request.personalization, marketing: false, updatedAt: at },
        },
        tx,
      );
      // Another sign-in (or web order) inserted this e-mail first: carry on with theirs.
      if (made) return { shopper: made, created: true };
    }
    const id = existing?.id ?? (await storefront.shopperByEmail(request.email, tx))?.id;
    const updated = id ? await storefront.setPersonalization(id, request.personalization, at, tx) : null;
    if (!updated) throw new Error(`customer ${request.email} vanished during sign-in`);
    if (updated.homeStoreId) await changes.notify([['customers', updated.homeStoreId]], [], tx);
    return { shopper: updated.shopper, created: false };
  });
}
