/** A store's configuration (`settings`, pull): currency, tax, price mode, approval thresholds, receipt text. */
import { z } from 'zod';
import { basisPoints, currencyCode, ident, identText, isoTime, minorNonNegative, text } from './common';

/** One tax code's rate in parts per million (8.875 % → 88 750). */
export const taxRateSchema = z.object({
  code: identText().min(1).max(32),
  name: text().min(1).max(80),
  ratePpm: z.int().min(0).max(1_000_000),
});

/**
 * Above these a manager must approve. Percentages are basis points of the line or cart before discount.
 * `overrideDropBp`: a price override that lowers the price by more than this share needs approval.
 */
export const approvalThresholdsSchema = z.object({
  lineDiscountBp: basisPoints(),
  cartDiscountBp: basisPoints(),
  discountAmount: minorNonNegative(),
  overrideDropBp: basisPoints(),
});

/** A store's settings; one document per store. */
export const storeSettingsSchema = z.object({
  storeId: ident(),
  /** Short code used in receipt numbers: `S<code>-R<register>-<seq>`. */
  storeCode: z.string().regex(/^[A-Za-z0-9]{1,8}$/),
  name: text().min(1).max(120),
  currency: currencyCode(),
  locale: identText().min(2).max(35),
  priceMode: z.enum(['tax-exclusive', 'tax-inclusive']),
  taxRates: z.array(taxRateSchema).min(1).max(50),
  approvals: approvalThresholdsSchema,
  receiptHeader: z.array(text().max(48)).max(8),
  receiptFooter: z.array(text().max(48)).max(8),
  updatedAt: isoTime(),
});

/** A store's settings. */
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
/** Approval thresholds of a store. */
export type ApprovalThresholds = z.infer<typeof approvalThresholdsSchema>;
