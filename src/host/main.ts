/**
 * `tsx src/host/main.ts`: runs the browser-mode register host until SIGINT/SIGTERM.
 *
 * Environment: REGISTER_PORT (default 5173; 0 picks a free port). Prints one line with the page URL (token
 * included: it is the way in, like a notebook server's URL) for scripts/start.mjs or a person to open.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startRegisterHost } from './register-host';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string }).version;
const port = Number(process.env.REGISTER_PORT ?? 5173);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`REGISTER_PORT must be a port number, got ${JSON.stringify(process.env.REGISTER_PORT)}.`);
  process.exit(2);
}

try {
  const host = await startRegisterHost({
    rendererDir: `${repoRoot}out/renderer`,
    version,
    port,
    log: (line) => console.warn(line),
  });
  console.log(`Register host listening: ${host.pageUrl}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.broadcast('app:notice', {
      level: 'warning',
      code: 'host_stopping',
      message: 'The register host is stopping.',
    });
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} on 127.0.0.1 is in use: set REGISTER_PORT to another port (or 0 for any free one).`
      : `The register host could not start: ${String(error)}`,
  );
  process.exit(1);
}
