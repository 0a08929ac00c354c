/**
 * Starting a child of the browser-mode host: a TypeScript entry forked under tsx with an IPC channel, whose
 * messages and single end are told to the caller's listeners. The device service and the virtual rig are
 * both launched this way, each by its own supervisor.
 */
import { fork } from 'node:child_process';
import type { Serializable } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What a launcher reports back about its child. */
export interface ChildListeners {
  onMessage(message: unknown): void;
  /** The child ended or could not be started; called at most once. */
  onExit(detail: string): void;
}

/** A started child: send it messages (dropped once it is gone) or end it at once. */
export interface TsxChild<M> {
  send(message: M): void;
  kill(): void;
}

/**
 * Forks `entry` under tsx, with `TILL_DEVICE_DATA_DIR` set to `dataDir` when one is given, and wires its
 * messages and end to `listeners`.
 */
export function forkTsxChild<M extends Serializable>(
  entry: string,
  dataDir: string | undefined,
  listeners: ChildListeners,
): TsxChild<M> {
  // From the repository root, so that `--import tsx` and the tsconfig paths (`@till/shared/*`) resolve.
  const child = fork(entry, [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
    env: dataDir ? { ...process.env, TILL_DEVICE_DATA_DIR: dataDir } : process.env,
  });
  let exited = false;
  const exit = (detail: string): void => {
    if (exited) return;
    exited = true;
    listeners.onExit(detail);
  };
  child.on('message', (message) => listeners.onMessage(message));
  child.on('exit', (code, signal) => exit(signal ? `signal ${signal}` : `exit code ${code}`));
  // 'error' without 'exit' means it never started (or could not be signalled: then 'exit' still follows).
  child.on('error', (error) => {
    if (child.pid === undefined) exit(`could not start: ${error.message}`);
  });
  return {
    send(message) {
      if (child.connected) child.send(message);
    },
    kill() {
      child.kill('SIGKILL');
    },
  };
}
