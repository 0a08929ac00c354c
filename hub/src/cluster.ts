/**
 * Cluster mode (`HUB_WORKERS` > 1): one primary process prepares the database (migrations, the demo seed)
 * once, then forks that many workers with `node:cluster`; every worker runs the whole hub and they share
 * one listening port (the primary hands each new connection to the next worker). Nothing a request needs
 * lives only in one worker: every commit is announced with PostgreSQL `NOTIFY` and heard by every worker
 * (streams/change-bus.ts, streams/revocations.ts), so a stream is correct whichever worker holds it. That
 * is why cluster mode needs PostgreSQL — PGlite lives inside one process.
 */
import cluster, { type Worker } from 'node:cluster';

/** The most workers one primary forks; more processes than cores only adds scheduling. */
export const MAX_WORKERS = 64;
/** A worker that died after it was serving is forked again after this pause (never in a tight loop). */
const RESPAWN_DELAY_MS = 1000;
/** How long workers get to finish their requests and close their streams on shutdown before SIGKILL. */
const STOP_GRACE_MS = 10_000;

/** The response header naming the worker that answered (cluster mode only): which process served whom. */
export const WORKER_HEADER = 'x-till-worker';

/** `HUB_WORKERS`: how many hub processes to run (1 when unset); a clear error for anything else. */
export function hubWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HUB_WORKERS?.trim() ?? '';
  if (raw === '') return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new Error(`HUB_WORKERS must be a whole number from 1 to ${MAX_WORKERS} (got "${raw}")`);
  }
  return Number(raw);
}

/** Whether this process is a worker forked by cluster mode. */
export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** The id of this worker (1, 2, …), or null outside cluster mode. */
export function workerId(): number | null {
  return cluster.worker?.id ?? null;
}

/** What the primary needs to run its workers. */
export interface ClusterOptions {
  workers: number;
  /** Prepares the database once, before any worker starts (migrations, seed). */
  prepare: () => Promise<void>;
  /** Called once every worker listens, with the shared port (the primary prints the banner). */
  onListening: (port: number) => void;
  log: (line: string) => void;
}

/**
 * Runs the primary: prepares the database, forks the workers, forks again any worker that dies after it
 * was serving, and on SIGINT or SIGTERM stops them all (each closes its streams and connections) and
 * exits. A worker that dies before it ever listened stops the whole cluster: its siblings would fail
 * the same way (wrong database URL, port taken), and a supervisor restarting the primary says so louder.
 */
export async function runPrimary(options: ClusterOptions): Promise<void> {
  await options.prepare();
  const listening = new Set<number>();
  let stopping = false;
  let started = false;

  const fork = (): Worker => cluster.fork();

  cluster.on('listening', (worker, address) => {
    listening.add(worker.id);
    if (!started && listening.size === options.workers) {
      started = true;
      options.onListening(address.port);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    const served = listening.delete(worker.id);
    if (stopping) return;
    options.log(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`})`);
    if (!served && !started) {
      void stopAll(1);
      return;
    }
    setTimeout(() => {
      if (!stopping) fork();
    }, RESPAWN_DELAY_MS).unref();
  });

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(workers.map((w) => stopWorker(w)));
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  for (let i = 0; i < options.workers; i++) fork();
}

/** SIGTERM to one worker (its own handler closes the hub), SIGKILL if it has not exited in time. */
function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_GRACE_MS);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.process.kill('SIGTERM');
  });
}
