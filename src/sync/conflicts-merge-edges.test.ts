/**
 * The customer and shift merges at their edges: which side's contact details and consent win when the
 * register's copy is newer, older or equally old, and which close wins when both sides closed a shift.
 */
import { describe, expect, it } from 'vitest';
import type { Customer } from '@till/shared/schemas/customer';
import type { Shift } from '@till/shared/schemas/shift';
import { aShift } from '../../test/support/domain-fixtures';
import { customerConflictHandler, shiftConflictHandler } from './conflicts';

type Doc<T> = T & { _deleted: boolean };

const customer = (over: Partial<Customer>): Doc<Customer> => ({
  id: 'c1',
  email: 'hub@example.com',
  name: 'Ana Hub',
  phone: null,
  consent: { personalization: true, marketing: true, updatedAt: '2026-11-10T00:00:00.000Z' },
  loyaltyPoints: 300,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-11-10T00:00:00.000Z',
  _deleted: false,
  ...over,
});
const counter = customer({
  email: 'counter@example.com',
  name: 'Ana Counter',
  phone: '+1 555 0100',
  consent: { personalization: false, marketing: false, updatedAt: '2026-11-10T00:00:00.000Z' },
  loyaltyPoints: 5,
});
const resolveCustomer = (master: Doc<Customer>, mine: Doc<Customer>) =>
  customerConflictHandler.resolve({ realMasterState: master, newDocumentState: mine }, 'test');

describe('customer merge', () => {
  it('takes the counter’s contact details, with its time, when the counter edited them last', async () => {
    const r = await resolveCustomer(customer({}), { ...counter, updatedAt: '2026-11-20T00:00:00.000Z' });
    expect(r).toMatchObject({
      email: 'counter@example.com',
      name: 'Ana Counter',
      phone: '+1 555 0100',
      updatedAt: '2026-11-20T00:00:00.000Z',
      loyaltyPoints: 300,
    });
  });

  it('keeps the hub’s contact details when both were edited at the same moment', async () => {
    const r = await resolveCustomer(customer({}), counter);
    expect(r).toMatchObject({ email: 'hub@example.com', name: 'Ana Hub', phone: null });
  });

  it('keeps the hub’s newer consent over an older answer given at the counter', async () => {
    const master = customer({
      consent: { personalization: false, marketing: true, updatedAt: '2026-11-25T00:00:00.000Z' },
    });
    const mine = {
      ...counter,
      consent: { personalization: true, marketing: false, updatedAt: '2026-11-24T00:00:00.000Z' },
    };
    expect((await resolveCustomer(master, mine)).consent).toEqual(master.consent);
  });

  it('keeps the hub’s consent when both answers carry the same time', async () => {
    const r = await resolveCustomer(customer({}), counter);
    expect(r.consent).toEqual(customer({}).consent);
  });
});

const shift = (over: Partial<Shift>): Doc<Shift> => ({ ...aShift(over), _deleted: false });
const resolveShift = (master: Doc<Shift>, mine: Doc<Shift>) =>
  shiftConflictHandler.resolve({ realMasterState: master, newDocumentState: mine }, 'test');

describe('shift merge', () => {
  it('keeps the hub’s close and count when both sides closed the shift', async () => {
    const master = shift({ status: 'closed', closedAt: '2026-11-27T17:00:00.000Z', countedCash: 12_000 });
    const mine = shift({ status: 'closed', closedAt: '2026-11-27T17:05:00.000Z', countedCash: 11_500 });
    expect(await resolveShift(master, mine)).toEqual(master);
  });

  it('takes the register’s close, with its count, over an open shift on the hub', async () => {
    const mine = shift({ status: 'closed', closedAt: '2026-11-27T17:05:00.000Z', countedCash: 11_500 });
    expect(await resolveShift(shift({ status: 'open' }), mine)).toEqual(mine);
  });

  it('keeps the hub’s copy when neither side closed it', async () => {
    const master = shift({ openingFloat: 10_000, updatedAt: '2026-11-27T09:00:00.000Z' });
    const mine = shift({ openingFloat: 20_000, updatedAt: '2026-11-27T08:30:00.000Z' });
    expect(await resolveShift(master, mine)).toEqual(master);
  });
});
