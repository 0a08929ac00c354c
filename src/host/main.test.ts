import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));

/** Runs `tsx src/host/main.ts` with the given REGISTER_PORT. */
function startHostProcess(port: string) {
  return spawn(process.execPath, [tsx, 'src/host/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, REGISTER_PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('src/host/main.ts', () => {
  it('prints its page URL, serves it and stops cleanly on SIGTERM', async () => {
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
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
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
