import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shiftSchema } from '@till/shared/schemas/shift';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import { addCashMovement, closeShift, openShift } from './shift-actions';

const where = { storeId: 'store-1', registerId: 'reg-1' };
let db: TillDatabase;

beforeEach(async () => {
  db = await openTillDatabase({
    name: `shift${Math.random().toString(36).slice(2, 10)}`,
    storage: getRxStorageMemory(),
  });
});
afterEach(async () => {
  await db.remove();
});

const open = () =>
  openShift(db, where, {
    clerkId: 'staff-bob',
    currency: 'USD',
    float: [
      { denomination: 2_000, count: 4 },
      { denomination: 1_000, count: 2 },
    ],
  });

describe('shift actions on a real replica', () => {
  it('opens with the counted float, once per register, and audits it', async () => {
    const first = await open();
    expect(first.ok && first.value.openingFloat).toBe(10_000);
    const second = await open();
    expect(second).toMatchObject({ ok: false, error: { code: 'shift_open' } });
    expect(await db.shifts.count().exec()).toBe(1);
    const audit = await db.audit.find().exec();
    expect(audit.map((a) => a.action)).toEqual(['shift_open']);
  });

  it('records a paid-out with its reason; a bad one is refused and changes nothing', async () => {
    const opened = await open();
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    const bad = await addCashMovement(db, id, {
      kind: 'paid_out',
      amount: 500,
      reason: '  ',
      staffId: 'staff-bob',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_shift' } });
    const zero = await addCashMovement(db, id, {
      kind: 'paid_out',
      amount: 0,
      reason: 'x',
      staffId: 'staff-bob',
    });
    expect(zero.ok).toBe(false);
    expect((await db.shifts.findOne(id).exec())?.cashMovements).toEqual([]);

    const good = await addCashMovement(db, id, {
      kind: 'paid_out',
      amount: 500,
      reason: 'Window cleaner',
      staffId: 'staff-bob',
    });
    expect(good.ok).toBe(true);
    const stored = (await db.shifts.findOne(id).exec())?.toMutableJSON();
    expect(stored?.cashMovements).toMatchObject([
      { kind: 'paid_out', amount: 500, reason: 'Window cleaner' },
    ]);
    expect(shiftSchema.safeParse(stored).success).toBe(true);
  });

  it('audits each paid-in and paid-out with who, how much, why and the shift; a refused one is not', async () => {
    const opened = await open();
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    await addCashMovement(db, id, { kind: 'paid_out', amount: 500, reason: ' ', staffId: 'staff-bob' });
    await addCashMovement(db, id, {
      kind: 'paid_out',
      amount: 500,
      reason: 'Window cleaner',
      staffId: 'staff-bob',
    });
    await addCashMovement(db, id, {
      kind: 'paid_in',
      amount: 2_000,
      reason: 'Change from bank',
      staffId: 'staff-al',
    });
    const entries = (await db.audit.find().exec())
      .map((a) => a.toJSON())
      .filter((a) => a.action !== 'shift_open')
      .sort((a, b) => a.at.localeCompare(b.at) || a.action.localeCompare(b.action));
    const movements = (await db.shifts.findOne(id).exec())?.cashMovements ?? [];
    expect(
      entries.map(({ action, staffId, storeId, registerId, details }) => ({
        action,
        staffId,
        storeId,
        registerId,
        details,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          action: 'paid_out',
          staffId: 'staff-bob',
          ...where,
          details: { shiftId: id, movementId: movements[0]?.id, amount: 500, reason: 'Window cleaner' },
        },
        {
          action: 'paid_in',
          staffId: 'staff-al',
          ...where,
          details: { shiftId: id, movementId: movements[1]?.id, amount: 2_000, reason: 'Change from bank' },
        },
      ]),
    );
    expect(entries).toHaveLength(2);
  });

  it('closes with the count by denomination, then refuses to close or pay out again', async () => {
    const opened = await open();
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.id;
    const closed = await closeShift(db, where, {
      shiftId: id,
      closedBy: 'staff-bob',
      expectedCash: 9_500,
      counted: [
        { denomination: 2_000, count: 4 },
        { denomination: 500, count: 0 },
      ],
      approvedBy: 'staff-alice',
    });
    expect(closed.ok).toBe(true);
    const stored = (await db.shifts.findOne(id).exec())?.toMutableJSON();
    expect(stored).toMatchObject({
      status: 'closed',
      expectedCash: 9_500,
      countedCash: 8_000,
      counted: [{ denomination: 2_000, count: 4 }],
      closedBy: 'staff-bob',
    });
    const again = await closeShift(db, where, {
      shiftId: id,
      closedBy: 'staff-bob',
      expectedCash: 0,
      counted: 0,
      approvedBy: null,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'shift_not_open' } });
    const late = await addCashMovement(db, id, {
      kind: 'paid_in',
      amount: 100,
      reason: 'x',
      staffId: 'staff-bob',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'shift_not_open' } });
    const audit = await db.audit.find().exec();
    expect(audit.map((a) => `${a.action}:${a.staffId}`).sort()).toEqual([
      'manager_approval:staff-alice',
      'shift_close:staff-bob',
      'shift_open:staff-bob',
    ]);
  });
});
