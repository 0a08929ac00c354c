import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBDevModePlugin, checkSchema } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { context, exclusive } from '../../../test/support/domain-fixtures';
import { priceCart } from '../domain/pricing';
import { buildSale } from '../domain/sale-builder';
import { z } from 'zod';
import { collectionNames, isCollectionName } from '../sync/protocol';
import { collections, rxSchemaOf } from './collections';
import { toRxJsonSchema } from './rx-schema';

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

describe('RxDB schemas derived from zod', () => {
  it('keeps the register to at most 10 collections', () => {
    expect(collectionNames.length).toBeLessThanOrEqual(10);
    expect(isCollectionName('sales')).toBe(true);
    expect(isCollectionName('__proto__')).toBe(false);
    expect(isCollectionName('nope')).toBe(false);
  });

  it.each(collectionNames)('%s passes RxDB’s own schema check', (name) => {
    const schema = rxSchemaOf(name);
    expect(schema.primaryKey).toBe(collections[name].primaryKey);
    expect(() => checkSchema(schema as never)).not.toThrow();
  });

  it('opens every collection in a real RxDB and validates a built sale with the derived schema', async () => {
    const db = await createRxDatabase({
      name: `schemas-${Date.now()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      multiInstance: false,
    });
    try {
      // A fresh database migrates nothing, but RxDB wants one strategy per earlier version of a schema.
      const strategies = (version: number) =>
        Object.fromEntries(Array.from({ length: version }, (_, i) => [i + 1, (doc: unknown) => doc]));
      const specs = Object.fromEntries(
        collectionNames.map((n) => [
          n,
          { schema: rxSchemaOf(n) as never, migrationStrategies: strategies(collections[n].version) },
        ]),
      );
      const opened = await db.addCollections(specs);
      expect(Object.keys(opened).sort()).toEqual([...collectionNames].sort());

      const priced = priceCart(
        { lines: [{ lineId: '1', sku: 'MUG', name: 'Mug', qty: 1, unitPrice: 1299, taxCode: 'std' }] },
        exclusive,
      );
      if (!priced.ok) throw new Error(priced.error.message);
      const sale = buildSale({
        context,
        priced: priced.value,
        tenders: [{ method: 'cash', amount: 2000 }],
        number: 'S1-R1-000001',
      });
      if (!sale.ok) throw new Error(sale.error.message);
      const sales = opened['sales']!;
      await sales.insert(sale.value);
      expect((await sales.findOne(sale.value.id).exec())?.toJSON()).toMatchObject({ number: 'S1-R1-000001' });
      const float = {
        ...sale.value,
        id: '0192f0c4-7d3a-7b8e-9a10-1234567890ab',
        totals: { ...sale.value.totals, net: 12.99 },
      };
      await expect(sales.insert(float)).rejects.toThrow();
    } finally {
      await db.remove();
    }
  });

  it('refuses to index an optional or unbounded field', () => {
    const s = z.object({ id: z.string().max(10), note: z.string().optional(), free: z.string() });
    expect(() => toRxJsonSchema(s, { title: 't', version: 0, primaryKey: 'id', indexes: ['note'] })).toThrow(
      /required/,
    );
    expect(() => toRxJsonSchema(s, { title: 't', version: 0, primaryKey: 'free' })).toThrow(/maxLength/);
    expect(() => toRxJsonSchema(s, { title: 't', version: 0, primaryKey: 'missing' })).toThrow(/no field/);
  });
});
