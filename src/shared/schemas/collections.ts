/**
 * The register's replicated collections (at most 10, see docs/architecture.md): for each, its zod schema,
 * primary key and indexes. Which collections exist and their direction is the sync protocol's
 * (src/shared/sync/protocol.ts); the RxDB schemas and the TypeScript types come from here.
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
import type { CollectionName } from '../sync/protocol';

interface CollectionSpec {
  schema: z.ZodObject;
  primaryKey: string;
  indexes?: (string | string[])[];
  version: number;
}

/** Every register collection. Adding one: add its zod schema in this folder, then a row here. */
export const collections = {
  products: { schema: productSchema, primaryKey: 'sku', version: 0 },
  stock: { schema: stockLevelSchema, primaryKey: 'id', indexes: ['sku'], version: 0 },
  sales: {
    schema: saleShapeSchema,
    primaryKey: 'id',
    indexes: ['number', 'createdAt'],
    // Version 1 added the points tender (src/sync/migrations.ts).
    version: 1,
  },
  // Version 1 added the picking/picked/expired statuses and the optional pickups, notifications,
  // expiresAt and shipment (src/sync/migrations.ts).
  orders: { schema: webOrderSchema, primaryKey: 'id', indexes: ['number'], version: 1 },
  customers: { schema: customerSchema, primaryKey: 'id', version: 0 },
  staff: { schema: staffSchema, primaryKey: 'id', version: 0 },
  // Version 1 added cash movements and the count by denomination (src/sync/migrations.ts).
  shifts: { schema: shiftSchema, primaryKey: 'id', version: 1 },
  // Version 1 added the paid_in and paid_out actions, 2 customer_lookup (src/sync/migrations.ts).
  audit: { schema: auditEntrySchema, primaryKey: 'id', version: 2 },
  // Version 1 added the optional idleLockMinutes and cashVarianceApproval, 2 the optional loyalty rules
  // (src/sync/migrations.ts).
  settings: { schema: storeSettingsSchema, primaryKey: 'storeId', version: 2 },
} as const satisfies Record<CollectionName, CollectionSpec>;

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
