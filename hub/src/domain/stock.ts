/**
 * The stock ledger and levels. Every change is a movement row; levels are updated by the same
 * transaction with one multi-row upsert whose rows are taken in (store, sku) order, so two transactions
 * touching overlapping SKUs lock them in the same order and cannot deadlock.
 */
import type { Queryable } from '../db/port';
import type { LevelChange } from './changes';

/** One ledger entry. `at` is when the stock moved (a sale's createdAt), not when the hub heard of it. */
export interface Movement {
  storeId: string;
  sku: string;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  saleId?: string | null;
  orderId?: string | null;
  lineId?: string | null;
  at?: string | null;
}

/** Appends movements to the ledger in one statement. */
export async function insertMovements(tx: Queryable, movements: readonly Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await tx.query(
    `INSERT INTO stock_movements (store_id, sku, on_hand_delta, reserved_delta, reason, sale_id, order_id, line_id, at)
     SELECT m.store_id, m.sku, m.on_hand_delta, m.reserved_delta, m.reason, m.sale_id, m.order_id, m.line_id,
            coalesce(m.at, now())
     FROM jsonb_to_recordset($1::jsonb) AS m(store_id text, sku text, on_hand_delta int, reserved_delta int,
            reason text, sale_id uuid, order_id text, line_id text, at timestamptz)`,
    [
      JSON.stringify(
        movements.map((m) => ({
          store_id: m.storeId,
          sku: m.sku,
          on_hand_delta: m.onHandDelta,
          reserved_delta: m.reservedDelta,
          reason: m.reason,
          sale_id: m.saleId ?? null,
          order_id: m.orderId ?? null,
          line_id: m.lineId ?? null,
          at: m.at ?? null,
        })),
      ),
    ],
  );
}

/** Sums movements per (store, sku), dropping pairs whose net change is zero. */
export function netDeltas(movements: readonly Movement[]): Movement[] {
  const byKey = new Map<string, Movement>();
  for (const m of movements) {
    const key = `${m.storeId}\u0000${m.sku}`;
    const acc = byKey.get(key);
    if (acc) {
      acc.onHandDelta += m.onHandDelta;
      acc.reservedDelta += m.reservedDelta;
    } else {
      byKey.set(key, { ...m });
    }
  }
  return [...byKey.values()].filter((m) => m.onHandDelta !== 0 || m.reservedDelta !== 0);
}

/** Compares (store, sku) the way every locking statement orders its rows. */
export function levelOrder(a: { storeId: string; sku: string }, b: { storeId: string; sku: string }): number {
  return a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
}

/**
 * Applies net deltas to the levels (creating missing rows) in one statement, rows in (store, sku) order,
 * and returns the levels after the change. This is the only statement that writes stock_levels, so it
 * stamps (xid, seq) itself instead of paying for a trigger on the hottest table.
 */
export async function applyLevelDeltas(tx: Queryable, deltas: readonly Movement[]): Promise<LevelChange[]> {
  if (deltas.length === 0) return [];
  const sorted = [...deltas].sort(levelOrder);
  const rows = await tx.query<{ store_id: string; sku: string; on_hand: number; reserved: number }>(
    `INSERT INTO stock_levels AS s (store_id, sku, on_hand, reserved)
     SELECT d.store_id, d.sku, d.on_hand, d.reserved
     FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS d(store_id, sku, on_hand, reserved, n)
     ORDER BY d.n
     ON CONFLICT (store_id, sku) DO UPDATE
       SET on_hand = s.on_hand + excluded.on_hand, reserved = s.reserved + excluded.reserved, updated_at = now(),
           xid = pg_current_xact_id(), seq = nextval('change_seq')
     RETURNING s.store_id, s.sku, s.on_hand, s.reserved`,
    [
      sorted.map((d) => d.storeId),
      sorted.map((d) => d.sku),
      sorted.map((d) => d.onHandDelta),
      sorted.map((d) => d.reservedDelta),
    ],
  );
  return rows.map((r) => ({ storeId: r.store_id, sku: r.sku, onHand: r.on_hand, reserved: r.reserved }));
}

/**
 * Locks the levels of (store, sku) pairs in the fixed order and returns them (missing rows are absent),
 * for a caller that must check availability before changing it.
 */
export async function lockLevels(
  tx: Queryable,
  keys: readonly { storeId: string; sku: string }[],
): Promise<LevelChange[]> {
  if (keys.length === 0) return [];
  const sorted = [...keys].sort(levelOrder);
  const rows = await tx.query<{ store_id: string; sku: string; on_hand: number; reserved: number }>(
    `SELECT s.store_id, s.sku, s.on_hand, s.reserved
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(store_id, sku, n)
     JOIN stock_levels s ON s.store_id = k.store_id AND s.sku = k.sku
     ORDER BY k.n
     FOR UPDATE OF s`,
    [sorted.map((k) => k.storeId), sorted.map((k) => k.sku)],
  );
  return rows.map((r) => ({ storeId: r.store_id, sku: r.sku, onHand: r.on_hand, reserved: r.reserved }));
}

/** A problem for a person to resolve (GET /api/v1/exceptions). */
export interface ExceptionInput {
  kind: 'unknown_sku' | 'oversold' | 'order_unfulfillable';
  storeId: string | null;
  sku: string | null;
  saleId?: string | null;
  orderId?: string | null;
  message: string;
  details?: Record<string, unknown>;
}

/** Records exceptions in one statement. */
export async function raiseExceptions(tx: Queryable, items: readonly ExceptionInput[]): Promise<void> {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO exceptions (kind, store_id, sku, sale_id, order_id, message, details)
     SELECT x.kind, x.store_id, x.sku, x.sale_id, x.order_id, x.message, coalesce(x.details, '{}'::jsonb)
     FROM jsonb_to_recordset($1::jsonb) AS x(kind text, store_id text, sku text, sale_id uuid, order_id text,
          message text, details jsonb)`,
    [
      JSON.stringify(
        items.map((e) => ({
          kind: e.kind,
          store_id: e.storeId,
          sku: e.sku,
          sale_id: e.saleId ?? null,
          order_id: e.orderId ?? null,
          message: e.message,
          details: e.details ?? {},
        })),
      ),
    ],
  );
}
