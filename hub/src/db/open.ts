/** Chooses the database adapter from the configuration: PostgreSQL when `DATABASE_URL` is set, else PGlite. */
import type { HubConfig } from '../config';
import { openPg } from './pg-adapter';
import { openPglite } from './pglite-adapter';
import type { Db } from './port';

/** Opens the configured database. */
export async function openDb(config: HubConfig, onError?: (err: Error) => void): Promise<Db> {
  if (config.databaseUrl) {
    return openPg({
      connectionString: config.databaseUrl,
      poolSize: config.dbPoolSize,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      onError,
    });
  }
  return openPglite(config.dataDir);
}
