/**
 * Pieces of the hub benchmark: a hub in its own process (so the load generator does not share its event
 * loop), protocol-level simulated registers, storefront stream listeners, and percentiles.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { type HubProcess, startHubProcess as startHub } from '../test/support/hub-process';
import { makeSale } from '../test/support/sales';
import { openStream } from '../test/support/sse-client';

/** A running hub process. */
export type { HubProcess } from '../test/support/hub-process';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Starts `hub/src/server.ts` on PGlite (a temporary data folder) or on a fresh PostgreSQL database of
 * `BENCH_DATABASE_URL`'s server; the hub's stderr goes to the bench's.
 */
export function startHubProcess(kind: 'pglite' | 'postgres', port: number): Promise<HubProcess> {
  // BENCH_HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the hub (where the time goes).
  const nodeArgs = (process.env.BENCH_HUB_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return startHub(kind, port, {
    adminUrl: ADMIN_URL,
    databasePrefix: 'till_bench',
    nodeArgs,
    stderr: 'inherit',
  });
}

/** The PostgreSQL server's version, for the machine description. */
export async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  await client.end();
  return rows[0]?.v ?? 'unknown';
}

/** A simulated register speaking the sync protocol over HTTP. */
export class Register {
  /** Expected on-hand per SKU after every push this register made (it owns its SKUs exclusively). */
  readonly onHand = new Map<string, number>();
  private counter = 0;

  constructor(
    readonly base: string,
    readonly token: string,
    readonly registerId: string,
    readonly storeId: string,
  ) {}

  /** Enrolls with a demo code. */
  static async enroll(base: string, code: string): Promise<Register> {
    const res = await fetch(`${base}/api/v1/registers/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'bench' }),
    });
    const body = (await res.json()) as { token: string; registerId: string; storeId: string };
    return new Register(base, body.token, body.registerId, body.storeId);
  }

  /** Pulls the store's levels (the starting point of the expected levels). */
  async loadLevels(): Promise<void> {
    let checkpoint = '';
    for (;;) {
      const res = await fetch(
        `${this.base}/api/v1/sync/stock/pull?limit=1000&checkpoint=${encodeURIComponent(checkpoint)}`,
        { headers: this.headers() },
      );
      const page = (await res.json()) as {
        documents: { sku: string; onHand: number }[];
        checkpoint: unknown;
      };
      for (const d of page.documents) this.onHand.set(d.sku, d.onHand);
      checkpoint = JSON.stringify(page.checkpoint);
      if (page.documents.length < 1000) return;
    }
  }

  headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' };
  }

  /** A valid three-line sale of SKUs from `pool`; returns it with the levels it will leave behind. */
  sale(pool: readonly string[]): { doc: object; after: { sku: string; onHand: number }[] } {
    const n = this.counter++;
    const skus = [0, 1, 2].map((k) => pool[(n * 3 + k) % pool.length]!);
    const distinct = [...new Set(skus)];
    const after = distinct.map((sku) => {
      const next = (this.onHand.get(sku) ?? 0) - 1;
      this.onHand.set(sku, next);
      return { sku, onHand: next };
    });
    const doc = makeSale(
      this.storeId,
      distinct.map((sku) => ({ sku, qty: 1 })),
      { registerId: this.registerId, number: `B-${this.registerId.slice(-6)}-${n}`, clerkId: 'staff-bench' },
      { unitPrice: 1000, taxPerUnit: 89 },
    );
    return { doc, after };
  }

  /** Pushes documents; throws unless the hub answered 200 with no conflicts. */
  async push(docs: readonly object[]): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/sync/sales/push`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(docs.map((d) => ({ assumedMasterState: null, newDocumentState: d }))),
    });
    const text = await res.text();
    if (res.status !== 200 || text !== '[]')
      throw new Error(`push failed: ${res.status} ${text.slice(0, 300)}`);
  }
}

/** Opens a stream that only drains bytes (a listener we do not measure, but that the hub must feed). */
export function drainStream(url: string, headers: Record<string, string> = {}): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      res.on('data', () => undefined);
      res.on('error', () => undefined);
      resolve(() => req.destroy());
    });
    req.on('error', reject);
  });
}

/** Opens `count` storefront stock listeners; the first `measured` parse events and report them. */
export async function openListeners(
  base: string,
  count: number,
  measured: number,
  onEvent: (event: { sku: string; storeId: string; onHand: number }, at: number) => void,
): Promise<() => void> {
  const closers: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    if (i < measured) {
      const stream = await openStream(`${base}/api/v1/storefront/stock/stream`);
      stream.onEvent((data) => onEvent(JSON.parse(data), performance.now()));
      closers.push(() => stream.close());
    } else {
      closers.push(await drainStream(`${base}/api/v1/storefront/stock/stream`));
    }
  }
  return () => closers.forEach((c) => c());
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** What machine the numbers come from. */
export function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 where unavailable. */
export async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The PostgreSQL backends serving a database (for their CPU use). */
export async function backendPids(databaseUrl: string | null): Promise<number[]> {
  if (!databaseUrl) return [];
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1',
    [name],
  );
  await client.end();
  return rows.map((r) => r.pid);
}

/** Transactions committed so far in a database (each autocommitted statement counts as one). */
export async function commits(databaseUrl: string | null): Promise<number> {
  if (!databaseUrl) return 0;
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const { rows } = await client.query<{ n: string }>(
    'SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1',
    [name],
  );
  await client.end();
  return Number(rows[0]?.n ?? 0);
}

/** Sleeps. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
