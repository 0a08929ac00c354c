/**
 * Building blocks shared by every document schema. Money is always `minor()`: a safe integer, so a float
 * such as 19.99 is refused at every boundary.
 */
import { z } from 'zod';

/** An integer amount in minor units (cents). Negative allowed (refunds). */
export const minor = () => z.int().describe('integer amount in minor units');

/** A non-negative integer amount in minor units. */
export const minorNonNegative = () => z.int().min(0).describe('non-negative integer amount in minor units');

/** ISO 4217 currency code. */
export const currencyCode = () => z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

/** Identifier of a store, register, staff member, customer… (not a UUID necessarily). */
export const ident = () => z.string().min(1).max(64);

/** A document id made on a register: a UUID (v7 from Till's registers). */
export const uuid = () => z.uuid().max(36);

/** An ISO 8601 UTC timestamp with milliseconds, as `Date.prototype.toISOString` writes it. */
export const isoTime = () => z.iso.datetime().max(32);

/** A SKU: what a product is known by across the hub, registers and the web store. */
export const sku = () => z.string().min(1).max(64);

/** A rate or share in basis points: 10 000 = 100 %. */
export const basisPoints = () => z.int().min(0).max(10_000);
