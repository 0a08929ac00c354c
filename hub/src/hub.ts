/**
 * The hub's services around one open database: the repositories, register authentication, the change
 * bus and the streams it feeds, the sales group commit, the web's available-to-promise and the payment
 * gateway. Built once by `createHub` and handed to every route plugin as `{ hub }`; it knows nothing of
 * HTTP, so it is what tests and benches reach behind the API for.
 */
import type { HubConfig } from './config';
import type { Db } from './db/port';
import { keepStatistics } from './db/statistics';
import { applySalesAtomically } from './domain/apply-sales';
import { AtpModel } from './domain/atp';
import { type PaymentGateway, SimulatedGateway } from './domain/gateway';
import { RefundSweeper } from './domain/refunds';
import { RegisterAuth } from './domain/register-auth';
import { SalesWriter } from './domain/sales-writer';
import { type Repositories, createRepositories } from './repositories/repositories';
import { ChangeBus } from './streams/change-bus';
import { StockStream } from './streams/stock-stream';
import { SyncStreams } from './streams/sync-streams';

/** What every route can reach. */
export interface Hub {
  db: Db;
  config: HubConfig;
  repos: Repositories;
  auth: RegisterAuth;
  bus: ChangeBus;
  gateway: PaymentGateway;
  salesWriter: SalesWriter;
  atp: AtpModel;
  syncStreams: SyncStreams;
  stockStream: StockStream;
  /** Settles card refunds of web-order returns that were left pending (domain/refunds.ts). */
  refundSweeper: RefundSweeper;
  /** Stops keeping planner statistics fresh (db/statistics.ts). */
  stopStatistics: () => void;
}

/** Builds the hub's services on an open, migrated database (which stays the caller's to close). */
export async function createHub(
  db: Db,
  config: HubConfig,
  gateway: PaymentGateway = new SimulatedGateway(),
): Promise<Hub> {
  const repos = createRepositories(db);
  const bus = await ChangeBus.start(db);
  const atp = new AtpModel(repos, config.atp);
  // Two transactions in flight keep PostgreSQL busy while a commit is flushed; PGlite has one connection.
  const lanes = db.kind === 'postgres' ? 2 : 1;
  const hub: Hub = {
    db,
    config,
    repos,
    auth: new RegisterAuth(repos.registers),
    bus,
    gateway,
    salesWriter: new SalesWriter((sales) => applySalesAtomically({ db, repos }, sales), lanes),
    atp,
    syncStreams: new SyncStreams(repos.feeds, bus),
    stockStream: new StockStream(bus, atp, repos.stock),
    refundSweeper: new RefundSweeper({ db, repos, gateway }),
    // Analysed now (a seeded or imported database pulls in index order from the first page) and as it grows.
    stopStatistics: await keepStatistics(db),
  };
  await atp.refresh();
  hub.refundSweeper.start();
  return hub;
}

/** Ends every open stream (they never end by themselves), before a server waits for its connections. */
export function endStreams(hub: Hub): void {
  hub.syncStreams.close();
  hub.stockStream.close();
}

/** Stops listening for changes; the database stays open. */
export async function stopHub(hub: Hub): Promise<void> {
  endStreams(hub);
  hub.stopStatistics();
  await hub.refundSweeper.close();
  await hub.bus.close();
}
