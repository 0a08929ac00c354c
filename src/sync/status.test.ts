import { describe, expect, it } from 'vitest';
import { HubError } from './hub-client';
import { createSyncStatus, describeHubError, hubErrorOf } from './status';

describe('sync status', () => {
  it('goes offline on a network failure and online with the time of the next success', () => {
    const s = createSyncStatus(() => new Date('2026-11-27T10:00:00.000Z'));
    s.exchange({ ok: false, error: new HubError(0, 'unreachable', 'down') });
    expect(s.current().connection).toBe('offline');
    expect(s.current().lastExchangeAt).toBeNull();
    s.exchange({ ok: true });
    expect(s.current()).toMatchObject({ connection: 'online', lastExchangeAt: '2026-11-27T10:00:00.000Z' });
    s.stream('reconnecting');
    expect(s.current().connection).toBe('reconnecting');
  });

  it('keeps one problem per collection in words a clerk understands, cleared on recovery', () => {
    const s = createSyncStatus();
    s.collection('sales', { parameters: { errors: [new HubError(401, 'unauthorized', 'bad token')] } });
    expect(s.current().problems).toEqual([
      {
        collection: 'sales',
        code: 'enrollment',
        message: 'This register is no longer enrolled. Ask a manager to enroll it again.',
      },
    ]);
    s.collection('sales', new Error('disk'));
    expect(s.current().problems).toHaveLength(1);
    expect(s.current().problems[0]?.code).toBe('local_error');
    s.collection('sales', null);
    expect(s.current().problems).toEqual([]);
  });

  it('describes each kind of hub failure', () => {
    expect(describeHubError(new HubError(0, 'timeout', 'x')).code).toBe('slow');
    expect(describeHubError(new HubError(403, 'forbidden', 'x')).code).toBe('forbidden');
    expect(describeHubError(new HubError(503, 'x', 'x')).code).toBe('hub_error');
    expect(describeHubError(new HubError(409, 'conflict', 'Order moved')).message).toBe('Order moved');
    expect(hubErrorOf(new Error('plain'))).toBeNull();
  });
});
