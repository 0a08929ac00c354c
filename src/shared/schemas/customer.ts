/** Customer, pulled on demand and pushed on sign-up at the counter (`customers`). */
import { z } from 'zod';
import { MAX_INT4, boundedInt, ident, isoTime, text } from './common';

/** What the customer agreed to; personalization data is shown at the counter only with `personalization`. */
export const consentSchema = z.object({
  personalization: z.boolean(),
  marketing: z.boolean(),
  updatedAt: isoTime(),
});

/** A customer known to the hub (web and store). */
export const customerSchema = z.object({
  id: ident(),
  email: z.email().max(254).nullable(),
  name: text().min(1).max(120),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{5,24}$/, 'a phone number')
    .nullable(),
  consent: consentSchema,
  /** Loyalty points balance, derived by the hub from its loyalty ledger. */
  loyaltyPoints: boundedInt(MAX_INT4).min(0),
  createdAt: isoTime(),
  updatedAt: isoTime(),
});

/** A customer. */
export type Customer = z.infer<typeof customerSchema>;
