/**
 * A clerk who signs out or hands over the register leaves their sale parked, never in the cart: the next
 * clerk starts empty, and the sale waits in the parked list under the clerk's name ("Parked for Bob
 * Clerk — 3 items") until someone resumes it. A payment already taken cannot be set aside that way (the
 * card is charged for this cart), so leaving is refused until it is finished.
 */
import { type Result, fail, ok } from '@till/shared/result';
import { useCartStore } from '../sale/cart-store';
import { useTenderStore } from '../tender/tender-store';
import type { Clerk } from './session-store';

/** The parked sale's name: whose it is and how many items it holds. */
export function parkedForName(clerkName: string, items: number): string {
  return `Parked for ${clerkName} — ${items} ${items === 1 ? 'item' : 'items'}`;
}

/**
 * Parks the cart in progress for `clerk`, if it holds lines. Answers the words for the notice ("Parked for
 * …"), null when the cart was empty, or a coded refusal (`payment_in_progress`, or why parking failed) with
 * the cart left as it was.
 */
export async function parkCartOnLeave(clerk: Pick<Clerk, 'id' | 'name'>): Promise<Result<string | null>> {
  const cart = useCartStore.getState();
  if (cart.lines.length === 0) return ok(null);
  if (useTenderStore.getState().tenders.length > 0) {
    return fail(
      'payment_in_progress',
      'A payment is in progress for this sale: finish or refund it before leaving the register.',
    );
  }
  const items = cart.lines.reduce((sum, line) => sum + line.qty, 0);
  const name = parkedForName(clerk.name, items);
  const parked = await cart.park(name, clerk.id);
  if (!parked.ok) return fail(parked.error.code, `The sale could not be parked: ${parked.error.message}.`);
  return ok(`${parked.value.name}. Resume it from Parked sales.`);
}
