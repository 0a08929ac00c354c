/**
 * A pair of connected pseudo-terminals made by `socat`, standing in for a serial cable: the driver opens
 * one end (`devicePath`) with the real `serialport` package, and a virtual twin or a test plays the device
 * on the other (`peerPath`). Both ends are symbolic links at fixed paths, so closing the pair is an
 * "unplug" (socat exits, the links vanish, the driver's read fails) and opening it again on the same
 * paths is a "replug".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { lstat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where to put the two links; by default a fresh temporary folder (removed on close) and `device` / `peer`. */
export interface PtyPairOptions {
  dir?: string;
  names?: readonly [device: string, peer: string];
  /** How long to wait for socat to make both links. */
  timeoutMs?: number;
}

/** An open pair. */
export interface PtyPair {
  /** The end the driver opens. */
  readonly devicePath: string;
  /** The end the virtual device (or the test) writes and reads. */
  readonly peerPath: string;
  /** Stops socat: both links vanish and whoever has an end open gets an I/O error. Never rejects. */
  close(): Promise<void>;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `socat` with two raw, echo-less ptys linked at `<dir>/<names>` and resolves once both links exist.
 * Rejects when socat is missing, exits early or is not ready within `timeoutMs`.
 */
export async function openPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'till-pty-')));
  const [deviceName, peerName] = options.names ?? ['device', 'peer'];
  const devicePath = join(dir, deviceName);
  const peerPath = join(dir, peerName);
  // A link left by a socat that was killed hard would make the new one fail; it points nowhere now.
  await rm(devicePath, { force: true });
  await rm(peerPath, { force: true });

  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${peerPath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    log = (log + text).slice(-4000);
  });

  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 5000;
  let spawnError: Error | null = null;
  child.once('error', (error) => (spawnError = error));
  // socat logs "starting data transfer loop" once both ptys and their links are made.
  while (!(
    log.includes('starting data transfer loop') &&
    (await exists(devicePath)) &&
    (await exists(peerPath))
  )) {
    if (spawnError || child.exitCode !== null || Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      const why = spawnError ? (spawnError as Error).message : log.trim() || 'no output';
      throw new Error(`socat did not make the pty pair at ${dir}: ${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  return {
    devicePath,
    peerPath,
    async close() {
      child.kill('SIGTERM');
      await exited(child);
      // socat removes its links on SIGTERM; make sure, so a replug never finds a dangling one.
      await rm(devicePath, { force: true });
      await rm(peerPath, { force: true });
      if (ownDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
