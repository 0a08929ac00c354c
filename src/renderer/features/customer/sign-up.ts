/**
 * Signing a customer up at the counter, offline too: the form's words become a `customers` document
 * checked with the shared `customerSchema` and inserted into the replica, which pushes it to the hub by
 * itself. Points start at zero (the hub owns loyalty). Bad input is a coded error and nothing is saved.
 */
import { newDocumentId } from '@till/shared/domain/sale-builder';
import { type Result, fail, ok } from '@till/shared/result';
import { type Customer, customerSchema } from '@till/shared/schemas/customer';
import type { TillDatabase } from '../../../sync/database';

/** What the clerk typed and chose in the sign-up form. */
export interface SignUpInput {
  name: string;
  email: string;
  phone: string;
  personalization: boolean;
  marketing: boolean;
}

/** Words for the fields the shared schema refuses. */
const fieldWords: Record<string, string> = {
  name: 'Type the customer’s name (up to 120 characters).',
  email: 'That e-mail address does not look right.',
  phone: 'A phone number has 5 to 24 digits, spaces, brackets or dashes, and may start with +.',
};

/** Builds and checks the document for `input` at `now` (no replica needed; the tests use it alone). */
export function customerFromForm(input: SignUpInput, now: Date = new Date()): Result<Customer> {
  const name = input.name.trim();
  const email = input.email.trim().toLowerCase();
  const phone = input.phone.trim();
  if (name === '') return fail('name_missing', fieldWords.name ?? '');
  if (email === '' && phone === '') {
    return fail('contact_missing', 'Give an e-mail address or a phone number (or both).');
  }
  const at = now.toISOString();
  const parsed = customerSchema.safeParse({
    id: newDocumentId(),
    name,
    email: email === '' ? null : email,
    phone: phone === '' ? null : phone,
    consent: { personalization: input.personalization, marketing: input.marketing, updatedAt: at },
    loyaltyPoints: 0,
    createdAt: at,
    updatedAt: at,
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return fail(`${field || 'customer'}_invalid`, fieldWords[field] ?? 'Check the details and try again.');
  }
  return ok(parsed.data);
}

/**
 * Signs the customer up in the replica. An e-mail another customer of this store already has is refused
 * here, because the hub would leave such a sign-up out.
 */
export async function signUpCustomer(db: TillDatabase, input: SignUpInput): Promise<Result<Customer>> {
  const built = customerFromForm(input);
  if (!built.ok) return built;
  const customer = built.value;
  if (customer.email) {
    const taken = await db.customers.findOne({ selector: { email: customer.email } }).exec();
    if (taken) {
      return fail('email_taken', `${taken.name} already has that e-mail address: search for them instead.`);
    }
  }
  try {
    await db.customers.insert(customer);
  } catch (error) {
    return fail('not_saved', `The customer could not be saved on this register: ${String(error)}`);
  }
  return ok(customer);
}
