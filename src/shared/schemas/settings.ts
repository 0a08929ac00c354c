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

/**
 * Loyalty rules: points earned per whole currency unit paid (not counting what points paid), and what
 * one point is worth, in minor units, when it is spent as a tender.
 */
export const loyaltyRulesSchema = z.object({
  pointsPerUnit: z.int().min(0).max(1000),
  pointValueMinor: z.int().min(1).max(100_000),
});

/** A store's loyalty rules. */
export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema>;

/** One point per currency unit, each worth one minor unit (1 % back), when a store's settings do not say. */
export const DEFAULT_LOYALTY_RULES: LoyaltyRules = { pointsPerUnit: 1, pointValueMinor: 1 };

/** The loyalty rules of `settings`, or the defaults while there are none (or they do not say). */
export function loyaltyRulesOf(settings: Pick<StoreSettings, 'loyalty'> | null): LoyaltyRules {
  return settings?.loyalty ?? DEFAULT_LOYALTY_RULES;
}

/** Minutes without input before the register locks, when a store's settings do not say. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

/** The cash variance (minor units, either way) above which closing a shift needs a manager, by default. */
export const DEFAULT_CASH_VARIANCE_APPROVAL = 500;

/**
 * A store's settings; one document per store. `idleLockMinutes` and `cashVarianceApproval` are optional so
 * that documents written before they existed stay valid: read them through `idleLockMinutesOf` and
 * `cashVarianceApprovalOf`, which supply the defaults.
 */
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
  /** Minutes without input before the register locks (1–240). */
  idleLockMinutes: z.int().min(1).max(240).optional(),
  /** A closing count off by more than this (minor units, either way) needs a manager's PIN. */
  cashVarianceApproval: minorNonNegative().optional(),
  /** How the store's customers earn and spend loyalty points; read through `loyaltyRulesOf`. */
  loyalty: loyaltyRulesSchema.optional(),
  /** Whether a web order returned at the counter may be refunded as store credit instead (default off). */
  storeCreditRefunds: z.boolean().optional(),
  updatedAt: isoTime(),
});

/** A store's settings. */
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
/** Approval thresholds of a store. */
export type ApprovalThresholds = z.infer<typeof approvalThresholdsSchema>;

/** The idle-lock minutes of `settings`, or the default while there are none (or they do not say). */
export function idleLockMinutesOf(settings: Pick<StoreSettings, 'idleLockMinutes'> | null): number {
  return settings?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
}

/** The cash variance a shift may close with unapproved, from `settings` or the default. */
export function cashVarianceApprovalOf(settings: Pick<StoreSettings, 'cashVarianceApproval'> | null): number {
  return settings?.cashVarianceApproval ?? DEFAULT_CASH_VARIANCE_APPROVAL;
}
