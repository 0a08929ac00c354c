/**
 * Building blocks shared by every document schema. Money is always `minor()`: a safe integer, so a float
 * such as 19.99 is refused at every boundary.
 *
 * Every string of a document is `text()` or `identText()`, and every amount and quantity is bounded, so a
 * document that passes its schema is one the hub's database can store (docs/architecture.md, Data rules):
 * PostgreSQL refuses NUL in `text` and `jsonb`, JSON with an unpaired UTF-16 surrogate, and integers over
 * their column. Such a document would otherwise fail on the hub with an error the register retries for ever.
 *
 * These rules are refinements, not JSON Schema keywords (no `pattern`, `minimum`, `maximum`): the
 * register's RxDB schemas are derived from these schemas (rx-schema.ts), and a change there would need a
 * schema version bump and a migration of every register's replica.
 */
import { z } from 'zod';

/** The largest amount of money in one field, in minor units (10^11: a billion in a two-decimal currency). */
export const MAX_MINOR = 100_000_000_000;

/**
 * The largest quantity on one line. With at most 500 lines a sale moves at most 5·10^8 units of one SKU,
 * inside the `integer` columns of the stock ledger and levels.
 */
export const MAX_QTY = 1_000_000;

/** The largest count kept in a PostgreSQL `integer` column (loyalty points, stock levels). */
export const MAX_INT4 = 2_147_483_647;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `s` holds NUL or (with `all`) any other C0 control character or DEL. */
function hasControl(s: string, all: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || (all && (c < 0x20 || c === 0x7f))) return true;
  }
  return false;
}

/** Whether the database can store `s` as text: no NUL, no unpaired UTF-16 surrogate. */
export function isStorableText(s: string): boolean {
  return !hasControl(s, false) && !LONE_SURROGATE.test(s);
}

/** Whether `s` is storable and free of control characters (what an id, SKU or number may hold). */
export function isIdentifierText(s: string): boolean {
  return !hasControl(s, true) && !LONE_SURROGATE.test(s);
}

/** Free text (a name, a reason, a note): anything but NUL and unpaired surrogates. Code `text_invalid`. */
export const text = () =>
  z.string().refine(isStorableText, {
    message: 'must not contain NUL or an unpaired UTF-16 surrogate',
    params: { code: 'text_invalid' },
  });

/** An identifier-like string (id, SKU, receipt number, code): printable, no control characters. */
export const identText = () =>
  z.string().refine(isIdentifierText, {
    message: 'must not contain control characters or an unpaired UTF-16 surrogate',
    params: { code: 'text_invalid' },
  });

/** An integer within ±`max` (a refinement, see above). Code `out_of_range`. */
export const boundedInt = (max: number) =>
  z.int().refine((v) => Math.abs(v) <= max, {
    message: `must be within ±${max}`,
    params: { code: 'out_of_range' },
  });

/**
 * An integer amount in minor units (cents), within ±`MAX_MINOR`. Negative allowed (refunds). The bound
 * keeps every sum over a document's lines (at most 500) and tenders a safe integer and far inside the
 * `bigint` money columns, and a sale's loyalty points (gross / 100) inside their `integer` column.
 */
export const minor = () => boundedInt(MAX_MINOR).describe('integer amount in minor units');

/** A non-negative integer amount in minor units. */
export const minorNonNegative = () => minor().min(0).describe('non-negative integer amount in minor units');

/** A line quantity: an integer within ±`MAX_QTY` (zero is refused by the documents' own rules). */
export const quantity = () => boundedInt(MAX_QTY);

/** ISO 4217 currency code. */
export const currencyCode = () => z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');

/** Identifier of a store, register, staff member, customer… (not a UUID necessarily). */
export const ident = () => identText().min(1).max(64);

/** A document id made on a register: a UUID (v7 from Till's registers). */
export const uuid = () => z.uuid().max(36);

/** An ISO 8601 UTC timestamp with milliseconds, as `Date.prototype.toISOString` writes it. */
export const isoTime = () => z.iso.datetime().max(32);

/** A SKU: what a product is known by across the hub, registers and the web store. */
export const sku = () => identText().min(1).max(64);

/** A rate or share in basis points: 10 000 = 100 %. */
export const basisPoints = () => z.int().min(0).max(10_000);
