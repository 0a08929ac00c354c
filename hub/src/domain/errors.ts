/**
 * The domain's refusals. A rule the request breaks is thrown as a `DomainError` with a code, a message and
 * details; the domain never speaks HTTP. The one error handler (http/error-handler.ts) turns each code
 * into a status with its table, so a new code is added here and given its status there.
 */

/** Every code the domain refuses with. */
export const domainErrorCodes = [
  /** No replicated collection has this name. */
  'unknown_collection',
  /** The collection is push-only (registers never pull it). */
  'not_pullable',
  /** The collection is written only by the hub. */
  'not_pushable',
  /** Pushed documents break their contract; `details.documents` names each (nothing was applied). */
  'invalid_documents',
  /** A pull checkpoint is not `{"xid":"<digits>","seq":<int>}`. */
  'invalid_checkpoint',
  /** A counter look-up gave none of the keys it needs. */
  'missing_key',
  /** A web order names SKUs the hub does not sell. */
  'unknown_sku',
  /** A web order's pickup store does not exist. */
  'unknown_store',
  /** A web order the shared pricing refuses (its codes are passed through). */
  'qty_invalid',
  'price_invalid',
  'amount_too_large',
  /** A web order refused for another reason the pricing gives. */
  'invalid_order',
  /** Documents of a store (or an order of a store) other than the register's. */
  'forbidden_store',
  /** Pushed ids already stored with other content; `details.documents` names each (nothing was applied). */
  'id_conflict',
  /** An enrollment code that is unknown or already used. */
  'invalid_code',
  /** The gateway declined the card; nothing was reserved. */
  'payment_declined',
  /** More than can be promised; `details.skus` says what was asked and what is available. */
  'insufficient_stock',
  /** An Idempotency-Key reused with another order request; `details.mismatch` names what differs. */
  'idempotency_mismatch',
  /** No web order has this id or number. */
  'unknown_order',
  /** The order's state machine does not allow this move from its current status. */
  'invalid_transition',
] as const;

/** A domain refusal's code. */
export type DomainErrorCode = (typeof domainErrorCodes)[number];

const codes = new Set<string>(domainErrorCodes);

/** Whether `code` is one of the domain's codes (for codes that come from shared functions). */
export function isDomainErrorCode(code: string): code is DomainErrorCode {
  return codes.has(code);
}

/** A rule the request breaks: nothing was changed. `details` go into the error body beside the message. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
