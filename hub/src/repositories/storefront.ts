/**
 * What the demo web store reads beyond single products: a page of the catalogue with its total, one
 * product, the levels of many SKUs at every store in one statement, the stores a shopper may pick up
 * at, and the shoppers themselves (sign-in by e-mail and their personalization consent).
 */
import type { Customer } from '@till/shared/schemas/customer';
import type { Queryable } from '../db/port';
import type { CatalogueProduct } from './products';

/** A product as the web store lists it, with its category. */
export interface StoreProduct extends CatalogueProduct {
  category: string;
}

/** One page of the catalogue and how many products match in all. */
export interface ProductPage {
  products: StoreProduct[];
  total: number;
}

/** A level of one SKU at one store. */
export interface SkuLevel {
  sku: string;
  storeId: string;
  onHand: number;
  reserved: number;
}

/** A shopper as the web store sees them. */
export interface Shopper {
  id: string;
  email: string;
  name: string;
  loyaltyPoints: number;
  consent: Customer['consent'];
}

const PRODUCT_COLUMNS = `p.sku, p.name, p.price, p.currency, p.category,
  ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.sku = p.sku ORDER BY b.barcode) AS barcodes`;
const SHOPPER_COLUMNS = `id, email, name, loyalty_points AS "loyaltyPoints", consent`;

/** Reads for the web store, and its shoppers. */
export class StorefrontRepository {
  constructor(private readonly db: Queryable) {}

  /** Active, priced products matching `term` (name contains, SKU or barcode is), ordered by name. */
  async page(term: string, limit: number, offset: number, tx: Queryable = this.db): Promise<ProductPage> {
    const rows = await tx.query<StoreProduct & { total: number }>(
      `SELECT ${PRODUCT_COLUMNS}, count(*) OVER ()::int AS total
       FROM products p
       WHERE p.active AND NOT p.open_price
         AND ($1 = '' OR lower(p.name) LIKE '%' || lower($1) || '%' OR p.sku = $1
              OR p.sku IN (SELECT b.sku FROM product_barcodes b WHERE b.barcode = $1))
       ORDER BY p.name, p.sku LIMIT $2 OFFSET $3`,
      // LIKE wildcards in the term are data, not patterns.
      [term.replace(/[%_\\]/g, (c) => `\\${c}`), limit, offset],
    );
    // Past the last page there are no rows to carry the total: count once more.
    const total = rows[0]?.total ?? (offset > 0 ? await this.count(term, tx) : 0);
    return { products: rows.map(({ total: _t, ...p }) => p), total };
  }

  private async count(term: string, tx: Queryable): Promise<number> {
    const rows = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM products p WHERE p.active AND NOT p.open_price
         AND ($1 = '' OR lower(p.name) LIKE '%' || lower($1) || '%' OR p.sku = $1
              OR p.sku IN (SELECT b.sku FROM product_barcodes b WHERE b.barcode = $1))`,
      [term.replace(/[%_\\]/g, (c) => `\\${c}`)],
    );
    return rows[0]?.n ?? 0;
  }

  /** One active product, or null. */
  async product(sku: string, tx: Queryable = this.db): Promise<StoreProduct | null> {
    const rows = await tx.query<StoreProduct>(
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.sku = $1 AND p.active`,
      [sku],
    );
    return rows[0] ?? null;
  }

  /** The levels of the known SKUs among `skus` at every store (zero where a store has none). */
  async levels(skus: readonly string[], tx: Queryable = this.db): Promise<SkuLevel[]> {
    return tx.query<SkuLevel>(
      `SELECT p.sku, s.id AS "storeId", coalesce(l.on_hand, 0) AS "onHand", coalesce(l.reserved, 0) AS reserved
       FROM products p CROSS JOIN stores s
       LEFT JOIN stock_levels l ON l.store_id = s.id AND l.sku = p.sku
       WHERE p.sku = ANY($1::text[]) ORDER BY p.sku, s.id`,
      [skus],
    );
  }

  /** Every store, for the pick-up choice. */
  async stores(tx: Queryable = this.db): Promise<{ id: string; name: string }[]> {
    return tx.query('SELECT id, name FROM stores ORDER BY id');
  }

  /** The shopper with this e-mail (any case), or null. */
  async shopperByEmail(email: string, tx: Queryable = this.db): Promise<Shopper | null> {
    const rows = await tx.query<Shopper>(
      `SELECT ${SHOPPER_COLUMNS} FROM customers WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** The shopper with this id, or null. */
  async shopperById(id: string, tx: Queryable = this.db): Promise<Shopper | null> {
    const rows = await tx.query<Shopper>(`SELECT ${SHOPPER_COLUMNS} FROM customers WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Adds a shopper; null when another request inserted the e-mail first (the unique index decides). */
  async insertShopper(
    shopper: { id: string; email: string; name: string; consent: Customer['consent'] },
    tx: Queryable = this.db,
  ): Promise<Shopper | null> {
    const rows = await tx.query<Shopper>(
      `INSERT INTO customers (id, email, name, consent) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING ${SHOPPER_COLUMNS}`,
      [shopper.id, shopper.email, shopper.name, JSON.stringify(shopper.consent)],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets a shopper's personalization consent (marketing stays as it is); returns the shopper and the
   * store whose registers keep them, so the change can be announced to that store.
   */
  async setPersonalization(
    id: string,
    personalization: boolean,
    at: string,
    tx: Queryable = this.db,
  ): Promise<{ shopper: Shopper; homeStoreId: string | null } | null> {
    const rows = await tx.query<Shopper & { homeStoreId: string | null }>(
      `UPDATE customers SET consent = consent || jsonb_build_object('personalization', $2::boolean, 'updatedAt', $3::text),
         updated_at = $3::timestamptz
       WHERE id = $1 RETURNING ${SHOPPER_COLUMNS}, home_store_id AS "homeStoreId"`,
      [id, personalization, at],
    );
    const row = rows[0];
    if (!row) return null;
    const { homeStoreId, ...shopper } = row;
    return { shopper, homeStoreId };
  }

  /** The e-mails (lower case) among `emails` whose customer consented to personalization. */
  async consentingEmails(emails: readonly string[], tx: Queryable = this.db): Promise<Set<string>> {
    const rows = await tx.query<{ email: string }>(
      `SELECT lower(email) AS email FROM customers
       WHERE lower(email) = ANY($1::text[]) AND (consent ->> 'personalization')::boolean IS TRUE`,
      [emails.map((e) => e.toLowerCase())],
    );
    return new Set(rows.map((r) => r.email));
  }
}
