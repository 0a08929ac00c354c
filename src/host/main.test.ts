import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** The pids of `parent`'s child processes whose command line mentions `text` (Linux `ps`). */
function childrenRunning(parent: number, text: string): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there is no such child
  }
  return out
    .split('\n')
    .filter((line) => line.includes(text))
    .map((line) => Number.parseInt(line.trim(), 10));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `tsx src/host/main.ts` with the given REGISTER_PORT. */
function startHostProcess(port: string) {
  return spawn(process.execPath, [tsx, 'src/host/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, REGISTER_PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('src/host/main.ts', () => {
  it('prints its page URL, serves it, runs the device service and stops both on SIGTERM', async () => {
    const child = startHostProcess('0');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}/.exec(out);
        if (match) resolve(match[0]);
      });
      child.on('exit', () => reject(new Error(`host exited early: ${out}`)));
    });
    const response = await fetch(new URL('/', url));
    expect([200, 503]).toContain(response.status); // 503 until the renderer is built
    // tsx runs main.ts in a child of its own; the device service is that child's child.
    let services: number[] = [];
    await eventually(
      () => {
        const hosts = childrenRunning(child.pid!, 'src/host/main.ts');
        services = hosts.flatMap((pid) => childrenRunning(pid, 'src/devices/service.ts'));
        return services.length === 1;
      },
      15_000,
      'the device service',
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await eventually(() => !isAlive(services[0]!), 5_000, 'the device service to end');
  });

  it('refuses a REGISTER_PORT that is not a port', async () => {
    const child = startHostProcess('http');
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(err).toContain('REGISTER_PORT');
  });
});
