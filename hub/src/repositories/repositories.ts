/**
 * Every repository of the hub, built once around the database. A repository is the only place SQL is
 * written; each method runs on the database unless it is given an open transaction.
 */
import type { Queryable } from '../db/port';
import { AuditRepository } from './audit';
import { BrowsingRepository } from './browsing';
import { CartsRepository } from './carts';
import { ChangesRepository } from './changes';
import { CustomersRepository } from './customers';
import { ExceptionsRepository } from './exceptions';
import { FeedsRepository } from './feeds';
import { HealthRepository } from './health';
import { LoyaltyRepository } from './loyalty';
import { OrderRequestsRepository } from './order-requests';
import { ProductsRepository } from './products';
import { RegistersRepository } from './registers';
import { ReservationsRepository } from './reservations';
import { SalesRepository } from './sales';
import { SettingsRepository } from './settings';
import { ShiftsRepository } from './shifts';
import { StockRepository } from './stock';
import { StorefrontRepository } from './storefront';
import { StoresRepository } from './stores';
import { WebOrdersRepository } from './web-orders';
import { WebReturnsRepository } from './web-returns';

/** The hub's repositories. */
export interface Repositories {
  audit: AuditRepository;
  browsing: BrowsingRepository;
  carts: CartsRepository;
  changes: ChangesRepository;
  customers: CustomersRepository;
  exceptions: ExceptionsRepository;
  feeds: FeedsRepository;
  health: HealthRepository;
  loyalty: LoyaltyRepository;
  orderRequests: OrderRequestsRepository;
  products: ProductsRepository;
  registers: RegistersRepository;
  reservations: ReservationsRepository;
  sales: SalesRepository;
  settings: SettingsRepository;
  shifts: ShiftsRepository;
  stock: StockRepository;
  storefront: StorefrontRepository;
  stores: StoresRepository;
  webOrders: WebOrdersRepository;
  webReturns: WebReturnsRepository;
}

/** Builds every repository on `db`. */
export function createRepositories(db: Queryable): Repositories {
  return {
    audit: new AuditRepository(db),
    browsing: new BrowsingRepository(db),
    carts: new CartsRepository(db),
    changes: new ChangesRepository(db),
    customers: new CustomersRepository(db),
    exceptions: new ExceptionsRepository(db),
    feeds: new FeedsRepository(db),
    health: new HealthRepository(db),
    loyalty: new LoyaltyRepository(db),
    orderRequests: new OrderRequestsRepository(db),
    products: new ProductsRepository(db),
    registers: new RegistersRepository(db),
    reservations: new ReservationsRepository(db),
    sales: new SalesRepository(db),
    settings: new SettingsRepository(db),
    shifts: new ShiftsRepository(db),
    stock: new StockRepository(db),
    storefront: new StorefrontRepository(db),
    stores: new StoresRepository(db),
    webOrders: new WebOrdersRepository(db),
    webReturns: new WebReturnsRepository(db),
  };
}
