/** When a pickup order counts as fully collected: every unit of every line handed over, not just some. */
import { describe, expect, it } from 'vitest';
import { type WebOrder, fullyCollected } from './web-order';

const orderLine = (lineId: string, qty: number): WebOrder['lines'][number] => ({
  lineId,
  sku: `SKU-${lineId}`,
  name: 'Item',
  qty,
  unitPrice: 100,
  discount: 0,
  net: 100 * qty,
  tax: 0,
  gross: 100 * qty,
  taxCode: 'std',
});

const pickup = (id: string, lines: { lineId: string; qty: number }[]) => ({
  id,
  at: '2026-11-27T10:00:00.000Z',
  lines,
});

const lines = [orderLine('1', 2), orderLine('2', 1)];

describe('fullyCollected', () => {
  it('is false before any pickup', () => {
    expect(fullyCollected({ lines })).toBe(false);
  });

  it('is false while one line still has units left', () => {
    expect(
      fullyCollected({
        lines,
        pickups: [
          pickup('p1', [
            { lineId: '2', qty: 1 },
            { lineId: '1', qty: 1 },
          ]),
        ],
      }),
    ).toBe(false);
  });

  it('is true once every unit is handed over, across several pickups', () => {
    const pickups = [
      pickup('p1', [{ lineId: '1', qty: 1 }]),
      pickup('p2', [
        { lineId: '1', qty: 1 },
        { lineId: '2', qty: 1 },
      ]),
    ];
    expect(fullyCollected({ lines, pickups })).toBe(true);
  });
});
