import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { openTillDatabase } from './database';

describe('schema migrations', () => {
  it('a version bump carries existing local documents over through its strategy', async () => {
    const storage = getRxStorageMemory();
    const name = `mig${Math.random().toString(36).slice(2, 10)}`;
    const v0 = await openTillDatabase({ name, storage });
    await v0.products.insert({
      sku: 'MUG',
      name: 'Mug',
      price: 1299,
      currency: 'USD',
      taxCode: 'std',
      barcodes: ['4006381333931'],
      active: true,
      updatedAt: '2026-11-27T10:00:00.000Z',
    });
    await v0.close();

    // Version 1 of products adds a `unit` field; the strategy fills it for documents written under v0.
    const v1 = await openTillDatabase({
      name,
      storage,
      schemaChanges: {
        products: {
          schema: (s) => ({
            ...s,
            version: 1,
            properties: { ...s.properties, unit: { type: 'string', maxLength: 8 } },
          }),
          strategies: { 1: (doc) => ({ ...doc, unit: 'each' }) },
        },
      },
    });
    const mug = await v1.products.findOne('MUG').exec();
    expect(mug?.toJSON()).toMatchObject({ sku: 'MUG', name: 'Mug', price: 1299, unit: 'each' });
    await v1.remove();
  });
});
