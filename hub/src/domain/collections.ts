/**
 * The register collections the hub replicates (DESIGN.md §2) and how each is read for a pull: which
 * table, whether rows are scoped to the register's store, and how a row becomes a document.
 */
import { stockLevelId } from '@till/shared/schemas/stock-level';

/** A row as the pull query returns it: the table's columns plus the change stamp. */
export type Row = Record<string, unknown> & { _xid: string; _seq: number };

/** How one collection is pulled. */
export interface PullDefinition {
  /** SQL `FROM` item, aliased `t`; must expose `xid` and `seq`. */
  from: string;
  /** Columns to select (besides xid and seq). */
  columns: string;
  /** The column holding the store id when rows are store-scoped; null for catalogue-wide data. */
  storeColumn: string | null;
  /** An extra SQL condition on `t`, e.g. only recent sales. */
  where?: string;
  /**
   * The column naming the register that wrote a row, when a register never needs its own rows back (it
   * made them): its pull skips them, which halves the work of a drain after an outage.
   */
  registerColumn?: string;
  toDocument(row: Row): Record<string, unknown>;
}

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

/** Documents as RxDB expects them from a pull: never deleted (the hub retires data with flags instead). */
const doc = (value: Record<string, unknown>) => ({ ...value, _deleted: false });

/** Every collection a register may pull. */
export const pullDefinitions: Readonly<Record<string, PullDefinition>> = {
  products: {
    from: 'products t',
    columns: `t.sku, t.name, t.price, t.currency, t.tax_code, t.category, t.open_price, t.active, t.updated_at,
      ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.sku = t.sku ORDER BY b.barcode) AS barcodes`,
    storeColumn: null,
    toDocument: (r) =>
      doc({
        sku: r.sku,
        name: r.name,
        price: r.price,
        currency: r.currency,
        taxCode: r.tax_code,
        barcodes: r.barcodes,
        ...(r.category != null ? { category: r.category } : {}),
        ...(r.open_price ? { openPrice: true } : {}),
        active: r.active,
        updatedAt: iso(r.updated_at),
      }),
  },
  stock: {
    from: 'stock_levels t',
    columns: 't.store_id, t.sku, t.on_hand, t.reserved, t.updated_at',
    storeColumn: 'store_id',
    // Registers see on hand minus reserved: the web's buffer is the web's business, not the counter's.
    toDocument: (r) =>
      doc({
        id: stockLevelId(String(r.store_id), String(r.sku)),
        storeId: r.store_id,
        sku: r.sku,
        onHand: r.on_hand,
        reserved: r.reserved,
        available: Number(r.on_hand) - Number(r.reserved),
        updatedAt: iso(r.updated_at),
      }),
  },
  sales: {
    from: 'sales t',
    columns: 't.doc',
    storeColumn: 'store_id',
    registerColumn: 'register_id',
    // Recent sales only: what a register needs to take a return offline.
    where: "t.created_at > now() - interval '90 days'",
    toDocument: (r) => doc(r.doc as Record<string, unknown>),
  },
  orders: {
    from: 'web_orders t',
    columns: 't.doc',
    storeColumn: 'pickup_store_id',
    toDocument: (r) => doc(r.doc as Record<string, unknown>),
  },
  customers: {
    from: 'customers t',
    columns: 't.id, t.email, t.name, t.phone, t.consent, t.loyalty_points, t.created_at, t.updated_at',
    storeColumn: 'home_store_id',
    toDocument: (r) =>
      doc({
        id: r.id,
        email: r.email,
        name: r.name,
        phone: r.phone,
        consent: r.consent,
        loyaltyPoints: r.loyalty_points,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      }),
  },
  staff: {
    from: 'staff t',
    columns: 't.id, t.store_id, t.name, t.role, t.pin_hash, t.active, t.updated_at',
    storeColumn: 'store_id',
    toDocument: (r) =>
      doc({
        id: r.id,
        storeId: r.store_id,
        name: r.name,
        role: r.role,
        pinHash: r.pin_hash,
        active: r.active,
        updatedAt: iso(r.updated_at),
      }),
  },
  shifts: {
    from: 'shifts t',
    columns: 't.doc',
    storeColumn: 'store_id',
    toDocument: (r) => doc(r.doc as Record<string, unknown>),
  },
  settings: {
    from: 'store_settings t',
    columns: 't.doc',
    storeColumn: 'store_id',
    toDocument: (r) => doc(r.doc as Record<string, unknown>),
  },
};

/** Collections a register may push to (each has a handler in sync-push.ts). */
export const pushableCollections = ['sales', 'orders', 'customers', 'shifts', 'audit'] as const;

/** Every collection name the sync API knows. */
export const knownCollections = new Set<string>([...Object.keys(pullDefinitions), ...pushableCollections]);
