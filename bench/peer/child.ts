/**
 * The request/answer plumbing between the bench and a server it runs in a child process: the server
 * answers numbered requests over the IPC channel, and reports its own CPU time, so the bench can read
 * what each server spent without sharing its event loop.
 */
import { type ChildProcess, fork } from 'node:child_process';

/** A request the bench sends to a server child. */
export type ChildRequest =
  | { op: 'cpu' }
  | { op: 'count'; scope: string }
  | { op: 'has'; scope: string; saleId: string }
  | { op: 'levels'; storeId: string }
  | { op: 'seed'; scope: string; storeId: string; count: number }
  | { op: 'backends' }
  | { op: 'stop' };

/** A server child seen from the bench. */
export interface ServerChild {
  /** Base URL the server listens on (127.0.0.1, a random port). */
  base: string;
  pid: number;
  /** Sends a request and resolves with the child's answer (rejects with the child's error). */
  ask<T>(request: ChildRequest): Promise<T>;
  /** Asks the child to close its server and waits for it to exit. */
  stop(): Promise<void>;
}

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Forks `file` (a TypeScript module run the way this process runs) and waits for its `{ port }`. */
export async function startServerChild(file: string, args: string[] = []): Promise<ServerChild> {
  const child: ChildProcess = fork(file, args, { execArgv: process.execArgv, stdio: 'inherit' });
  // The bench dying must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening`)));
    child.once('message', (m) => resolve((m as { port: number }).port));
  });
  child.on('message', (m) => {
    const answer = m as Answer;
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    if (answer.ok) waiter.resolve(answer.value);
    else waiter.reject(new Error(answer.error));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    ask<T>(request: ChildRequest) {
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, ...request });
      });
    },
    async stop() {
      child.send({ id: ++next, op: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
    },
  };
}

/**
 * Serves the bench's requests in a child: `handle` answers each one; `stop` closes the server, then the
 * process exits. Announces `port` first.
 */
export function serveBench(
  port: number,
  handle: (request: ChildRequest) => Promise<unknown>,
  stop: () => Promise<void>,
): void {
  process.on('message', (m: ChildRequest & { id: number }) => {
    if (m.op === 'stop') {
      void stop().finally(() => process.exit(0));
      return;
    }
    handle(m).then(
      (value) => process.send?.({ id: m.id, ok: true, value }),
      (err: unknown) => process.send?.({ id: m.id, ok: false, error: String((err as Error).message ?? err) }),
    );
  });
  process.send?.({ port });
}

/** This process's CPU seconds (user + system) so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
