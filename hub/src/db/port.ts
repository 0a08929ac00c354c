/**
 * The hub's database port: the little the domain needs from PostgreSQL, implemented by a `pg` pool
 * (server) and by PGlite (embedded). Both speak the same SQL, so migrations and queries are shared.
 */

/** Something SQL can be run against: the database itself, or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows (int8 comes back as a JS number). */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** Which engine is behind the port; reported by `GET /health`. */
export type DbKind = 'pglite' | 'postgres';

/** The database port. */
export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Transactions run again after a deadlock or serialization failure (a fixed lock order keeps this 0). */
  readonly stats: { retries: number };
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A deadlock or
   * serialization failure is retried a few times, so `fn` must be safe to run again.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to NOTIFY on `channel`. `onGap` is called when notifications may have been missed (the
   * listening connection was lost and re-established), so subscribers can resynchronise.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATEs after which a transaction may simply be run again. */
export const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

/** How many times a transaction is attempted when it hits a deadlock or serialization failure. */
export const TRANSACTION_ATTEMPTS = 4;
