/**
 * The two kinds of server the peer bench compares, behind one interface: the CouchDB peer and the hub (on
 * PGlite or PostgreSQL). Each runs in a child process; what differs is how a client replicates, how the
 * bench learns what the server holds, and what "the web side sees a sale" means.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from '../hub-bench-lib';
import { openStream } from '../../test/support/sse-client';
import { type ServerChild, startServerChild } from './child';
import {
  type Enrolled,
  PULL_BATCH,
  PUSH_BATCH,
  type Replica,
  couchReplica,
  enroll,
  hubReplica,
} from './replicas';
import { type Watcher, idWatcher, levelWatcher } from './watchers';

/** A side's name. */
export type SideName = 'couchdb' | 'hub-pglite' | 'hub-postgres';

/** A pushing register replica (W1, W2) and how many of its sales the server holds. */
export interface Pusher {
  replica: Replica;
  storeId: string;
  registerId: string;
  held(): Promise<number>;
  /** Whether the server holds the sale `id` (one key lookup on either side). */
  has(id: string): Promise<boolean>;
  /** The CouchDB database the replica pushes to (CouchDB only). */
  dbUrl?: string;
}

/** One server under test. */
export interface Side {
  name: SideName;
  server: ServerChild;
  /** CPU seconds per process so far: the server, plus PostgreSQL's backends serving its database. */
  cpu(): Promise<Map<number, number>>;
  /** A fresh replica of a register at `store-1`, not started; `label` names the run. */
  pusher(label: string): Promise<Pusher>;
  /** What the web side sees of `p`'s sales (hub: the storefront stock stream; CouchDB: `_changes`). */
  web(p: Pusher): Promise<Watcher>;
  /**
   * Another register of `store-1` replicating what `p` pushes to, in its own process, caught up before it
   * is returned, reporting the sales that land in its replica (hub: started once; CouchDB: per run, as
   * each run has its own database).
   */
  peerRegister(p: Pusher): Promise<Watcher>;
  /** Stops the server and whatever else the side started. */
  stop(): Promise<void>;
  /** Seeds `count` sales for the initial pull (straight into the server's storage). */
  seed(count: number): Promise<void>;
  /** A fresh, not started replica that pulls the seeded sales. */
  puller(): Promise<Replica>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** CPU seconds consumed between two `cpu()` snapshots (processes that exited in between are lost). */
export function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}

/** The CouchDB peer: express-pouchdb over in-memory PouchDB. */
export async function startCouchSide(): Promise<Side> {
  const server = await startServerChild(here('./couch-server.ts'));
  const put = async (name: string) => {
    const res = await fetch(`${server.base}/${name}`, { method: 'PUT' });
    if (res.status !== 201 && res.status !== 412) throw new Error(`PUT /${name}: ${res.status}`);
    return `${server.base}/${name}`;
  };
  const seededUrl = await put('seeded');
  return {
    name: 'couchdb',
    server,
    stop: () => server.stop(),
    cpu: async () => new Map([[server.pid, await cpuSeconds(server.pid)]]),
    async pusher(label) {
      // A fresh database per run: the client's first pull starts as empty as the hub register's does.
      const name = `drain-${label}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
      const dbUrl = await put(name);
      const replica = await couchReplica(dbUrl);
      const held = () => server.ask<number>({ op: 'count', scope: name });
      const has = (id: string) => server.ask<boolean>({ op: 'has', scope: name, saleId: id });
      return { replica, storeId: 'store-1', registerId: 'reg-couch', held, has, dbUrl };
    },
    async web(p) {
      const controller = new AbortController();
      // Uncompressed: the peer's gzip middleware would hold a continuous feed's lines back.
      const res = await fetch(`${p.dbUrl}/_changes?feed=continuous&since=now&heartbeat=5000`, {
        headers: { 'accept-encoding': 'identity' },
        signal: controller.signal,
      });
      if (!res.ok || !res.body) throw new Error(`_changes: ${res.status}`);
      const watcher = idWatcher(() => controller.abort());
      void readLines(res.body, (line) => {
        const change = JSON.parse(line) as { id?: string };
        if (change.id) watcher.seen(change.id);
      });
      return watcher;
    },
    async peerRegister(p) {
      const child = await startSecondRegister(`--couch=${p.dbUrl}`);
      const onSale = (m: { id: string; at: number }) => watcher.seen(m.id, m.at);
      const watcher = idWatcher(() => {
        child.off('message', onSale);
        child.send('stop');
      });
      child.on('message', onSale);
      return watcher;
    },
    seed: async (count) =>
      void (await server.ask({ op: 'seed', scope: 'seeded', storeId: 'store-2', count })),
    puller: () => couchReplica(seededUrl),
  };
}

/** The hub on PGlite in memory or on a fresh PostgreSQL database. */
export async function startHubSide(kind: 'pglite' | 'postgres'): Promise<Side> {
  const server = await startServerChild(here('./hub-server.ts'), [`--kind=${kind}`]);
  const base = server.base;
  // One register pushes every run: its pull skips the rows it wrote, as a real register's does, so a
  // later run does not pull the earlier runs' sales (the CouchDB side gets an empty database per run).
  let pushing: Enrolled | null = null;
  let second: ChildProcess | null = null;
  return {
    name: kind === 'pglite' ? 'hub-pglite' : 'hub-postgres',
    server,
    async stop() {
      if (second) {
        const exited = new Promise((resolve) => second?.once('exit', resolve));
        second.send('stop');
        await exited;
      }
      await server.stop();
    },
    async cpu() {
      const pids = [server.pid, ...(await server.ask<number[]>({ op: 'backends' }))];
      return new Map(await Promise.all(pids.map(async (p) => [p, await cpuSeconds(p)] as const)));
    },
    async pusher() {
      pushing ??= await enroll(base, 'DEMO-S1-R1');
      const who = pushing;
      const replica = await hubReplica(base, who, PUSH_BATCH);
      const held = () => server.ask<number>({ op: 'count', scope: who.registerId });
      const has = (id: string) => server.ask<boolean>({ op: 'has', scope: who.registerId, saleId: id });
      return { replica, storeId: who.storeId, registerId: who.registerId, held, has };
    },
    async web(p) {
      const levels = await server.ask<Record<string, number>>({ op: 'levels', storeId: p.storeId });
      const stream = await openStream(`${base}/api/v1/storefront/stock/stream`);
      const watcher = levelWatcher(p.storeId, levels, () => stream.close());
      stream.onEvent((data) => watcher.event(JSON.parse(data)));
      return watcher;
    },
    async peerRegister() {
      second ??= await startSecondRegister(base);
      const child = second;
      const watcher = idWatcher(() => child.off('message', onSale));
      const onSale = (m: { id: string; at: number }) => watcher.seen(m.id, m.at);
      child.on('message', onSale);
      return watcher;
    },
    seed: async (count) => void (await server.ask({ op: 'seed', scope: '', storeId: 'store-2', count })),
    puller: async () => hubReplica(base, await enroll(base, 'DEMO-S2-R1'), PULL_BATCH),
  };
}

/** Calls `onLine` with every non-empty line of a byte stream until it ends or is aborted. */
async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const lines = (rest + decoder.decode(value, { stream: true })).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line);
    }
  } catch {
    // Aborted when the watcher closes.
  }
}

/** Starts a second register's process (hub URL, or `--couch=<dbUrl>`) and waits until it has caught up. */
async function startSecondRegister(target: string): Promise<ChildProcess> {
  const child = fork(here('./register-child.ts'), [target], { execArgv: process.execArgv });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the second register exited (${code})`)));
    child.once('message', () => resolve());
  });
  return child;
}
