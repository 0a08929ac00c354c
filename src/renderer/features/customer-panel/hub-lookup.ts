/**
 * Finding a customer on the hub from a look-up key (lookup-key.ts): a card, e-mail or phone asks the hub's
 * customer look-up; an order QR asks for the order, then for its customer by e-mail. Coded results.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type Result, ok } from '@till/shared/result';
import { type HubCustomer, findCustomersOnHub, orderEmailOnHub } from './counter-client';
import type { LookupKey } from './lookup-key';

/** The customers `key` names on the hub (empty when none). */
export async function findOnHub(
  enrollment: StoredEnrollment,
  key: LookupKey,
): Promise<Result<HubCustomer[]>> {
  switch (key.by) {
    case 'card':
      return findCustomersOnHub(enrollment, { card: key.card });
    case 'email':
      return findCustomersOnHub(enrollment, { email: key.email });
    case 'phone':
      return findCustomersOnHub(enrollment, { phone: key.phone });
    case 'order': {
      const email = await orderEmailOnHub(enrollment, key.qr);
      if (!email.ok) return email.error.code === 'not_found' ? ok([]) : email;
      return findCustomersOnHub(enrollment, { email: email.value });
    }
  }
}
