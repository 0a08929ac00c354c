import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleTenders, splitRefund } from './tenders';

describe('settleTenders', () => {
  it('gives change from cash', () => {
    expect(settleTenders(4210, [{ method: 'cash', amount: 5000 }])).toEqual({
      ok: true,
      value: [{ method: 'cash', amount: 5000, change: 790 }],
    });
  });

  it('splits across card and cash', () => {
    const r = settleTenders(4210, [
      { method: 'card', amount: 2000, reference: 'ch_1' },
      { method: 'cash', amount: 3000 },
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { method: 'card', amount: 2000, reference: 'ch_1' },
        { method: 'cash', amount: 3000, change: 790 },
      ],
    });
  });

  it('refuses underpayment, change from a card, and bad amounts', () => {
    const code = (r: ReturnType<typeof settleTenders>) => (r.ok ? 'ok' : r.error.code);
    expect(code(settleTenders(100, [{ method: 'cash', amount: 99 }]))).toBe('underpaid');
    expect(code(settleTenders(100, [{ method: 'card', amount: 150 }]))).toBe('overpaid_non_cash');
    expect(
      code(
        settleTenders(100, [
          { method: 'cash', amount: 10 },
          { method: 'card', amount: 150 },
        ]),
      ),
    ).toBe('overpaid_non_cash');
    expect(code(settleTenders(100, [{ method: 'cash', amount: 100.5 }]))).toBe('tender_invalid');
    expect(code(settleTenders(100, [{ method: 'cash', amount: 0 }]))).toBe('tender_invalid');
    expect(code(settleTenders(-1, []))).toBe('negative_total');
  });

  it('always satisfies Σ amount − Σ change = gross when it accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(
          fc.record({
            method: fc.constantFrom('cash' as const, 'card' as const, 'gift_card' as const),
            amount: fc.integer({ min: 1, max: 600_000 }),
          }),
          { maxLength: 4 },
        ),
        (gross, tenders) => {
          const r = settleTenders(gross, tenders);
          if (!r.ok) return;
          expect(r.value.reduce((s, t) => s + t.amount - (t.change ?? 0), 0)).toBe(gross);
          for (const t of r.value) if (t.method !== 'cash') expect(t.change).toBeUndefined();
        },
      ),
    );
  });
});

describe('splitRefund', () => {
  const paid = [
    { method: 'cash' as const, amount: 3000, change: 790 },
    { method: 'card' as const, amount: 2000, reference: 'ch_1' },
  ];

  it('refunds the card first, with its reference, then cash', () => {
    expect(splitRefund(2500, paid)).toEqual({
      ok: true,
      value: {
        perOriginal: [500, 2000],
        tenders: [
          { method: 'cash', amount: -500 },
          { method: 'card', amount: -2000, reference: 'ch_1' },
        ],
      },
    });
  });

  it('accounts for earlier refunds and refuses more than is left', () => {
    expect(splitRefund(2210, paid, [0, 2000])).toMatchObject({ ok: true, value: { perOriginal: [2210, 0] } });
    expect(splitRefund(2211, paid, [0, 2000])).toMatchObject({
      ok: false,
      error: { code: 'refund_exceeds_paid' },
    });
    expect(splitRefund(-1, paid)).toMatchObject({ ok: false, error: { code: 'refund_invalid' } });
  });
});
