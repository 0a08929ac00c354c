/** The database port on a PostgreSQL server, through a `pg` pool and one dedicated LISTEN connection. */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { type Db, type Queryable, RETRYABLE_SQLSTATES, TRANSACTION_ATTEMPTS } from './port';

const INT8_OID = 20;

// int8 as a JS number, as PGlite returns it: every int8 here (seq, counts, money) stays below 2^53.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const names = new Map<string, string>();

/**
 * Every parameterised statement runs as a named prepared statement, so PostgreSQL parses and plans each
 * of the hub's (fixed) SQL texts once per connection instead of on every call — the set-wise sales
 * statement is costly to plan. Statements without parameters (BEGIN, COMMIT, scripts) go as they are.
 */
function prepared(sql: string, params: readonly unknown[] | undefined): pg.QueryConfig | string {
  if (!params || params.length === 0) return sql;
  let name = names.get(sql);
  if (!name) {
    name = `till_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return { name, text: sql, values: params as unknown[] };
}

/** Options of the PostgreSQL adapter. */
export interface PgOptions {
  connectionString: string;
  /** Pool size; the hub keeps transactions short, so a small pool goes a long way. */
  poolSize?: number;
  /**
   * How long taking a connection may wait (default 5 s). Without a bound, a server that does not answer
   * holds every request until TCP gives up; with it, they fail fast as `db_unavailable` (503).
   */
  connectTimeoutMs?: number;
  onError?: (err: Error) => void;
}

/** Opens the PostgreSQL adapter. */
export async function openPg(options: PgOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types,
    application_name: 'till-hub',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // Keep connections through quiet spells: reconnecting costs more than an idle backend.
    idleTimeoutMillis: 60_000,
  });
  const onError = options.onError ?? (() => undefined);
  pool.on('error', onError);
  // Fail fast on a wrong DATABASE_URL instead of on the first request.
  await pool.query('SELECT 1');
  const listener = new Listener(options.connectionString, options.connectTimeoutMs ?? 5000, onError);

  const wrap = (client: pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await client.query(prepared(sql, params));
      return result.rows as R[];
    },
  });

  const stats = { retries: 0 };
  return {
    kind: 'postgres',
    stats,
    async query<R>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(prepared(sql, params));
      return result.rows as R[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const value = await fn(wrap(client));
          await client.query('COMMIT');
          return value;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: string }).code;
          if (attempt < TRANSACTION_ATTEMPTS && code && RETRYABLE_SQLSTATES.has(code)) {
            stats.retries += 1;
            continue;
          }
          throw err;
        } finally {
          client.release();
        }
      }
    },
    listen: (channel, onPayload, onGap) => listener.subscribe(channel, onPayload, onGap),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

interface Subscription {
  channel: string;
  onPayload: (payload: string) => void;
  onGap: (() => void) | undefined;
}

/**
 * One connection outside the pool that LISTENs for every subscriber. When it drops it reconnects and
 * tells subscribers about the gap: notifications sent meanwhile are lost for good.
 */
class Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly subs = new Set<Subscription>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly connectTimeoutMs: number,
    private readonly onError: (err: Error) => void,
  ) {}

  async subscribe(
    channel: string,
    onPayload: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>> {
    const client = await this.connect();
    const sub: Subscription = { channel, onPayload, onGap };
    if (![...this.subs].some((s) => s.channel === channel)) await client.query(`LISTEN ${ident(channel)}`);
    this.subs.add(sub);
    return async () => {
      this.subs.delete(sub);
      if (this.client && ![...this.subs].some((s) => s.channel === channel)) {
        await this.client.query(`UNLISTEN ${ident(channel)}`).catch(() => undefined);
      }
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.connectionString,
        types,
        connectionTimeoutMillis: this.connectTimeoutMs,
      });
      client.on('notification', (msg) => {
        for (const sub of this.subs) if (sub.channel === msg.channel) sub.onPayload(msg.payload ?? '');
      });
      client.on('error', (err) => {
        this.onError(err);
        this.reconnect(client);
      });
      client.on('end', () => this.reconnect(client));
      await client.connect();
      for (const channel of new Set([...this.subs].map((s) => s.channel))) {
        await client.query(`LISTEN ${ident(channel)}`);
      }
      this.client = client;
      this.connecting = null;
      return client;
    })();
    return this.connecting;
  }

  private reconnect(lost: pg.Client): void {
    if (this.closed || this.client !== lost) return;
    this.client = null;
    const retry = () => {
      if (this.closed) return;
      this.connect().then(
        () => this.subs.forEach((s) => s.onGap?.()),
        (err: Error) => {
          this.connecting = null;
          this.onError(err);
          setTimeout(retry, 1000).unref();
        },
      );
    };
    retry();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client ?? (this.connecting ? await this.connecting.catch(() => null) : null);
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/** Quotes a channel name; channels are fixed strings in the hub, but quoting keeps LISTEN injection-proof. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
