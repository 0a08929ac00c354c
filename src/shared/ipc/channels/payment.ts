/**
 * The `payment` area of the IPC contract: the card terminal at the counter. The process host talks to the
 * terminal (a `CardTerminal` in src/backend/payments; today a simulated one), so the page only asks for a
 * charge or a refund and gets an outcome back (docs/architecture.md, "Devices" and "A sale's journey").
 *
 * An outcome is `approved` (with the terminal's reference, kept on the sale's tender so a return can refund
 * to it), `declined` (say so, take another tender) or `unknown` (the terminal did not answer in time: the
 * clerk checks the terminal and records what it says with `payment:card-resolve`, so a time-out never leaves
 * a sale half-done). Every request is idempotent per `saleId`: asking again never charges twice.
 */
import { z } from 'zod';
import { currencyCode, identText, uuid } from '../../schemas/common';

/** An amount the terminal handles: a positive integer of minor units (at most 10^9: ten million in cents). */
const cardAmount = () => z.int().min(1).max(1_000_000_000);

/** A terminal's reference for one approved charge or refund. */
export const cardReferenceSchema = identText().min(1).max(128);

/** `payment:card-charge`: charge a card for (part of) a sale. */
export const cardChargeRequestSchema = z.strictObject({
  /** The sale being paid; charging the same sale the same amount again answers the first charge. */
  saleId: uuid(),
  amount: cardAmount(),
  currency: currencyCode(),
});

/** A `payment:card-charge` request. */
export type CardChargeRequest = z.infer<typeof cardChargeRequestSchema>;

/** `payment:card-refund`: give money back to the card of an earlier charge. */
export const cardRefundRequestSchema = z.strictObject({
  /** The return being paid out. */
  saleId: uuid(),
  amount: cardAmount(),
  currency: currencyCode(),
  /** The approved charge's reference (the original sale's card tender `reference`). */
  originalReference: cardReferenceSchema,
});

/** A `payment:card-refund` request. */
export type CardRefundRequest = z.infer<typeof cardRefundRequestSchema>;

/** `payment:card-resolve`: what the terminal showed after an `unknown` outcome, as the clerk read it. */
export const cardResolveRequestSchema = z.strictObject({
  saleId: uuid(),
  approved: z.boolean(),
  /** The reference printed by the terminal, when the clerk has one; otherwise the terminal's own is used. */
  reference: cardReferenceSchema.optional(),
});

/** A `payment:card-resolve` request. */
export type CardResolveRequest = z.infer<typeof cardResolveRequestSchema>;

/** `payment:card-cancel`: stop the charge or refund of a sale that is waiting for the terminal. */
export const cardCancelRequestSchema = z.strictObject({ saleId: uuid() });

/** How a charge or refund ended. */
export const cardOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), reference: cardReferenceSchema }),
  z.object({ outcome: z.literal('declined'), message: z.string().max(500) }),
  z.object({ outcome: z.literal('unknown'), message: z.string().max(500) }),
]);

/** How a charge or refund ended. */
export type CardOutcome = z.infer<typeof cardOutcomeSchema>;

/** What `payment:card-cancel` did: `cancelled` is false when nothing of the sale was waiting. */
export const cardCancelResponseSchema = z.object({ cancelled: z.boolean() });

/** Request channels of the `payment` area. */
export const paymentChannels = {
  /** Charges a card. A time-out is the `unknown` outcome, not an error. Errors: `currency_mismatch` (a retry in another currency). */
  'payment:card-charge': { request: cardChargeRequestSchema, response: cardOutcomeSchema },
  /**
   * Refunds to the card of an earlier charge. Errors: `card_reference_unknown` (no approved charge has that
   * reference), `refund_exceeds_charge` (more than the charge less what was already refunded to it),
   * `currency_mismatch`.
   */
  'payment:card-refund': { request: cardRefundRequestSchema, response: cardOutcomeSchema },
  /**
   * Records the clerk's reading of the terminal after an `unknown` outcome; answers the final outcome.
   * Errors: `card_nothing_to_resolve` (no charge or refund of that sale is in doubt).
   */
  'payment:card-resolve': { request: cardResolveRequestSchema, response: cardOutcomeSchema },
  /** Cancels what is waiting for the terminal; the waiting request then answers `declined`. */
  'payment:card-cancel': { request: cardCancelRequestSchema, response: cardCancelResponseSchema },
} as const;

/** Events of the `payment` area (none). */
export const paymentEvents = {} as const;
