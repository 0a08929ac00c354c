/** A clerk's shift on one register (`shifts`, push): opened with a float, closed with a count. */
import { z } from 'zod';
import { currencyCode, ident, isoTime, minor, minorNonNegative } from './common';

/** A shift. `expectedCash` is what the register computed; `countedCash` what the person counted. */
export const shiftSchema = z.object({
  id: ident(),
  storeId: ident(),
  registerId: ident(),
  clerkId: ident(),
  status: z.enum(['open', 'closed']),
  currency: currencyCode(),
  openedAt: isoTime(),
  openingFloat: minorNonNegative(),
  closedAt: isoTime().nullable(),
  closedBy: ident().nullable(),
  expectedCash: minor().nullable(),
  countedCash: minorNonNegative().nullable(),
  updatedAt: isoTime(),
});

/** A shift. */
export type Shift = z.infer<typeof shiftSchema>;
