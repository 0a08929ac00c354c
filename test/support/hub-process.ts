/**
 * The hub as a real process (`hub/src/server.ts` under tsx, demo seed): for benches, whose load generator
 * must not share the hub's event loop, and for chaos tests, which kill it with SIGKILL and start it again
 * on the same database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The hub's database: PGlite in a temporary folder, a fresh database on a PostgreSQL server (both removed
 * by `stop()`), or an existing PostgreSQL database given by URL (kept: a restarted hub finds its data).
 */
export type HubDatabase = 'pglite' | 'postgres' | { url: string };

/** Options of `startHubProcess`. */
export interface HubProcessOptions {
  /** Extra environment (e.g. `HUB_DB_POOL`, timeouts); `PORT`, `HOST` and the database are set here. */
  env?: Record<string, string>;
  /** Server on which `'postgres'` creates its database (default: `TEST_DATABASE_URL` or 127.0.0.1:5432). */
  adminUrl?: string;
  /** Name prefix of the database `'postgres'` creates (default `till_hub`; a random suffix follows). */
  databasePrefix?: string;
  /** Node flags for the hub (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** `inherit` passes the hub's stderr through; `capture` keeps its tail for `output()` (default). */
  stderr?: 'inherit' | 'capture';
  /** How long migrating, seeding and listening may take (default 90 s). */
  startTimeoutMs?: number;
}

/** A running hub process. */
export interface HubProcess {
  base: string;
  port: number;
  databaseUrl: string | null;
  pid: number;
  /** Settles when the process has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether the process is still running. */
  alive(): boolean;
  /** The tail of what the hub printed (stdout, and stderr when captured), for a failing test's report. */
  output(): string;
  /** SIGKILL, as a crash or the OOM killer would; the database is left as the hub left it. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 10 s), then removes the database or folder this call created. */
  stop(): Promise<void>;
}

const DEFAULT_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUTPUT_TAIL = 64 * 1024;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Starts `hub/src/server.ts` on `database`, listening on 127.0.0.1:`port`; resolves once `/health` is 200. */
export async function startHubProcess(
  database: HubDatabase,
  port: number,
  options: HubProcessOptions = {},
): Promise<HubProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    HUB_SEED: 'demo',
    ...options.env,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let cleanup = async () => undefined as void;
  let databaseUrl: string | null = null;
  if (database === 'postgres') {
    const adminUrl = options.adminUrl ?? DEFAULT_ADMIN_URL;
    const name = `${options.databasePrefix ?? 'till_hub'}_${randomBytes(5).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    env.HUB_DB_POOL ??= '20';
    cleanup = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else if (database === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'till-hub-'));
    env.HUB_DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = () => rm(dir, { recursive: true, force: true });
  } else {
    databaseUrl = database.url;
  }
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  const capture = (options.stderr ?? 'capture') === 'capture';
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'hub/src/server.ts'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', capture ? 'pipe' : 'inherit'] },
  );
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let running = true;
  void exited.then(() => {
    running = false;
    process.removeListener('exit', killOnExit);
  });
  // A test runner that dies must not leave a hub behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(base, () => running, options.startTimeoutMs ?? 90_000);
  } catch (err) {
    child.kill('SIGKILL');
    await exited;
    await cleanup();
    throw new Error(`${(err as Error).message}\n--- hub output ---\n${out}`, { cause: err });
  }

  const killWith = async (signal: NodeJS.Signals, graceMs: number) => {
    if (!running) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    base,
    port,
    databaseUrl,
    pid: child.pid ?? 0,
    exited,
    alive: () => running,
    output: () => out,
    kill: () => killWith('SIGKILL', 0),
    async stop() {
      await killWith('SIGTERM', 10_000);
      await cleanup();
    },
  };
}

/** Polls `/health` until it answers 200; fails early when the process has exited. */
async function waitUntilHealthy(base: string, alive: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!alive()) throw new Error('the hub exited before it was healthy');
    const ok = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the hub was not healthy within ${timeoutMs} ms`);
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
