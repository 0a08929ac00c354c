import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEntrySchema } from '@till/shared/schemas/audit';
import { type TillDatabase, openTillDatabase } from './database';
import { auditEntry, recordAudit } from './record-audit';

const where = { storeId: 'store-1', registerId: 'reg-1' };
let db: TillDatabase;

beforeEach(async () => {
  db = await openTillDatabase({
    name: `audit${Math.random().toString(36).slice(2, 10)}`,
    storage: getRxStorageMemory(),
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.remove();
});

describe('recordAudit', () => {
  it('writes a checked entry for this register', async () => {
    const written = await recordAudit(db, where, {
      action: 'paid_out',
      staffId: 'staff-bob',
      details: { amount: 500, reason: 'Window cleaner' },
    });
    expect(written).toBe(true);
    const [entry] = (await db.audit.find().exec()).map((d) => d.toJSON());
    expect(entry).toMatchObject({
      ...where,
      staffId: 'staff-bob',
      action: 'paid_out',
      details: { amount: 500, reason: 'Window cleaner' },
    });
    expect(auditEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('an entry the schema refuses is logged, not thrown, and nothing is written', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const written = await recordAudit(db, where, {
      action: 'paid_in',
      staffId: 'staff-bob',
      details: { reason: 'x'.repeat(501) },
    });
    expect(written).toBe(false);
    expect(logged).toHaveBeenCalledWith('[audit] could not record', 'paid_in', expect.anything());
    expect(await db.audit.count().exec()).toBe(0);
  });

  it('without a replica or an enrollment there is nothing to write to', async () => {
    expect(await recordAudit(null, where, { action: 'sign_in', staffId: 'staff-bob' })).toBe(false);
    expect(await recordAudit(db, null, { action: 'sign_in', staffId: 'staff-bob' })).toBe(false);
    expect(await db.audit.count().exec()).toBe(0);
  });

  it('builds entries with empty details by default, at the given time', () => {
    const at = new Date('2026-11-27T08:00:00.000Z');
    expect(auditEntry(where, { action: 'sign_out', staffId: null }, at)).toMatchObject({
      ...where,
      staffId: null,
      action: 'sign_out',
      at: '2026-11-27T08:00:00.000Z',
      details: {},
    });
  });
});
