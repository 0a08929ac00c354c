/**
 * How each pulled collection is read: which table, whether rows are scoped to the register's store, and
 * how a row becomes a document; and the one paging query all pulls and register streams share. Pages are
 * read by `(xid, seq)` after a checkpoint, and only rows written by transactions older than the oldest
 * one still running are read, so a slow transaction's rows cannot slip behind a checkpoint
 * (docs/architecture.md, Sync protocol).
 */
import { stockLevelId } from '@till/shared/schemas/stock-level';
import { type Checkpoint, START_CHECKPOINT, type WireDocument } from '@till/shared/sync/protocol';
import type { Queryable } from '../db/port';

/** A row as the pull query returns it: the table's columns plus the change stamp. */
export type FeedRow = Record<string, unknown> & { _xid: string; _seq: number };

/** How one collection is pulled. */
export interface PullFeed {
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
  writerColumn?: string;
  toDocument(row: FeedRow): WireDocument;
}

/** One page of a pull. */
export interface FeedPage {
  documents: WireDocument[];
  checkpoint: Checkpoint;
}

const iso = (value: unknown): string =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

/** Documents as RxDB expects them from a pull: never deleted (the hub retires data with flags instead). */
const doc = (value: Record<string, unknown>): WireDocument => ({ ...value, _deleted: false });

/** The feed of every collection registers pull. */
export const feeds = {
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
    // The register whose token pushed the sale, not the one the document names (they differ after a
    // re-enrollment): a register skips exactly the rows it wrote.
    writerColumn: 'pushed_by',
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
  settings: {
    from: 'store_settings t',
    columns: 't.doc',
    storeColumn: 'store_id',
    toDocument: (r) => doc(r.doc as Record<string, unknown>),
  },
} as const satisfies Record<string, PullFeed>;

/** Reads pages of a feed. */
export class FeedsRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Reads up to `limit` documents after `checkpoint`; the same checkpoint comes back when nothing is new.
   * `readerId` (a register's own pull) skips the rows that register wrote, where the feed says so.
   */
  async page(
    feed: PullFeed,
    storeId: string,
    checkpoint: Checkpoint,
    limit: number,
    readerId?: string,
    tx: Queryable = this.db,
  ): Promise<FeedPage> {
    const params: unknown[] = [checkpoint.xid, checkpoint.seq, limit];
    const conditions = [
      '(t.xid, t.seq) > ($1::xid8, $2::bigint)',
      't.xid < pg_snapshot_xmin(pg_current_snapshot())',
    ];
    if (feed.storeColumn) {
      params.push(storeId);
      conditions.unshift(`t.${feed.storeColumn} = $4`);
    }
    if (feed.where) conditions.push(feed.where);
    if (feed.writerColumn && readerId) {
      params.push(readerId);
      conditions.push(`t.${feed.writerColumn} <> $${params.length}`);
    }
    const rows = await tx.query<FeedRow>(
      `SELECT ${feed.columns}, t.xid::text AS _xid, t.seq AS _seq FROM ${feed.from}
       WHERE ${conditions.join(' AND ')} ORDER BY t.xid, t.seq LIMIT $3`,
      params,
    );
    const last = rows.at(-1);
    return {
      documents: rows.map((r) => feed.toDocument(r)),
      checkpoint: last ? { xid: last._xid, seq: last._seq } : checkpoint,
    };
  }

  /**
   * The newest checkpoint that is safe now: the last row below the snapshot's xmin. A stream starts here,
   * after the register has pulled up to (at least) this point following its RESYNC.
   */
  async frontier(feed: PullFeed, storeId: string, tx: Queryable = this.db): Promise<Checkpoint> {
    const params: unknown[] = [];
    const conditions = ['t.xid < pg_snapshot_xmin(pg_current_snapshot())'];
    if (feed.storeColumn) {
      params.push(storeId);
      conditions.unshift(`t.${feed.storeColumn} = $1`);
    }
    const rows = await tx.query<{ xid: string; seq: number }>(
      `SELECT t.xid::text AS xid, t.seq FROM ${feed.from} WHERE ${conditions.join(' AND ')}
       ORDER BY t.xid DESC, t.seq DESC LIMIT 1`,
      params,
    );
    return rows[0] ?? START_CHECKPOINT;
  }
}
