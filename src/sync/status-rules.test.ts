/**
 * The sync status's rules, one by one: the words for each kind of hub failure (by status, not by the
 * hub's own code), where a hub error is found inside RxDB's wrappers, which outcomes move the connection
 * and which leave it, and problems kept per collection.
 */
import { describe, expect, it } from 'vitest';
import { HubError } from './hub-client';
import { createSyncStatus, describeHubError, hubErrorOf } from './status';

const OFFLINE =
  'The hub cannot be reached. Keep selling: sales are saved here and sent when the connection is back.';
const SLOW = 'The hub is slow to answer. Selling goes on; sales are sent when it answers.';
const FORBIDDEN = 'The hub refused this register for this store. Ask a manager to check it.';
const HUB_ERROR = 'The hub had a problem. Retrying by itself; keep selling.';

describe('what a hub failure means for the clerk', () => {
  it('no answer at all: offline, or slow when the time limit ran out', () => {
    expect(describeHubError(new HubError(0, 'unreachable', 'ECONNREFUSED'))).toEqual({
      code: 'offline',
      message: OFFLINE,
    });
    expect(describeHubError(new HubError(0, 'timeout', 'no answer in 10 s'))).toEqual({
      code: 'slow',
      message: SLOW,
    });
  });

  it('a gateway that timed out is the hub having a problem, not this register being slow', () => {
    expect(describeHubError(new HubError(504, 'timeout', 'gateway timeout'))).toEqual({
      code: 'hub_error',
      message: HUB_ERROR,
    });
  });

  it('a 403 is this register refused for the store, whatever code the hub gave', () => {
    expect(describeHubError(new HubError(403, 'forbidden_store', 'store-2 is not yours'))).toEqual({
      code: 'forbidden',
      message: FORBIDDEN,
    });
  });

  it('from 500 up it is the hub’s problem; below, the hub’s own words are passed on', () => {
    expect(describeHubError(new HubError(500, 'internal', 'boom'))).toEqual({
      code: 'hub_error',
      message: HUB_ERROR,
    });
    expect(describeHubError(new HubError(499, 'client_closed', 'Closed early'))).toEqual({
      code: 'client_closed',
      message: 'Closed early',
    });
  });

  it('finds the hub error as RxDB wraps it: in its errors, after others, or as the cause', () => {
    const hub = new HubError(401, 'unauthorized', 'bad token');
    expect(hubErrorOf({ parameters: { errors: [new Error('other'), hub] } })).toBe(hub);
    expect(hubErrorOf({ cause: hub })).toBe(hub);
    expect(hubErrorOf({ parameters: {} })).toBeNull();
    expect(hubErrorOf(null)).toBeNull();
  });
});

describe('the connection', () => {
  it('a hub that answered with an error is still reachable: online stays online', () => {
    const s = createSyncStatus();
    s.exchange({ ok: true });
    s.exchange({ ok: false, error: new HubError(500, 'internal', 'boom') });
    expect(s.current().connection).toBe('online');
  });

  it('an open stream means online, even after a failed request', () => {
    const s = createSyncStatus();
    s.exchange({ ok: false, error: new HubError(0, 'unreachable', 'down') });
    s.stream('open');
    expect(s.current().connection).toBe('online');
  });

  it('a stream reconnecting while offline stays offline, and connecting or closed changes nothing', () => {
    const s = createSyncStatus();
    s.exchange({ ok: false, error: new HubError(0, 'unreachable', 'down') });
    s.stream('reconnecting');
    expect(s.current().connection).toBe('offline');
    s.exchange({ ok: true });
    s.stream('connecting');
    s.stream('closed');
    expect(s.current().connection).toBe('online');
  });
});

describe('problems and counts', () => {
  it('keeps each collection’s problem apart: one recovering leaves the other’s', () => {
    const s = createSyncStatus();
    s.collection('sales', new HubError(0, 'unreachable', 'down'));
    s.collection('orders', new Error('disk'));
    expect(s.current().problems).toEqual([
      { collection: 'sales', code: 'offline', message: OFFLINE },
      {
        collection: 'orders',
        code: 'local_error',
        message: 'Something went wrong on this register; it will retry.',
      },
    ]);
    s.collection('sales', null);
    expect(s.current().problems.map((p) => p.collection)).toEqual(['orders']);
  });

  it('publishes the quarantined count and the sales waiting as they change', () => {
    const s = createSyncStatus();
    const seen: number[] = [];
    s.status$.subscribe((st) => seen.push(st.quarantined));
    s.quarantined(2);
    s.pending({ count: 3, oldest: '2026-11-27T09:00:00.000Z' });
    expect(s.current()).toMatchObject({
      quarantined: 2,
      pending: { count: 3, oldest: '2026-11-27T09:00:00.000Z' },
    });
    expect(seen).toEqual([0, 2, 2]);
  });
});
