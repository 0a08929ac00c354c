/** Staff, replicated hub → registers (`staff`), so a clerk can sign in with a PIN while offline. */
import { z } from 'zod';
import { ident, isoTime } from './common';

/** What a person may do at the counter. Managers approve overrides and close shifts. */
export const roleSchema = z.enum(['clerk', 'manager', 'admin']);

/** A staff member. The PIN is stored only as a salted hash (`scheme$salt$hash`), never in clear. */
export const staffSchema = z.object({
  id: ident(),
  storeId: ident(),
  name: z.string().min(1).max(120),
  role: roleSchema,
  pinHash: z.string().min(10).max(300),
  active: z.boolean(),
  updatedAt: isoTime(),
});

/** A staff member. */
export type Staff = z.infer<typeof staffSchema>;
/** A staff role. */
export type Role = z.infer<typeof roleSchema>;
