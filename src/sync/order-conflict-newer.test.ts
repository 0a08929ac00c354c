/**
 * Web orders are never resolved last-write-wins: a register's copy that is NEWER than the hub's (a later
 * `updatedAt`) still cannot bring back an order the hub has closed. The hub's state stands, unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { orderConflictHandler } from './conflicts';

const HUB_TIME = '2026-11-27T10:00:00.000Z';
/** Later than the hub's copy: a last-write-wins rule would pick the register's. */
const COUNTER_TIME = '2026-11-27T12:30:00.000Z';

const order = (status: WebOrder['status'], updatedAt: string): WebOrder & { _deleted: boolean } => ({
  id: 'o-newer',
  number: 'W-7',
  status,
  fulfilment: { type: 'pickup', storeId: 'store-1' },
  customerId: null,
  customer: { email: 'b@example.com', name: 'B', phone: null },
  currency: 'USD',
  lines: [
    {
      lineId: '1',
      sku: 'A',
      name: 'A',
      qty: 2,
      unitPrice: 100,
      discount: 0,
      net: 200,
      tax: 0,
      gross: 200,
      taxCode: 'zero',
    },
  ],
  totals: { net: 200, tax: 0, gross: 200, discount: 0 },
  payment: { method: 'card', amount: 200, reference: 'ch_7' },
  createdAt: '2026-11-27T09:00:00.000Z',
  updatedAt,
  _deleted: false,
});

describe('web order conflicts with a newer register copy', () => {
  it('a later "collected" from the counter does not revive an order cancelled online', async () => {
    const hub = order('cancelled', HUB_TIME);
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: hub,
        newDocumentState: order('collected', COUNTER_TIME),
        assumedMasterState: order('ready', '2026-11-27T09:30:00.000Z'),
      },
      't',
    );
    expect(resolved).toEqual(hub);
  });

  it('nor does a later hand-over with a pickup the hub does not know', async () => {
    const hub = order('cancelled', HUB_TIME);
    const pickup = { id: 'pk-late', at: COUNTER_TIME, lines: [{ lineId: '1', qty: 2 }] };
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: hub,
        newDocumentState: { ...order('collected', COUNTER_TIME), pickups: [pickup] },
        assumedMasterState: order('ready', '2026-11-27T09:30:00.000Z'),
      },
      't',
    );
    expect(resolved).toEqual(hub);
    expect(resolved.pickups ?? []).toEqual([]);
  });

  it('a later copy that is a legal move from the hub’s state is asked for again from the hub’s state', async () => {
    // The control: the newer copy wins where the state machine allows it, so the cases above fail only
    // because the move is illegal, not because newer copies are ignored altogether.
    const resolved = await orderConflictHandler.resolve(
      {
        realMasterState: order('ready', HUB_TIME),
        newDocumentState: order('collected', COUNTER_TIME),
        assumedMasterState: order('placed', '2026-11-27T09:30:00.000Z'),
      },
      't',
    );
    expect(resolved).toEqual({ ...order('ready', HUB_TIME), status: 'collected', updatedAt: COUNTER_TIME });
  });
});
