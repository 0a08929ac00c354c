/** Audit trail (`audit`, push, insert-only): who did what sensitive thing at which register. */
import { z } from 'zod';
import { ident, identText, isoTime, text, uuid } from './common';

/** The actions worth an audit entry. */
export const auditActionSchema = z.enum([
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'manager_approval',
  'price_override',
  'discount',
  'void_line',
  'void_sale',
  'no_sale_drawer_open',
  'return',
  'shift_open',
  'shift_close',
  'document_quarantined',
  'paid_in',
  'paid_out',
  'customer_lookup',
  'refund_settled',
]);

/** One audit entry. `details` is a small flat record of strings, numbers and booleans. */
export const auditEntrySchema = z.object({
  id: uuid(),
  storeId: ident(),
  registerId: ident(),
  staffId: ident().nullable(),
  action: auditActionSchema,
  at: isoTime(),
  details: z.record(identText().max(64), z.union([text().max(500), z.number(), z.boolean(), z.null()])),
});

/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
