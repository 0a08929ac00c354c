/**
 * How each pulled collection is read: which table, whether rows are scoped to the register's store, and
 * how a row becomes a document; and the one paging query all pulls and register streams share. Pages are
 * read by `(xid, seq)` after a checkpoint, and only rows written by transactions older than the oldest
 * one still running are read, so a slow transaction's rows cannot slip behind a checkpoint
 * (docs/architecture.md, Sync protocol).
 */
import { stockLevelId } from '@till/shared/schemas/stock-level';
import { type Checkpoint, START_CHECKPOINT } from '@till/shared/sync/protocol';
import type { Queryable } from '../db/port';

/** How one collection is pulled. */
export interface PullFeed {
  /** SQL `FROM` item, aliased `t`; must expose `xid` and `seq`. */
  from: string;
  /**
   * A SQL expression over `t` building the pulled document as `jsonb`, `_deleted: false` included: the
   * database writes the page's JSON, and the hub passes it on without parsing it.
   */
  document: string;
  /** The column holding the store id when rows are store-scoped; null for catalogue-wide data. */
  storeColumn: string | null;
  /** An extra SQL condition on `t`, e.g. only recent sales. */
  where?: string;
  /**
   * The column naming the register that wrote a row, when a register never needs its own rows back (it
   * made them): its pull skips them, which halves the work of a drain after an outage.
   */
  writerColumn?: string;
}

/** One page of a pull, its documents as one JSON array text (as the database wrote it). */
export interface FeedPage {
  /** The documents: a JSON array. */
  documentsJson: string;
  /** How many documents the array holds. */
  count: number;
  checkpoint: Checkpoint;
}

// stockLevelId joins store and SKU with a separator; the query joins them the same way.
const ID_SEPARATOR = stockLevelId('', '');

/** A timestamp as `Date.toISOString()` writes it (UTC, milliseconds). */
const iso = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A stored document as pulled: never deleted (the hub retires data with flags instead). */
const stored = (column: string): string => `${column} || '{"_deleted":false}'::jsonb`;

/** The feed of every collection registers pull. */
export const feeds = {
  products: {
    from: 'products t',
    // Optional fields are left out when unset, as the shared product schema expects.
    document: `jsonb_build_object('sku', t.sku, 'name', t.name, 'price', t.price, 'currency', t.currency,
      'taxCode', t.tax_code,
      'barcodes', ARRAY(SELECT b.barcode FROM product_barcodes b WHERE b.sku = t.sku ORDER BY b.barcode),
      'active', t.active, 'updatedAt', ${iso('t.updated_at')}, '_deleted', false)
      || CASE WHEN t.category IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('category', t.category) END
      || CASE WHEN t.open_price THEN '{"openPrice":true}'::jsonb ELSE '{}'::jsonb END`,
    storeColumn: null,
  },
  stock: {
    from: 'stock_levels t',
    // Registers see on hand minus reserved: the web's buffer is the web's business, not the counter's.
    document: `jsonb_build_object('id', t.store_id || '${ID_SEPARATOR}' || t.sku, 'storeId', t.store_id,
      'sku', t.sku, 'onHand', t.on_hand, 'reserved', t.reserved, 'available', t.on_hand - t.reserved,
      'updatedAt', ${iso('t.updated_at')}, '_deleted', false)`,
    storeColumn: 'store_id',
  },
  sales: {
    from: 'sales t',
    document: stored('t.doc'),
    storeColumn: 'store_id',
    // The register whose token pushed the sale, not the one the document names (they differ after a
    // re-enrollment): a register skips exactly the rows it wrote.
    writerColumn: 'pushed_by',
    // Recent sales only: what a register needs to take a return offline.
    where: "t.created_at > now() - interval '90 days'",
  },
  orders: {
    from: 'web_orders t',
    document: stored('t.doc'),
    storeColumn: 'pickup_store_id',
  },
  customers: {
    from: 'customers t',
    document: `jsonb_build_object('id', t.id, 'email', t.email, 'name', t.name, 'phone', t.phone,
      'consent', t.consent, 'loyaltyPoints', t.loyalty_points, 'createdAt', ${iso('t.created_at')},
      'updatedAt', ${iso('t.updated_at')}, '_deleted', false)`,
    storeColumn: 'home_store_id',
  },
  staff: {
    from: 'staff t',
    document: `jsonb_build_object('id', t.id, 'storeId', t.store_id, 'name', t.name, 'role', t.role,
      'pinHash', t.pin_hash, 'active', t.active, 'updatedAt', ${iso('t.updated_at')}, '_deleted', false)`,
    storeColumn: 'store_id',
  },
  settings: {
    from: 'store_settings t',
    document: stored('t.doc'),
    storeColumn: 'store_id',
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
    // One row back: the page as JSON text built by the database (text, so no driver parses it; one line,
    // so a stream frames it as it is), with its count and last checkpoint.
    const rows = await tx.query<{ documents: string; count: number; xid: string | null; seq: number | null }>(
      `SELECT '[' || coalesce(string_agg(p.d::text, ',' ORDER BY p.xid, p.seq), '') || ']' AS documents,
         count(*)::int AS count,
         (array_agg(p.xid::text ORDER BY p.xid DESC, p.seq DESC))[1] AS xid,
         (array_agg(p.seq ORDER BY p.xid DESC, p.seq DESC))[1] AS seq
       FROM (SELECT ${feed.document} AS d, t.xid, t.seq FROM ${feed.from}
             WHERE ${conditions.join(' AND ')} ORDER BY t.xid, t.seq LIMIT $3) p`,
      params,
    );
    const row = rows[0];
    if (!row || row.count === 0 || row.xid === null || row.seq === null)
      return { documentsJson: '[]', count: 0, checkpoint };
    return {
      documentsJson: row.documents,
      count: row.count,
      checkpoint: { xid: row.xid, seq: Number(row.seq) },
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
