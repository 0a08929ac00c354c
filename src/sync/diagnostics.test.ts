import { describe, expect, it } from 'vitest';
import { buildDiagnostics } from './diagnostics';

describe('diagnostics export', () => {
  it('includes quarantined documents and never the token', () => {
    const token = 'tok_0123456789abcdef0123456789abcdef';
    const report = buildDiagnostics({
      enrollment: {
        hubUrl: 'http://hub.local:4000',
        registerId: 'reg-1',
        storeId: 'store-1',
        token,
        name: 'Till 1',
        enrolledAt: '2026-11-27T09:00:00.000Z',
      },
      status: {
        connection: 'online',
        pending: { count: 0, oldest: null },
        lastExchangeAt: null,
        problems: [],
        quarantined: 1,
      },
      quarantine: [
        {
          collection: 'sales',
          id: 'x',
          code: 'qty_zero',
          message: 'line 1 has quantity 0',
          at: '2026-11-27T10:00:00.000Z',
          document: { id: 'x' },
        },
      ],
      counts: { sales: 12 },
      now: new Date('2026-11-27T11:00:00.000Z'),
    });
    expect(JSON.stringify(report)).not.toContain(token.slice(0, 20));
    expect(report.quarantine[0]?.code).toBe('qty_zero');
    expect(report.enrollment?.registerId).toBe('reg-1');
  });
});
