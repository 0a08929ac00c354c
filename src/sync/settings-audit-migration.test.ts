import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { auditEntrySchema } from '@till/shared/schemas/audit';
import { rxSchemaOf } from '@till/shared/schemas/collections';
import { storeSettingsSchema } from '@till/shared/schemas/settings';
import { openTillDatabase } from './database';

/** The settings schema as registers had it at version 0: no idle-lock minutes, no variance threshold. */
function settingsV0Schema() {
  const current = rxSchemaOf('settings');
  const { idleLockMinutes: _i, cashVarianceApproval: _c, ...properties } = current.properties;
  return { ...current, version: 0, properties };
}

/** The audit schema at version 0: the same, less the paid_in and paid_out actions. */
function auditV0Schema() {
  const current = rxSchemaOf('audit');
  const action = current.properties.action as { enum: string[] };
  const older = action.enum.filter((a) => a !== 'paid_in' && a !== 'paid_out');
  return {
    ...current,
    version: 0,
    properties: { ...current.properties, action: { ...action, enum: older } },
  };
}

const v0Settings = {
  storeId: 'store-1',
  storeCode: '1',
  name: 'Main Street',
  currency: 'USD',
  locale: 'en-US',
  priceMode: 'tax-exclusive',
  taxRates: [{ code: 'std', name: 'Sales tax', ratePpm: 88_750 }],
  approvals: { lineDiscountBp: 2000, cartDiscountBp: 1500, discountAmount: 5000, overrideDropBp: 2500 },
  receiptHeader: ['Main Street'],
  receiptFooter: [],
  updatedAt: '2026-11-27T08:00:00.000Z',
};

const v0Audit = {
  id: '0b7f6c0e-52a4-4e0c-9a65-3f3a2f7c1d10',
  storeId: 'store-1',
  registerId: 'reg-1',
  staffId: 'staff-bob',
  action: 'shift_open',
  at: '2026-11-27T08:00:00.000Z',
  details: { openingFloat: 10_000 },
};

describe('settings and audit version 1', () => {
  it('documents written at version 0 open unchanged, and the new fields and actions are accepted', async () => {
    const storage = getRxStorageMemory();
    const name = `setmig${Math.random().toString(36).slice(2, 10)}`;
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    const added = await old.addCollections({
      settings: { schema: settingsV0Schema() as never },
      audit: { schema: auditV0Schema() as never },
    });
    await added.settings.insert(v0Settings);
    await added.audit.insert(v0Audit);
    await old.close();

    const db = await openTillDatabase({ name, storage });
    expect((await db.settings.findOne('store-1').exec())?.toJSON()).toEqual(v0Settings);
    expect((await db.audit.findOne(v0Audit.id).exec())?.toJSON()).toEqual(v0Audit);
    await db.settings.upsert(storeSettingsSchema.parse({ ...v0Settings, idleLockMinutes: 2 }));
    expect((await db.settings.findOne('store-1').exec())?.idleLockMinutes).toBe(2);
    const paidOut = auditEntrySchema.parse({
      ...v0Audit,
      id: '0b7f6c0e-52a4-4e0c-9a65-3f3a2f7c1d11',
      action: 'paid_out',
      details: { amount: 500, reason: 'Window cleaner' },
    });
    await db.audit.insert(paidOut);
    expect((await db.audit.findOne(paidOut.id).exec())?.action).toBe('paid_out');
    await db.remove();
  });
});
