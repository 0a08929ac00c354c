/**
 * The register's RxDB database: one per register, owned by one window (`multiInstance: false`), with the
 * collections of `src/shared/schemas/collections.ts`. The storage is passed in: Dexie (IndexedDB, strict
 * durability) in the renderer, memory in Node tests.
 */
import { type RxCollection, type RxDatabase, type RxStorage, addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { AuditEntry } from '@till/shared/schemas/audit';
import { rxSchemaOf } from '@till/shared/schemas/collections';
import { type CollectionName, collectionNames } from '@till/shared/sync/protocol';
import type { RxJsonSchemaLike } from '@till/shared/schemas/rx-schema';
import type { Customer } from '@till/shared/schemas/customer';
import type { Product } from '@till/shared/schemas/product';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { Shift } from '@till/shared/schemas/shift';
import type { Staff } from '@till/shared/schemas/staff';
import type { StockLevel } from '@till/shared/schemas/stock-level';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { customerConflictHandler, masterWins, orderConflictHandler, shiftConflictHandler } from './conflicts';
import { type Strategies, migrationStrategies } from './migrations';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The typed collections of a register database. */
export interface TillCollections {
  products: RxCollection<Product>;
  stock: RxCollection<StockLevel>;
  sales: RxCollection<SaleDocument>;
  orders: RxCollection<WebOrder>;
  customers: RxCollection<Customer>;
  staff: RxCollection<Staff>;
  shifts: RxCollection<Shift>;
  audit: RxCollection<AuditEntry>;
  settings: RxCollection<StoreSettings>;
}

/** A schema change: how the derived RxDB schema changes and the strategies that carry old documents over. */
export interface SchemaChange {
  schema: (current: RxJsonSchemaLike) => RxJsonSchemaLike;
  strategies: Strategies;
}

/** A register database. */
export type TillDatabase = RxDatabase<TillCollections>;

const conflictHandlers: Partial<Record<CollectionName, unknown>> = {
  orders: orderConflictHandler,
  customers: customerConflictHandler,
  shifts: shiftConflictHandler,
};

/**
 * Opens (or creates) a register database. `name` is per register and per hub, so re-enrolling with another
 * hub never mixes data. The same name reopens the same data after a restart.
 */
export async function openTillDatabase(options: {
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Schema changes layered on the shared ones, with their strategies (tests of a version bump). */
  schemaChanges?: Partial<Record<CollectionName, SchemaChange>>;
}): Promise<TillDatabase> {
  const db = await createRxDatabase<TillCollections>({
    name: options.name,
    storage: options.storage,
    // One window owns the database; the customer display gets its cart over IPC
    // (docs/architecture.md, Processes).
    multiInstance: false,
    localDocuments: true,
    closeDuplicates: true,
  });
  const specs = Object.fromEntries(
    collectionNames.map((name) => {
      const change = options.schemaChanges?.[name];
      return [
        name,
        {
          schema: (change ? change.schema(rxSchemaOf(name)) : rxSchemaOf(name)) as never,
          conflictHandler: (conflictHandlers[name] ?? masterWins()) as never,
          migrationStrategies: { ...migrationStrategies[name], ...change?.strategies },
          localDocuments: false,
        },
      ];
    }),
  );
  await db.addCollections(specs);
  return db;
}
