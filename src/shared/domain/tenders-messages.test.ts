/**
 * Pins what the clerk is told when tenders are refused, that a settled or refunded tender carries a
 * reference or a points count only when it was given one, and that non-cash tenders are refunded in
 * their original order.
 */
import { describe, expect, it } from 'vitest';
import type { Tender } from '../schemas/sale';
import { settleTenders, splitRefund } from './tenders';

describe('settleTenders refusals', () => {
  it('explains each refusal', () => {
    expect(settleTenders(-1, [])).toEqual({
      ok: false,
      error: { code: 'negative_total', message: 'use a refund for a negative total' },
    });
    expect(settleTenders(100, [{ method: 'card', amount: -5 }])).toEqual({
      ok: false,
      error: { code: 'tender_invalid', message: 'each tender is a positive integer of minor units' },
    });
    expect(settleTenders(100, [{ method: 'cash', amount: 99 }])).toEqual({
      ok: false,
      error: { code: 'underpaid', message: 'tendered 99 of 100' },
    });
  });

  it('refuses card overpayment even when some cash was tendered too, because only cash gives change', () => {
    const r = settleTenders(100, [
      { method: 'cash', amount: 10 },
      { method: 'card', amount: 150 },
    ]);
    expect(r).toEqual({
      ok: false,
      error: { code: 'overpaid_non_cash', message: 'only cash can be given back as change' },
    });
  });

  it('accepts non-cash tenders that together pay exactly the total', () => {
    expect(
      settleTenders(500, [
        { method: 'card', amount: 300 },
        { method: 'gift_card', amount: 200 },
      ]),
    ).toStrictEqual({
      ok: true,
      value: [
        { method: 'card', amount: 300 },
        { method: 'gift_card', amount: 200 },
      ],
    });
  });
});

describe('settleTenders optional fields', () => {
  it('keeps a points count and a reference only when the tender has one', () => {
    const r = settleTenders(1_000, [
      { method: 'points', amount: 300, points: 60 },
      { method: 'card', amount: 500, reference: '' },
      { method: 'gift_card', amount: 200, reference: 'gc_7' },
    ]);
    // toStrictEqual: a key set to undefined would be a different document once stored.
    expect(r).toStrictEqual({
      ok: true,
      value: [
        { method: 'points', amount: 300, points: 60 },
        { method: 'card', amount: 500 },
        { method: 'gift_card', amount: 200, reference: 'gc_7' },
      ],
    });
  });

  it('keeps a points count of zero, which is a count and not a missing one', () => {
    const r = settleTenders(0, [{ method: 'cash', amount: 100, points: 0 }]);
    expect(r).toStrictEqual({ ok: true, value: [{ method: 'cash', amount: 100, points: 0, change: 100 }] });
  });
});

describe('splitRefund', () => {
  it('explains a refusal', () => {
    const paid: Tender[] = [{ method: 'card', amount: 2_000, reference: 'ch_1' }];
    expect(splitRefund(-1, paid)).toEqual({
      ok: false,
      error: { code: 'refund_invalid', message: 'a refund is a positive amount' },
    });
    expect(splitRefund(2_001, paid, [500])).toEqual({
      ok: false,
      error: { code: 'refund_exceeds_paid', message: 'refund 2001 exceeds the 1500 left to refund' },
    });
  });

  it('refunds non-cash tenders in the order they paid, then cash, with no reference key when none was given', () => {
    const paid: Tender[] = [
      { method: 'cash', amount: 1_000, change: 0 },
      { method: 'card', amount: 400, reference: 'ch_1' },
      { method: 'gift_card', amount: 300 },
      { method: 'card', amount: 200, reference: 'ch_2' },
    ];
    expect(splitRefund(800, paid)).toStrictEqual({
      ok: true,
      value: {
        perOriginal: [0, 400, 300, 100],
        tenders: [
          { method: 'card', amount: -400, reference: 'ch_1' },
          { method: 'gift_card', amount: -300 },
          { method: 'card', amount: -100, reference: 'ch_2' },
        ],
      },
    });
  });
});
