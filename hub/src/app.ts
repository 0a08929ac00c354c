/**
 * Builds the hub's Fastify app around an open database: `createApp({ db })` in tests (driven with
 * `app.inject`), the same from server.ts with the configuration from the environment. The app validates
 * and serialises with zod (fastify-type-provider-zod), registers the error handler first, then the checks
 * every request gets (charset, plain text), then the route plugins — those that need credentials check
 * them in `onRequest`, before a body is read — and owns its listeners and streams (closed with
 * `app.close()`); the database stays the caller's.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type HubConfig, loadConfig } from './config';
import type { Db } from './db/port';
import type { PaymentGateway } from './domain/gateway';
import type { RegisterIdentity } from './domain/register-auth';
import { clientErrorHandler } from './http/client-errors';
import { corsPlugin } from './http/cors';
import { errorHandler, frameworkErrors } from './http/error-handler';
import { refuseForeignCharset, refuseNonText } from './http/request-guards';
import { type Hub, createHub, endStreams, stopHub } from './hub';
import { adminRoutes } from './routes/admin';
import { counterRoutes } from './routes/counter';
import { counterReturnRoutes } from './routes/counter-returns';
import { enrollRoutes } from './routes/enroll';
import { exceptionRoutes } from './routes/exceptions';
import { healthRoutes } from './routes/health';
import { storefrontCatalogRoutes } from './routes/storefront-catalog';
import { fulfilmentRoutes } from './routes/fulfilment';
import { storefrontEventRoutes } from './routes/storefront-events';
import { storefrontLoyaltyRoutes } from './routes/storefront-loyalty';
import { storefrontOrderRoutes } from './routes/storefront-orders';
import { storefrontPageRoutes } from './routes/storefront-page';
import { storefrontShopperRoutes } from './routes/storefront-shoppers';
import { syncRoutes } from './routes/sync';
import { Revocations } from './streams/revocations';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hub's services, for tests and benches that need to reach behind the HTTP API. */
    hub: Hub;
  }
  interface FastifyRequest {
    /** The register behind the bearer token, on routes that authenticate registers (http/auth.ts). */
    identity: RegisterIdentity | null;
  }
}

/** Options of `createApp`. */
export interface AppOptions {
  db: Db;
  /** Overrides of the environment's configuration (tests set keys and ATP settings here). */
  config?: Partial<HubConfig>;
  gateway?: PaymentGateway;
  /** Pino logger options, or false for none (the default in tests). */
  logger?: boolean | Record<string, unknown>;
}

/** Creates the hub app (not yet listening). */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const config = { ...loadConfig(), ...options.config };
  const { timeouts } = config;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    // Requests are identified in logs; tokens and keys are never logged (pino logs no headers by default).
    requestIdHeader: 'x-request-id',
    forceCloseConnections: true,
    trustProxy: trustProxyOf(config.trustProxy),
    // A client that trickles its request (headers or body) is cut off with 408 when the time is up; a
    // silent socket is closed; a kept-alive connection is not held for long (hub/README.md, Running).
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: {
      headersTimeout: headersTimeoutOf(timeouts.headersMs, timeouts.requestMs),
      requestTimeout: timeouts.requestMs,
      // Node checks the two timeouts above on this interval (30 s by default, longer than they may be).
      connectionsCheckingInterval: checkingIntervalOf(timeouts.headersMs, timeouts.requestMs),
    },
    clientErrorHandler,
    frameworkErrors,
  });
  const hub = await createHub(options.db, config, options.gateway);
  const revocations = await Revocations.start(options.db, hub.auth, hub.syncStreams);
  app.decorate('hub', hub);
  app.decorateRequest('identity', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only; any other body is a 415, not a string handed to a route.
  app.removeContentTypeParser('text/plain');

  await app.register(errorHandler);
  await app.register(corsPlugin);
  // After the credentials (onRequest), before anything is read or stored.
  app.addHook('preParsing', refuseForeignCharset);
  app.addHook('preValidation', refuseNonText);
  await app.register(healthRoutes, { hub });
  await app.register(enrollRoutes, { hub, revocations });
  // Register and storefront-write routes authenticate in `onRequest`, before the body is read.
  await app.register(syncRoutes, { hub });
  await app.register(counterRoutes, { hub });
  await app.register(counterReturnRoutes, { hub });
  await app.register(storefrontCatalogRoutes, { hub });
  await app.register(storefrontOrderRoutes, { hub });
  await app.register(storefrontEventRoutes, { hub });
  await app.register(storefrontLoyaltyRoutes, { hub });
  await app.register(storefrontShopperRoutes, { hub });
  await app.register(exceptionRoutes, { hub });
  await app.register(adminRoutes, { hub, revocations });
  await app.register(fulfilmentRoutes, { hub });
  await app.register(storefrontPageRoutes);

  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => endStreams(hub));
  app.addHook('onClose', async () => {
    await revocations.close();
    await stopHub(hub);
  });
  return app;
}

/** `HUB_TRUST_PROXY` for Fastify: a hop count becomes "trust the nearest n hops". */
function trustProxyOf(
  setting: HubConfig['trustProxy'],
): boolean | string | ((ip: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_ip, hop) => hop < setting : setting;
}

/** Node's headers timeout: at most the request timeout (Node refuses more), 0 meaning none. */
function headersTimeoutOf(headersMs: number, requestMs: number): number {
  if (requestMs === 0) return headersMs;
  return headersMs === 0 ? requestMs : Math.min(headersMs, requestMs);
}

/** How often Node checks the request and headers timeouts: a quarter of the shorter, within 0.1–30 s. */
function checkingIntervalOf(headersMs: number, requestMs: number): number {
  const shortest = Math.min(...[headersMs, requestMs].filter((ms) => ms > 0));
  if (!Number.isFinite(shortest)) return 30_000;
  return Math.min(30_000, Math.max(100, Math.floor(shortest / 4)));
}
