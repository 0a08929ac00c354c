import { createRxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { rxSchemaOf } from '@till/shared/schemas/collections';
import { cashMovementsOf, shiftSchema } from '@till/shared/schemas/shift';
import { aShift } from '../../test/support/domain-fixtures';
import { openTillDatabase } from './database';

/** The shifts schema as registers had it at version 0: no cash movements, no count by denomination. */
function shiftsV0Schema() {
  const current = rxSchemaOf('shifts');
  const { cashMovements: _m, counted: _c, ...properties } = current.properties;
  return { ...current, version: 0, properties, required: current.required.filter((f) => f in properties) };
}

// Version 0 had neither field, so the old document leaves them out rather than leaving them empty.
const { cashMovements: _m, counted: _c, ...v0Shift } = aShift({ id: 'shift-old' });

describe('shifts version 1', () => {
  it('a shift written at version 0 opens with no cash movements and no count', async () => {
    const storage = getRxStorageMemory();
    const name = `shiftmig${Math.random().toString(36).slice(2, 10)}`;
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    const { shifts } = await old.addCollections({ shifts: { schema: shiftsV0Schema() as never } });
    await shifts.insert(v0Shift);
    await old.close();

    const db = await openTillDatabase({ name, storage });
    const doc = (await db.shifts.findOne('shift-old').exec())?.toJSON();
    expect(doc).toMatchObject({ ...v0Shift, cashMovements: [], counted: null });
    // What the replica now holds is a valid version-1 shift, as the hub will check it.
    expect(shiftSchema.safeParse(doc).success).toBe(true);
    await db.remove();
  });

  it('a shift pushed by a register still at version 0 is valid and has no movements', () => {
    // The hub stores a shift as it was sent, so the old shape must stay valid.
    const parsed = shiftSchema.parse(v0Shift);
    expect(parsed).toEqual(v0Shift);
    expect(cashMovementsOf(parsed)).toEqual([]);
  });
});
