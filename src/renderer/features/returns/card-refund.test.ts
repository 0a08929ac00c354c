import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { cardRefundSteps, hasUnreferencedCard } from './card-refund';
import { tenderWords } from './words';

const doc = (tenders: SaleDocument['tenders']) => ({ tenders }) as SaleDocument;

describe('card refunds of a return', () => {
  it('refunds each card tender against its original charge, under its own request id', () => {
    const steps = cardRefundSteps(
      doc([
        { method: 'card', amount: -500, reference: 'SIM-a' },
        { method: 'cash', amount: -200 },
        { method: 'card', amount: -300, reference: 'SIM-b' },
      ]),
      (i) => `id-${i}`,
    );
    expect(steps).toEqual([
      { requestId: 'id-0', amount: 500, originalReference: 'SIM-a' },
      { requestId: 'id-1', amount: 300, originalReference: 'SIM-b' },
    ]);
  });

  it('tells a card refund with no charge to refund against', () => {
    expect(hasUnreferencedCard(doc([{ method: 'card', amount: -500 }]))).toBe(true);
    expect(hasUnreferencedCard(doc([{ method: 'cash', amount: -500 }]))).toBe(false);
  });

  it('names tenders as a clerk says them', () => {
    expect(tenderWords([{ method: 'card' }, { method: 'cash' }, { method: 'card' }])).toBe('Card + Cash');
  });
});
