/**
 * Builds the hub's Fastify app around an open database: `createApp({ db })` in tests (driven with
 * `app.inject`), the same from server.ts with the configuration from the environment. The app owns its
 * listeners and streams (closed with `app.close()`); the database stays the caller's.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { type HubConfig, loadConfig } from './config';
import type { Db } from './db/port';
import { AtpModel } from './domain/atp';
import { ChangeBus } from './domain/changes';
import { type PaymentGateway, SimulatedGateway } from './domain/gateway';
import { SalesWriter } from './domain/sales-writer';
import { StockStream } from './domain/stock-stream';
import { SyncStreams } from './domain/sync-streams';
import { RegisterAuth } from './http/auth';
import { installErrorHandler } from './http/error-handler';
import { counterRoutes } from './routes/counter';
import { enrollRoutes } from './routes/enroll';
import { exceptionRoutes } from './routes/exceptions';
import { healthRoutes } from './routes/health';
import { storefrontCatalogRoutes } from './routes/storefront-catalog';
import { storefrontEventRoutes } from './routes/storefront-events';
import { storefrontOrderRoutes } from './routes/storefront-orders';
import { storefrontPageRoutes } from './routes/storefront-page';
import { syncRoutes } from './routes/sync';

/** What every route can reach. */
export interface Hub {
  db: Db;
  config: HubConfig;
  auth: RegisterAuth;
  bus: ChangeBus;
  gateway: PaymentGateway;
  salesWriter: SalesWriter;
  atp: AtpModel;
  syncStreams: SyncStreams;
  stockStream: StockStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The hub's services, for tests and benches that need to reach behind the HTTP API. */
    hub: Hub;
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
  const { db } = options;
  const bus = await ChangeBus.start(db);
  const atp = new AtpModel(db, config.atp);
  const hub: Hub = {
    db,
    config,
    auth: new RegisterAuth(db),
    bus,
    gateway: options.gateway ?? new SimulatedGateway(),
    salesWriter: new SalesWriter(db),
    atp,
    syncStreams: new SyncStreams(db, bus),
    stockStream: new StockStream(bus, atp),
  };
  await atp.refresh();
  app.decorate('hub', hub);
  // The API speaks JSON only; any other body is a 415, not a string handed to a route.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);

  healthRoutes(app, hub);
  enrollRoutes(app, hub);
  syncRoutes(app, hub);
  storefrontCatalogRoutes(app, hub);
  storefrontOrderRoutes(app, hub);
  storefrontEventRoutes(app, hub);
  counterRoutes(app, hub);
  exceptionRoutes(app, hub);
  await storefrontPageRoutes(app);

  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    hub.syncStreams.close();
    hub.stockStream.close();
  });
  app.addHook('onClose', async () => bus.close());
  return app;
}
