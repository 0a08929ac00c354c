/**
 * The register's replicated collections (DESIGN.md §2, at most 10): for each, its zod schema, primary key
 * and indexes. The RxDB schemas, the hub's validation and the TypeScript types all come from here.
 */
import type { z } from 'zod';
import { auditEntrySchema } from './audit';
import { customerSchema } from './customer';
import { productSchema } from './product';
import { type RxJsonSchemaLike, toRxJsonSchema } from './rx-schema';
import { saleShapeSchema } from './sale';
import { storeSettingsSchema } from './settings';
import { shiftSchema } from './shift';
import { staffSchema } from './staff';
import { stockLevelSchema } from './stock-level';
import { webOrderSchema } from './web-order';

/** How a collection replicates: pulled from the hub, pushed to it, or both. */
export type Direction = 'pull' | 'push' | 'both';

interface CollectionSpec {
  schema: z.ZodObject;
  primaryKey: string;
  indexes?: (string | string[])[];
  direction: Direction;
  version: number;
}

/** Every register collection. Adding one: add its zod schema in this folder, then a row here. */
export const collections = {
  products: { schema: productSchema, primaryKey: 'sku', direction: 'pull', version: 0 },
  stock: { schema: stockLevelSchema, primaryKey: 'id', indexes: ['sku'], direction: 'pull', version: 0 },
  sales: {
    schema: saleShapeSchema,
    primaryKey: 'id',
    indexes: ['number', 'createdAt'],
    direction: 'both',
    version: 0,
  },
  orders: { schema: webOrderSchema, primaryKey: 'id', indexes: ['number'], direction: 'both', version: 0 },
  customers: { schema: customerSchema, primaryKey: 'id', direction: 'both', version: 0 },
  staff: { schema: staffSchema, primaryKey: 'id', direction: 'pull', version: 0 },
  shifts: { schema: shiftSchema, primaryKey: 'id', direction: 'push', version: 0 },
  audit: { schema: auditEntrySchema, primaryKey: 'id', direction: 'push', version: 0 },
  settings: { schema: storeSettingsSchema, primaryKey: 'storeId', direction: 'pull', version: 0 },
} as const satisfies Record<string, CollectionSpec>;

/** A register collection's name. */
export type CollectionName = keyof typeof collections;

/** The names of the register collections, for validating a `:collection` path parameter. */
export const collectionNames = Object.keys(collections) as CollectionName[];

/** Whether `name` is a register collection. */
export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collections, name);
}

/** The RxDB JSON schema of a collection, derived from its zod schema. */
export function rxSchemaOf(name: CollectionName): RxJsonSchemaLike {
  const spec: CollectionSpec = collections[name];
  return toRxJsonSchema(spec.schema, {
    title: name,
    version: spec.version,
    primaryKey: spec.primaryKey,
    ...(spec.indexes ? { indexes: spec.indexes } : {}),
  });
}
