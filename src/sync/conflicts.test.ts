import { describe, expect, it } from 'vitest';
import type { Customer } from '@till/shared/schemas/customer';
import type { Shift } from '@till/shared/schemas/shift';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { aShift } from '../../test/support/domain-fixtures';
import {
  customerConflictHandler,
  masterWins,
  orderConflictHandler,
  sameDocument,
  shiftConflictHandler,
} from './conflicts';

const order = (status: WebOrder['status'], updatedAt = '2026-11-27T10:00:00.000Z') =>
  ({
    id: 'o1',
    number: 'W-1',
    status,
    fulfilment: { type: 'pickup', storeId: 'store-1' },
    customerId: null,
    customer: { email: 'a@example.com', name: 'A', phone: null },
    currency: 'USD',
    lines: [
      {
        lineId: '1',
        sku: 'A',
        name: 'A',
        qty: 1,
        unitPrice: 100,
        discount: 0,
        net: 100,
        tax: 0,
        gross: 100,
        taxCode: 'zero',
      },
    ],
    totals: { net: 100, tax: 0, gross: 100, discount: 0 },
    payment: { method: 'card', amount: 100, reference: 'ch_1' },
    createdAt: '2026-11-27T09:00:00.000Z',
    updatedAt,
    _deleted: false,
  }) as WebOrder & { _deleted: boolean };

describe('conflict handlers', () => {
  it('compares documents ignoring key order and RxDB bookkeeping', () => {
    expect(sameDocument({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1, _rev: '1-x' })).toBe(true);
    expect(sameDocument({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('master wins for hub-owned and insert-only documents', async () => {
    const h = masterWins<{ id: string; v: number; _deleted: boolean }>();
    const master = { id: '1', v: 2, _deleted: false };
    expect(
      await h.resolve({ realMasterState: master, newDocumentState: { id: '1', v: 1, _deleted: false } }, 't'),
    ).toBe(master);
  });

  it('web orders: re-applies a move that is still legal from the hub’s state', async () => {
    // The hub marked it ready while the register, thinking it placed, also marked it ready: same wish.
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: order('ready'),
        newDocumentState: order('collected', '2026-11-27T11:00:00.000Z'),
        assumedMasterState: order('placed'),
      },
      't',
    );
    expect(resolved.status).toBe('collected');
    expect(resolved.updatedAt).toBe('2026-11-27T11:00:00.000Z');
  });

  it('web orders: an order cancelled online stays cancelled when the counter tries to hand it over', async () => {
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: order('cancelled'),
        newDocumentState: order('collected'),
        assumedMasterState: order('ready'),
      },
      't',
    );
    expect(resolved.status).toBe('cancelled');
  });

  it('web orders: a partial hand-over the hub does not know yet is asked for again on top of the hub’s', async () => {
    const theirs = { id: 'pk-a', at: '2026-11-27T10:30:00.000Z', lines: [{ lineId: '1', qty: 1 }] };
    const mine = { id: 'pk-b', at: '2026-11-27T11:00:00.000Z', lines: [{ lineId: '1', qty: 1 }] };
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: { ...order('ready'), pickups: [theirs] },
        newDocumentState: { ...order('ready', '2026-11-27T11:00:00.000Z'), pickups: [mine] },
        assumedMasterState: order('ready'),
      },
      't',
    );
    expect(resolved.pickups).toEqual([theirs, mine]);
    expect(resolved.updatedAt).toBe('2026-11-27T11:00:00.000Z');
    // Once the hub has closed the order, the hand-over is not asked for again (the hub records it).
    const closed = await orderConflictHandler.resolve(
      {
        realMasterState: order('expired'),
        newDocumentState: { ...order('ready'), pickups: [mine] },
        assumedMasterState: order('ready'),
      },
      't',
    );
    expect(closed).toEqual(order('expired'));
  });

  it('customers: consent by its own time, contact by updatedAt, points from the hub', async () => {
    const base: Customer & { _deleted: boolean } = {
      id: 'c1',
      email: 'old@example.com',
      name: 'Ana',
      phone: null,
      consent: { personalization: true, marketing: true, updatedAt: '2026-11-01T00:00:00.000Z' },
      loyaltyPoints: 100,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      _deleted: false,
    };
    const master = {
      ...base,
      loyaltyPoints: 250,
      email: 'web@example.com',
      updatedAt: '2026-11-20T00:00:00.000Z',
    };
    const mine = {
      ...base,
      phone: '+1 555 0100',
      consent: { personalization: false, marketing: false, updatedAt: '2026-11-27T00:00:00.000Z' },
      updatedAt: '2026-11-10T00:00:00.000Z',
    };
    const r = await customerConflictHandler.resolve({ realMasterState: master, newDocumentState: mine }, 't');
    expect(r.email).toBe('web@example.com');
    expect(r.phone).toBeNull();
    expect(r.consent.personalization).toBe(false);
    expect(r.loyaltyPoints).toBe(250);
  });

  it('shifts: a closed shift stays closed; the register’s close wins over an open master', async () => {
    const open: Shift & { _deleted: boolean } = { ...aShift({ status: 'open' }), _deleted: false };
    const closed = {
      ...open,
      status: 'closed' as const,
      closedAt: '2026-11-27T17:00:00.000Z',
      countedCash: 12_000,
    };
    expect(
      (await shiftConflictHandler.resolve({ realMasterState: open, newDocumentState: closed }, 't')).status,
    ).toBe('closed');
    expect(
      (await shiftConflictHandler.resolve({ realMasterState: closed, newDocumentState: open }, 't')).status,
    ).toBe('closed');
  });
});
