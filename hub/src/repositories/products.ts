/** The catalogue as the storefront and web orders read it (registers pull it through repositories/feeds.ts). */
import type { Queryable } from '../db/port';

/** A product as the storefront lists it. */
export interface CatalogueProduct {
  sku: string;
  name: string;
  price: number;
  currency: string;
  barcodes: string[];
}

/** What pricing a web order needs of a product. */
export interface PricedProduct {
  sku: string;
  name: string;
  price: number;
  currency: string;
  taxCode: string;
}

/** Reads the catalogue. */
export class ProductsRepository {
  constructor(private readonly db: Queryable) {}

  /** Active products whose name contains `term`, or whose SKU or a barcode is `term`; all when empty. */
  async search(term: string, limit: number, tx: Queryable = this.db): Promise<CatalogueProduct[]> {
    return tx.query<CatalogueProduct>(
      `SELECT p.sku, p.name, p.price, p.currency,
              ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.sku = p.sku ORDER BY b.barcode) AS barcodes
       FROM products p
       WHERE p.active AND ($1 = '' OR lower(p.name) LIKE '%' || lower($1) || '%' OR p.sku = $1
             OR p.sku IN (SELECT b.sku FROM product_barcodes b WHERE b.barcode = $1))
       ORDER BY p.name, p.sku LIMIT $2`,
      // LIKE wildcards in the term are data, not patterns.
      [term.replace(/[%_\\]/g, (c) => `\\${c}`), limit],
    );
  }

  /** Whether the hub knows `sku` (active or not). */
  async exists(sku: string, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query('SELECT 1 FROM products WHERE sku = $1', [sku]);
    return rows.length > 0;
  }

  /**
   * The products among `skus` the web store sells: active, and priced by the catalogue (an open-price
   * item has its price typed at the counter; its catalogue price is 0, so online it would be free).
   */
  async sellableOnlineBySku(skus: readonly string[], tx: Queryable = this.db): Promise<PricedProduct[]> {
    return tx.query<PricedProduct>(
      `SELECT sku, name, price, currency, tax_code AS "taxCode" FROM products
       WHERE sku = ANY($1::text[]) AND active AND NOT open_price`,
      [skus],
    );
  }
}
