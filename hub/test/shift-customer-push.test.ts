/**
 * Pushing shifts and customers as a register does, with the master state it assumed, on both databases:
 * a shift opens, then closes once, and a closed shift never reopens; a push made on a stale version comes
 * back as a conflict carrying the hub's version and changes nothing; a customer signed up or edited at the
 * counter reaches the other registers of the store at once, and a customer another store holds is refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, type TestHub, auth, otherRegisterStream, startHub } from '../../test/support/hub';

let clock = Date.now();
/** Strictly increasing timestamps: each version of a document is newer than the last. */
const tick = () => new Date((clock += 1000)).toISOString();

const shiftDoc = () => ({
  id: `shift-${randomUUID()}`,
  storeId: 'store-1',
  registerId: 'reg-store-1',
  clerkId: 'staff-x',
  status: 'open' as 'open' | 'closed',
  currency: 'USD',
  openedAt: tick(),
  openingFloat: 10_000,
  closedAt: null as string | null,
  closedBy: null as string | null,
  expectedCash: null as number | null,
  countedCash: null as number | null,
  updatedAt: tick(),
});
type ShiftDoc = ReturnType<typeof shiftDoc>;

const closed = (shift: ShiftDoc): ShiftDoc => ({
  ...shift,
  status: 'closed',
  closedAt: tick(),
  closedBy: 'staff-x',
  expectedCash: 10_000,
  countedCash: 10_000,
  updatedAt: tick(),
});

const customerDoc = () => {
  const id = `cust-${randomUUID()}`;
  return {
    id,
    email: `${id}@example.com`,
    name: 'Pat Counter',
    phone: null,
    consent: { personalization: false, marketing: false, updatedAt: tick() },
    loyaltyPoints: 0,
    createdAt: tick(),
    updatedAt: tick(),
  };
};

describe.each(DATABASES)('shift and customer pushes on %s', (kind) => {
  let hub: TestHub;
  let token: string;

  /** Pushes one document with the master state it was edited from (null: a new document). */
  const push = (collection: string, doc: unknown, assumed: unknown = null) =>
    hub.app.inject({
      method: 'POST',
      url: `/api/v1/sync/${collection}/push`,
      headers: auth(token),
      payload: [{ newDocumentState: doc, assumedMasterState: assumed }],
    });
  const storedShift = async (id: string) =>
    (await hub.db.query<{ doc: ShiftDoc }>('SELECT doc FROM shifts WHERE id = $1', [id]))[0]?.doc;

  beforeAll(async () => {
    hub = await startHub(kind);
    ({ token } = await hub.enroll('DEMO-S1-R1'));
  });
  afterAll(() => hub.close());

  it('opens a shift, closes it once, and answers a stale close and a reopening with the hub’s version', async () => {
    const open = shiftDoc();
    expect((await push('shifts', open)).json()).toEqual([]);
    // The same opening again, as if its answer was lost: the hub has it, and says so.
    expect((await push('shifts', open)).json()).toEqual([{ ...open, _deleted: false }]);

    const done = closed(open);
    expect((await push('shifts', done, open)).json()).toEqual([]);
    expect((await storedShift(open.id))?.status).toBe('closed');

    // Another register's view of the open shift is stale now: its close comes back as a conflict.
    const staleClose = { ...closed(open), countedCash: 9_000 };
    expect((await push('shifts', staleClose, open)).json()).toEqual([{ ...done, _deleted: false }]);
    // A closed shift never reopens, even pushed on its current version.
    const reopened = { ...done, status: 'open' as const, updatedAt: tick() };
    expect((await push('shifts', reopened, done)).json()).toEqual([{ ...done, _deleted: false }]);
    expect(await storedShift(open.id)).toEqual(done);
  });

  it('refuses a shift in another currency than the store’s, naming it', async () => {
    const shift = { ...shiftDoc(), currency: 'EUR' };
    const res = await push('shifts', shift);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain('1 shifts document(s)');
    expect(res.json().error.documents).toEqual([
      { id: shift.id, code: 'currency_mismatch', message: 'is in EUR, but store-1 trades in USD' },
    ]);
    expect(await storedShift(shift.id)).toBeUndefined();
  });

  it('names the collection when a shift breaks the contract', async () => {
    const res = await push('shifts', { ...shiftDoc(), openingFloat: -1 });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain('1 shifts document(s)');
  });

  it('tells the store’s other registers at once of a customer signed up, then edited, at the counter', async () => {
    const other = await otherRegisterStream(hub, 'DEMO-S1-R2');
    try {
      const signUp = customerDoc();
      expect((await push('customers', signUp)).json()).toEqual([]);
      await other.waitFor((d) => d.includes('"collection":"customers"') && d.includes(signUp.id));

      const edited = { ...signUp, name: 'Pat Counter-Smith', updatedAt: tick() };
      expect((await push('customers', edited, signUp)).json()).toEqual([]);
      await other.waitFor((d) => d.includes('"collection":"customers"') && d.includes('Pat Counter-Smith'));
    } finally {
      other.close();
    }
  });

  it('answers a customer edit made on a stale version with the hub’s version, and keeps it', async () => {
    const signUp = customerDoc();
    expect((await push('customers', signUp)).json()).toEqual([]);
    const first = { ...signUp, name: 'First Edit', updatedAt: tick() };
    expect((await push('customers', first, signUp)).json()).toEqual([]);
    const second = { ...signUp, name: 'Second Edit', updatedAt: tick() };
    const conflicts = (await push('customers', second, signUp)).json();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ id: signUp.id, name: 'First Edit', updatedAt: first.updatedAt });
    const [row] = await hub.db.query<{ name: string }>('SELECT name FROM customers WHERE id = $1', [
      signUp.id,
    ]);
    expect(row?.name).toBe('First Edit');
  });

  it('refuses an edit of a customer another store holds, recording both sides without contact details', async () => {
    const theirs = customerDoc();
    const s2 = (await hub.enroll('DEMO-S2-R1')).token;
    const signUp = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/customers/push',
      headers: auth(s2),
      payload: [{ newDocumentState: theirs, assumedMasterState: null }],
    });
    expect(signUp.json()).toEqual([]);
    const edit = { ...theirs, name: 'Not Yours', updatedAt: tick() };
    const res = await push('customers', edit, theirs);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.documents).toEqual([
      {
        id: theirs.id,
        code: 'forbidden_store',
        message: `customers ${theirs.id} is not this store's; this register cannot write it`,
      },
    ]);
    const exceptions = await hub.app.inject({
      url: '/api/v1/exceptions?kind=id_collision&status=all&limit=1000',
      headers: auth('demo-admin-key'),
    });
    const recorded = (
      exceptions.json() as { exceptions: { details: Record<string, unknown> }[] }
    ).exceptions.filter((e) => e.details.id === theirs.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.details).toEqual(
      expect.objectContaining({
        collection: 'customers',
        existing: { homeStoreId: 'store-2', updatedAt: theirs.updatedAt },
        pushed: { homeStoreId: 'store-1', updatedAt: edit.updatedAt },
      }),
    );
    expect(JSON.stringify(recorded[0])).not.toContain(theirs.email);
  });
});
