/**
 * Conflict handlers, one per document type (docs/architecture.md, Data rules: never blind last-write-wins).
 * RxDB calls `resolve` when the hub answers a push with its own, different master state; the result is
 * written locally and, if it differs from the master, pushed again.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import type { Customer } from '@till/shared/schemas/customer';
import type { Shift } from '@till/shared/schemas/shift';
import { type OrderStatus, type WebOrder, canTransition } from '@till/shared/schemas/web-order';

/** Plain JSON equality, ignoring RxDB's bookkeeping fields (`_rev`, `_meta`, `_attachments`). */
export function sameDocument(a: object, b: object): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === '_rev' || key === '_meta' || key === '_attachments') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      // Keys in one order (the default sort: by UTF-16 code units), whatever order each side wrote them in.
      const record = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((k) => [k, record[k]]),
      );
    }
    return v;
  });
}

/** The hub is the only writer (products, stock, staff, settings) or documents are insert-only (sales, audit). */
export function masterWins<T>(): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameDocument(a, b),
    resolve: async (i) => i.realMasterState,
  };
}

/**
 * Web orders move through the hub's state machine. If the register's wanted status is still a legal move
 * from the hub's status, the register asks again from the hub's state; otherwise the hub's state stands
 * (e.g. the order was cancelled online while the clerk was handing it over: the hub records that as an
 * exception for a manager). Hand-overs the hub does not know yet are asked for again on top of the hub's
 * while the order can still be collected.
 */
export const orderConflictHandler: RxConflictHandler<WebOrder> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ realMasterState, newDocumentState }) => {
    const wanted: OrderStatus = newDocumentState.status;
    const known = new Set((realMasterState.pickups ?? []).map((p) => p.id));
    const mine = (newDocumentState.pickups ?? []).filter((p) => !known.has(p.id));
    if (mine.length > 0 && ['placed', 'picking', 'ready'].includes(realMasterState.status)) {
      return {
        ...realMasterState,
        status: wanted,
        pickups: [...(realMasterState.pickups ?? []), ...mine],
        updatedAt: newDocumentState.updatedAt,
      };
    }
    if (wanted !== realMasterState.status && canTransition(realMasterState.status, wanted)) {
      return { ...realMasterState, status: wanted, updatedAt: newDocumentState.updatedAt };
    }
    return realMasterState;
  },
};

/**
 * Customers merge field by field: consent by its own timestamp (a "no" given at the counter must not be
 * overwritten by an older "yes" from the web), contact details by `updatedAt`, loyalty points always from the
 * hub (they are derived from its ledger).
 */
export const customerConflictHandler: RxConflictHandler<Customer> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ realMasterState: master, newDocumentState: mine }) => {
    const contactFromMine = mine.updatedAt > master.updatedAt;
    const merged: WithDeleted<Customer> = {
      ...master,
      email: contactFromMine ? mine.email : master.email,
      name: contactFromMine ? mine.name : master.name,
      phone: contactFromMine ? mine.phone : master.phone,
      consent: mine.consent.updatedAt > master.consent.updatedAt ? mine.consent : master.consent,
      loyaltyPoints: master.loyaltyPoints,
      updatedAt: contactFromMine ? mine.updatedAt : master.updatedAt,
    };
    return merged;
  },
};

/** A closed shift stays closed; the register's close (with its count) wins over an open master. */
export const shiftConflictHandler: RxConflictHandler<Shift> = {
  isEqual: (a, b) => sameDocument(a, b),
  resolve: async ({ realMasterState: master, newDocumentState: mine }) => {
    if (master.status === 'closed') return master;
    return mine.status === 'closed' ? { ...master, ...mine } : master;
  },
};
