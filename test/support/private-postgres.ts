/**
 * A PostgreSQL server of the test's own: `initdb` into a temporary folder, `pg_ctl` on a free loopback
 * port with its unix socket under that folder. Chaos tests stop and start it under load, which they must
 * never do to the shared server at 5432. PostgreSQL refuses to run as root, so as root (CI) the binaries
 * run as the `postgres` OS user through `runuser`, in a folder that user owns.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A private PostgreSQL server (trust authentication, superuser `postgres`). */
export interface PrivatePostgres {
  port: number;
  /** Connection string of the `postgres` database, as superuser. */
  adminUrl: string;
  /** Whether the server was last started (not stopped or destroyed). */
  readonly running: boolean;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server with a fast shutdown (open transactions are rolled back, clients cut off). */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data. */
  start(): Promise<void>;
  /** The server's log so far (for a failing test's report). */
  log(): Promise<string>;
  /** Stops the server (immediately) and removes its folder; safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * Where `initdb`, `pg_ctl` and `postgres` are: `PG_BIN` if set, else the newest Debian/Ubuntu
 * `/usr/lib/postgresql/<version>/bin`, else `pg_config --bindir`, else whatever is on the PATH.
 */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(path.join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(debian, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** Initialises and starts a private PostgreSQL server; `destroy()` it when done (also on failure). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binDir = postgresBinDir();
  const bin = (name: string) => (binDir ? path.join(binDir, name) : name);
  const asRoot = process.getuid?.() === 0;
  const root = await mkdtemp(path.join(os.tmpdir(), 'till-pg-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  const logFile = path.join(root, 'postgres.log');
  let running = false;
  let destroyed = false;

  // As root, every binary runs as the `postgres` OS user, which must own the whole folder.
  const run = (name: string, args: string[]) =>
    asRoot ? exec('runuser', ['-u', 'postgres', '--', bin(name), ...args]) : exec(bin(name), args);
  const pgCtl = (args: string[]) => run('pg_ctl', ['-D', dataDir, '-w', '-t', '30', ...args]);

  // If the test process dies without cleaning up, the server must not outlive it.
  const onExit = () => {
    if (!running) return;
    try {
      const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
      if (asRoot)
        execFileSync('runuser', ['-u', 'postgres', '--', bin('pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(bin('pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  };

  let port = 0;
  try {
    await mkdir(socketDir);
    if (asRoot) {
      const uid = Number(await exec('id', ['-u', 'postgres']));
      const gid = Number(await exec('id', ['-g', 'postgres']));
      await chown(root, uid, gid);
      await chown(socketDir, uid, gid);
    }
    await run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    // A free port can be taken between finding and binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      await appendFile(
        path.join(dataDir, 'postgresql.conf'),
        [
          '',
          '# till private test server',
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${socketDir}'`,
          // Durability is part of what the chaos tests check: commits reach the disk as in production.
          'fsync = on',
          'synchronous_commit = on',
          'full_page_writes = on',
          'max_connections = 100',
          '',
        ].join('\n'),
      );
      try {
        await pgCtl(['-l', logFile, 'start']);
        running = true;
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    process.once('exit', onExit);
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw new Error(
      `could not start a private PostgreSQL (bin: ${binDir ?? 'PATH'}${asRoot ? ', as user postgres' : ''}): ${
        (err as Error).message
      }`,
      { cause: err },
    );
  }

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    adminUrl,
    get running() {
      return running;
    },
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await pgCtl(['-m', 'fast', 'stop']);
      running = false;
    },
    async start() {
      await pgCtl(['-l', logFile, 'start']);
      running = true;
    },
    async log() {
      return readFile(logFile, 'utf8').catch(() => '');
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      process.removeListener('exit', onExit);
      if (running) await pgCtl(['-m', 'immediate', 'stop']).catch(() => undefined);
      running = false;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a program and resolves with its trimmed stdout; rejects with its stderr. */
function exec(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout.trim());
    });
  });
}
