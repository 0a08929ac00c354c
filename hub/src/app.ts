/**
 * Builds the hub's Fastify app around an open database: `createApp({ db })` in tests (driven with
 * `app.inject`), the same from server.ts with the configuration from the environment. The app validates
 * and serialises with zod (fastify-type-provider-zod), registers the error handler first and then the
 * route plugins, and owns its listeners and streams (closed with `app.close()`); the database stays the
 * caller's.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type HubConfig, loadConfig } from './config';
import type { Db } from './db/port';
import type { PaymentGateway } from './domain/gateway';
import type { RegisterIdentity } from './domain/register-auth';
import { corsPlugin } from './http/cors';
import { errorHandler } from './http/error-handler';
import { type Hub, createHub, endStreams, stopHub } from './hub';
import { counterRoutes } from './routes/counter';
import { enrollRoutes } from './routes/enroll';
import { exceptionRoutes } from './routes/exceptions';
import { healthRoutes } from './routes/health';
import { storefrontCatalogRoutes } from './routes/storefront-catalog';
import { storefrontEventRoutes } from './routes/storefront-events';
import { storefrontOrderRoutes } from './routes/storefront-orders';
import { storefrontPageRoutes } from './routes/storefront-page';
import { syncRoutes } from './routes/sync';

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
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimit,
    // Requests are identified in logs; tokens and keys are never logged (pino logs no headers by default).
    requestIdHeader: 'x-request-id',
    forceCloseConnections: true,
  });
  const hub = await createHub(options.db, config, options.gateway);
  app.decorate('hub', hub);
  app.decorateRequest('identity', null);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only; any other body is a 415, not a string handed to a route.
  app.removeContentTypeParser('text/plain');

  await app.register(errorHandler);
  await app.register(corsPlugin);
  await app.register(healthRoutes, { hub });
  await app.register(enrollRoutes, { hub });
  await app.register(syncRoutes, { hub });
  await app.register(storefrontCatalogRoutes, { hub });
  await app.register(storefrontOrderRoutes, { hub });
  await app.register(storefrontEventRoutes, { hub });
  await app.register(counterRoutes, { hub });
  await app.register(exceptionRoutes, { hub });
  await app.register(storefrontPageRoutes);

  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => endStreams(hub));
  app.addHook('onClose', async () => stopHub(hub));
  return app;
}
