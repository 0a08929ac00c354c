/** The hub's configuration, read once from the environment (documented in hub/README.md). */

/** Everything the hub can be configured with. */
export interface HubConfig {
  port: number;
  host: string;
  /** PostgreSQL connection string; unset means embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data folder, or `memory://`. */
  dataDir: string;
  /** `demo` seeds an empty database; `none` leaves it empty. */
  seed: 'demo' | 'none';
  storefrontKey: string;
  adminKey: string;
  /** Largest accepted request body, in bytes (413 above). */
  bodyLimit: number;
  dbPoolSize: number;
  atp: AtpConfig;
  logLevel: string;
}

/** Available-to-promise buffer settings (docs/architecture.md, Data rules). */
export interface AtpConfig {
  /** Units always held back from the web per store and SKU, even while the store is in contact. */
  floorUnits: number;
  /** A store counts as out of contact this long after its last sync request. */
  graceSeconds: number;
  /** Window over which a store's recent sales rate per SKU is measured. */
  rateWindowHours: number;
}

/** Demo keys: only for the demo seed; set real ones in production. */
export const DEMO_STOREFRONT_KEY = 'demo-storefront-key';
export const DEMO_ADMIN_KEY = 'demo-admin-key';

/** Reads the configuration from `env`, falling back to the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
    return value;
  };
  const seed = env.HUB_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error('HUB_SEED must be demo or none');
  return {
    port: int('PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.HUB_DATA_DIR || './data/hub',
    seed,
    storefrontKey: env.HUB_STOREFRONT_KEY || DEMO_STOREFRONT_KEY,
    adminKey: env.HUB_ADMIN_KEY || DEMO_ADMIN_KEY,
    bodyLimit: int('HUB_BODY_LIMIT', 4 * 1024 * 1024),
    dbPoolSize: int('HUB_DB_POOL', 10),
    atp: {
      floorUnits: int('HUB_ATP_FLOOR', 0),
      graceSeconds: int('HUB_ATP_GRACE_SECONDS', 60),
      rateWindowHours: int('HUB_ATP_RATE_WINDOW_HOURS', 24),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
