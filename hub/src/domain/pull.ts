/**
 * Pulls by `(xid, seq)` checkpoint (DESIGN.md §2). Only rows written by transactions older than the
 * oldest one still running are read, so a slow transaction's rows cannot slip behind a checkpoint.
 */
import { z } from 'zod';
import type { Queryable } from '../db/port';
import { badRequest } from '../http/errors';
import type { PullDefinition, Row } from './collections';

/** Where a puller has got to: the last row's transaction id (as a decimal string) and sequence number. */
export interface Checkpoint {
  xid: string;
  seq: number;
}

/** The checkpoint before any row. */
export const START: Checkpoint = { xid: '0', seq: 0 };

const checkpointSchema = z.object({
  xid: z.string().regex(/^\d{1,20}$/),
  seq: z.int().min(0),
});

/** Parses the `checkpoint` query parameter: URL-decoded JSON, or empty/absent for the start. */
export function parseCheckpoint(raw: string | undefined): Checkpoint {
  if (raw === undefined || raw === '' || raw === 'null') return START;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest('invalid_checkpoint', 'checkpoint must be JSON like {"xid":"123","seq":4}');
  }
  if (value === null) return START;
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success)
    throw badRequest('invalid_checkpoint', 'checkpoint must be {"xid":"<digits>","seq":<int>}');
  return parsed.data;
}

/** Orders checkpoints as the pull does. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return a.seq - b.seq;
}

/** One page of a pull. */
export interface PullPage {
  documents: Record<string, unknown>[];
  checkpoint: Checkpoint;
}

/**
 * Reads up to `limit` documents after `checkpoint`; the same checkpoint comes back when nothing is new.
 * `registerId` (a register's own pull) skips the rows that register wrote, where the collection says so.
 */
export async function pullPage(
  db: Queryable,
  def: PullDefinition,
  storeId: string,
  checkpoint: Checkpoint,
  limit: number,
  registerId?: string,
): Promise<PullPage> {
  const params: unknown[] = [checkpoint.xid, checkpoint.seq, limit];
  const conditions = [
    '(t.xid, t.seq) > ($1::xid8, $2::bigint)',
    't.xid < pg_snapshot_xmin(pg_current_snapshot())',
  ];
  if (def.storeColumn) {
    params.push(storeId);
    conditions.unshift(`t.${def.storeColumn} = $4`);
  }
  if (def.where) conditions.push(def.where);
  if (def.registerColumn && registerId) {
    params.push(registerId);
    conditions.push(`t.${def.registerColumn} <> $${params.length}`);
  }
  const rows = await db.query<Row>(
    `SELECT ${def.columns}, t.xid::text AS _xid, t.seq AS _seq FROM ${def.from}
     WHERE ${conditions.join(' AND ')} ORDER BY t.xid, t.seq LIMIT $3`,
    params,
  );
  const last = rows.at(-1);
  return {
    documents: rows.map((r) => def.toDocument(r)),
    checkpoint: last ? { xid: last._xid, seq: last._seq } : checkpoint,
  };
}

/**
 * The newest checkpoint that is safe now: the last row below the snapshot's xmin. A stream starts here,
 * after the register has pulled up to (at least) this point following its RESYNC.
 */
export async function frontier(db: Queryable, def: PullDefinition, storeId: string): Promise<Checkpoint> {
  const params: unknown[] = [];
  const conditions = ['t.xid < pg_snapshot_xmin(pg_current_snapshot())'];
  if (def.storeColumn) {
    params.push(storeId);
    conditions.unshift(`t.${def.storeColumn} = $1`);
  }
  const rows = await db.query<{ xid: string; seq: number }>(
    `SELECT t.xid::text AS xid, t.seq FROM ${def.from} WHERE ${conditions.join(' AND ')}
     ORDER BY t.xid DESC, t.seq DESC LIMIT 1`,
    params,
  );
  return rows[0] ?? START;
}
