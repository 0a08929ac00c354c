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
  /** How long taking a PostgreSQL connection may wait before the request answers 503 `db_unavailable`. */
  dbConnectTimeoutMs: number;
  atp: AtpConfig;
  /** Rate limits of `POST /api/v1/registers/enroll` (http/rate-limit.ts). */
  enrollLimits: EnrollLimits;
  /** Lifetime of an enrollment code issued through the admin API when the request names none. */
  enrollCodeTtlHours: number;
  /** A web store cart untouched this long is marked abandoned (domain/abandoned-carts.ts). */
  abandonedCartMinutes: number;
  /** A ready pickup order not collected within this many days expires (domain/fulfilment-expiry.ts). */
  pickupExpiryDays: number;
  /** Timeouts of the HTTP server: a slow or silent client cannot hold a connection for long. */
  timeouts: HttpTimeouts;
  /**
   * Whom to believe about the client's address (Fastify's `trustProxy`): false (the socket's peer), true
   * (any X-Forwarded-For), a hop count, or a comma-separated list of proxy addresses.
   */
  trustProxy: boolean | number | string;
  logLevel: string;
}

/** A limit of `limit` counted attempts per `windowSeconds` (sliding); a limit of 0 turns it off. */
export interface AttemptLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Enrollment limits. Only refused attempts count (an unknown, used or expired code, or a malformed
 * request), so a shop enrolling many registers from one address is never slowed down.
 */
export interface EnrollLimits {
  /** Per client address (IPv6 by /64). */
  perSource: AttemptLimit;
  /** Per code tried, from any address. */
  perCode: AttemptLimit;
}

/** HTTP server timeouts, in milliseconds (0 disables one). */
export interface HttpTimeouts {
  /** Receiving a whole request, headers and body (Node's `requestTimeout`; 408 after). */
  requestMs: number;
  /** Receiving the headers (Node's `headersTimeout`; at most `requestMs`). */
  headersMs: number;
  /** A socket with no traffic either way is closed (Fastify's `connectionTimeout`). */
  idleMs: number;
  /** A kept-alive connection waiting for its next request is closed (`keepAliveTimeout`). */
  keepAliveMs: number;
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
  const attempts = (prefix: string, limit: number, windowSeconds: number): AttemptLimit => ({
    limit: int(`${prefix}_LIMIT`, limit),
    windowSeconds: int(`${prefix}_WINDOW_SECONDS`, windowSeconds),
  });
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
    dbConnectTimeoutMs: int('HUB_DB_CONNECT_TIMEOUT_MS', 5000),
    atp: {
      floorUnits: int('HUB_ATP_FLOOR', 0),
      graceSeconds: int('HUB_ATP_GRACE_SECONDS', 60),
      rateWindowHours: int('HUB_ATP_RATE_WINDOW_HOURS', 24),
    },
    enrollLimits: {
      perSource: attempts('HUB_ENROLL_SOURCE', 10, 60),
      perCode: attempts('HUB_ENROLL_CODE', 5, 600),
    },
    enrollCodeTtlHours: int('HUB_ENROLL_CODE_TTL_HOURS', 7 * 24),
    abandonedCartMinutes: int('HUB_ABANDONED_CART_MINUTES', 30),
    pickupExpiryDays: int('HUB_PICKUP_EXPIRY_DAYS', 7),
    timeouts: {
      requestMs: int('HUB_REQUEST_TIMEOUT_MS', 60_000),
      headersMs: int('HUB_HEADERS_TIMEOUT_MS', 15_000),
      idleMs: int('HUB_IDLE_TIMEOUT_MS', 75_000),
      keepAliveMs: int('HUB_KEEP_ALIVE_TIMEOUT_MS', 10_000),
    },
    trustProxy: trustProxyOf(env.HUB_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

/** `HUB_TRUST_PROXY`: unset or `false`, `true`, a hop count, or a list of proxy addresses. */
function trustProxyOf(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
