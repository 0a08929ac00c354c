/**
 * The change bus on a real database (PGlite in-process, PostgreSQL over LISTEN): every committed change
 * reaches every subscribed listener, each chunk of a large change included; a payload that is not a change
 * is dropped without holding up the ones after it; a listener that unsubscribed, or a closed bus, hears
 * nothing more. Absence is checked with a later marker change: notifications on one channel arrive in order.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, createDatabase } from '../../../test/support/hub';
import { eventually } from '../../../test/support/eventually';
import { openPg } from '../db/pg-adapter';
import { openPglite } from '../db/pglite-adapter';
import type { Db } from '../db/port';
import { CHANGES_CHANNEL, type Change, ChangesRepository, type LevelChange } from '../repositories/changes';
import { ChangeBus } from './change-bus';

const DEADLINE_MS = 5_000;

/** A listener that records what it hears. */
function recorder() {
  const changes: Change[] = [];
  let gaps = 0;
  return {
    changes,
    gaps: () => gaps,
    listener: { onChange: (c: Change) => changes.push(c), onGap: () => (gaps += 1) },
  };
}

const marker = (sku: string): LevelChange => ({ storeId: 'store-m', sku, onHand: 1, reserved: 0 });
const skus = (changes: Change[]) => changes.flatMap((c) => c.levels.map((l) => l.sku));

describe.each(DATABASES)('change bus on %s', (kind) => {
  let db: Db;
  let drop: () => Promise<void> = async () => undefined;
  let bus: ChangeBus;
  let changes: ChangesRepository;

  beforeAll(async () => {
    if (kind === 'postgres') {
      const created = await createDatabase();
      drop = created.drop;
      db = await openPg({ connectionString: created.url, poolSize: 2 });
    } else {
      db = await openPglite('memory://');
    }
    changes = new ChangesRepository(db);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });
  // A bus of its own per test: what one test's listeners hear cannot leak into another's.
  beforeEach(async () => {
    bus = await ChangeBus.start(db);
  });
  afterEach(() => bus.close());

  it('hands every committed change to every listener, with its collections, levels and xid', async () => {
    const a = recorder();
    const b = recorder();
    bus.subscribe(a.listener);
    bus.subscribe(b.listener);
    const level = { storeId: 'store-1', sku: 'SKU-1', onHand: 7, reserved: 2 };
    await db.transaction((tx) => changes.notify([['sales', 'store-1']], [level], tx));
    await db.transaction((tx) => changes.notify([['products', null]], [], tx));
    await eventually(async () => a.changes.length === 2 && b.changes.length === 2, DEADLINE_MS, 'both');
    for (const heard of [a.changes, b.changes]) {
      expect(heard[0]).toMatchObject({ collections: [['sales', 'store-1']], levels: [level] });
      expect(heard[1]).toMatchObject({ collections: [['products', null]], levels: [] });
      expect(typeof heard[0]?.xid).toBe('bigint');
      // Two transactions: two transaction ids, in commit order.
      expect((heard[1]?.xid ?? 0n) > (heard[0]?.xid ?? 0n)).toBe(true);
    }
  });

  it('delivers every chunk of a change too large for one notification', async () => {
    const a = recorder();
    bus.subscribe(a.listener);
    const levels = Array.from({ length: 1200 }, (_, i) => marker(`BULK-${String(i).padStart(5, '0')}`));
    await db.transaction((tx) => changes.notify([['stock', 'store-m']], levels, tx));
    await eventually(async () => skus(a.changes).length === levels.length, DEADLINE_MS, 'every level');
    expect(a.changes.length).toBeGreaterThan(1);
    expect(skus(a.changes)).toEqual(levels.map((l) => l.sku));
    expect(new Set(a.changes.map((c) => c.xid)).size).toBe(1);
  });

  it('drops a payload that is not a change and still delivers the next one', async () => {
    const a = recorder();
    bus.subscribe(a.listener);
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, 'not a change']);
    await db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '12|{broken']);
    await changes.notify([], [marker('AFTER-GARBAGE')]);
    await eventually(async () => a.changes.length >= 1, DEADLINE_MS, 'the change after the garbage');
    expect(skus(a.changes)).toEqual(['AFTER-GARBAGE']);
    expect(a.gaps()).toBe(0);
  });

  it('a listener that unsubscribed hears nothing more, the others still hear everything', async () => {
    const leaving = recorder();
    const staying = recorder();
    const unsubscribe = bus.subscribe(leaving.listener);
    bus.subscribe(staying.listener);
    await changes.notify([], [marker('BEFORE')]);
    await eventually(async () => leaving.changes.length === 1, DEADLINE_MS, 'the first change');
    unsubscribe();
    await changes.notify([], [marker('AFTER')]);
    await eventually(async () => skus(staying.changes).includes('AFTER'), DEADLINE_MS, 'the marker');
    expect(skus(staying.changes)).toEqual(['BEFORE', 'AFTER']);
    expect(skus(leaving.changes)).toEqual(['BEFORE']);
  });

  it('a closed bus hands nothing to its former listeners', async () => {
    const a = recorder();
    bus.subscribe(a.listener);
    await bus.close();
    // A second bus on the same database hears the marker, so the first had every chance to.
    const other = await ChangeBus.start(db);
    const witness = recorder();
    other.subscribe(witness.listener);
    try {
      await changes.notify([], [marker('AFTER-CLOSE')]);
      await eventually(async () => witness.changes.length === 1, DEADLINE_MS, 'the witness');
      expect(a.changes).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
