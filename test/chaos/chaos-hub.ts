/**
 * The stage of a chaos test: a private PostgreSQL server (never the shared one: these tests stop it) with
 * one database, and a real hub process on it at a fixed address, so the hub can be killed and started
 * again where its registers expect it.
 */
import { type HubProcess, startHubProcess } from '../support/hub-process';
import { type PrivatePostgres, freePort, startPrivatePostgres } from '../support/private-postgres';

/** A private PostgreSQL and the hub process on it. */
export interface ChaosStage {
  postgres: PrivatePostgres;
  databaseUrl: string;
  /** The hub process running now (replaced by `restartHub`). */
  hub: HubProcess;
  /** The hub's address; the same across restarts. */
  base: string;
  /** Starts a new hub process on the same database and port (after `hub.kill()`). */
  restartHub(): Promise<HubProcess>;
  /** What the hub and PostgreSQL printed, for a failing test. */
  diagnostics(): Promise<string>;
  /** Stops the hub and PostgreSQL and removes every temporary folder; safe after a failure. */
  close(): Promise<void>;
}

/** Starts PostgreSQL, creates the database, starts the hub with `env` (demo seed, LOG_LEVEL=warn). */
export async function startChaosStage(env: Record<string, string> = {}): Promise<ChaosStage> {
  const postgres = await startPrivatePostgres();
  try {
    const databaseUrl = await postgres.createDatabase('till');
    const port = await freePort();
    const start = () => startHubProcess({ url: databaseUrl }, port, { env: { HUB_DB_POOL: '10', ...env } });
    const stage: ChaosStage = {
      postgres,
      databaseUrl,
      hub: await start(),
      base: `http://127.0.0.1:${port}`,
      async restartHub() {
        if (stage.hub.alive()) throw new Error('the hub is still running');
        stage.hub = await start();
        return stage.hub;
      },
      async diagnostics() {
        const log = await postgres.log();
        return `--- hub output (tail) ---\n${stage.hub.output().slice(-3000)}\n--- postgres log (tail) ---\n${log.slice(-2000)}`;
      },
      async close() {
        try {
          await stage.hub.stop();
        } finally {
          await postgres.destroy();
        }
      },
    };
    return stage;
  } catch (err) {
    await postgres.destroy();
    throw err;
  }
}
