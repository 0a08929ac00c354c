/**
 * Netting stock movements before they reach the ledger: one movement per (store, SKU) with the summed
 * changes, in the order each pair first appeared, without the pairs that cancel out, and without touching
 * the movements given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Movement } from '../repositories/stock';
import { netDeltas } from './stock';

const move = (storeId: string, sku: string, onHandDelta: number, reservedDelta = 0): Movement => ({
  storeId,
  sku,
  onHandDelta,
  reservedDelta,
  reason: 'sale',
});

describe('netting stock movements', () => {
  it('sums the changes of each store and SKU, keeping the first movement of each pair otherwise', () => {
    const first = { ...move('store-1', 'MUG', -2, 1), saleId: 's-1', lineId: '1' };
    expect(netDeltas([first, move('store-1', 'MUG', -3, 2), move('store-1', 'CUP', -1)])).toEqual([
      { ...first, onHandDelta: -5, reservedDelta: 3 },
      move('store-1', 'CUP', -1),
    ]);
  });

  it('keeps one store’s SKU apart from the same SKU at another store, and SKUs apart from each other', () => {
    expect(
      netDeltas([move('store-1', 'MUG', -1), move('store-2', 'MUG', -4), move('store-1', 'MUGS', -2)]),
    ).toEqual([move('store-1', 'MUG', -1), move('store-2', 'MUG', -4), move('store-1', 'MUGS', -2)]);
  });

  it('does not mistake a store and SKU that run together for another pair', () => {
    // "store-1" + "2MUG" and "store-12" + "MUG" read alike when glued; they are different levels.
    expect(netDeltas([move('store-1', '2MUG', -1), move('store-12', 'MUG', -1)])).toHaveLength(2);
  });

  it('drops a pair whose changes cancel out, but keeps one where only the reservation moved', () => {
    expect(
      netDeltas([
        move('store-1', 'MUG', -2, 1),
        move('store-1', 'MUG', 2, -1),
        move('store-1', 'CUP', 0, 1),
        move('store-1', 'PEN', -1, 0),
      ]),
    ).toEqual([move('store-1', 'CUP', 0, 1), move('store-1', 'PEN', -1, 0)]);
  });

  it('leaves the movements it was given as they were', () => {
    const given = [move('store-1', 'MUG', -2, 1), move('store-1', 'MUG', -3, 2)];
    const copy = structuredClone(given);
    netDeltas(given);
    expect(given).toEqual(copy);
  });

  it('conserves every change: per pair, the netted movement equals the sum of what was given', () => {
    const pairs = fc.constantFrom(['s1', 'A'], ['s1', 'B'], ['s2', 'A']);
    const movement = fc
      .tuple(pairs, fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }))
      .map(([[storeId, sku], onHand, reserved]) => move(storeId!, sku!, onHand, reserved));
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 30 }), (movements) => {
        const netted = netDeltas(movements);
        for (const [storeId, sku] of [
          ['s1', 'A'],
          ['s1', 'B'],
          ['s2', 'A'],
        ] as const) {
          const mine = movements.filter((m) => m.storeId === storeId && m.sku === sku);
          const onHand = mine.reduce((s, m) => s + m.onHandDelta, 0);
          const reserved = mine.reduce((s, m) => s + m.reservedDelta, 0);
          const out = netted.filter((m) => m.storeId === storeId && m.sku === sku);
          if (onHand === 0 && reserved === 0) expect(out).toEqual([]);
          else expect(out.map((m) => [m.onHandDelta, m.reservedDelta])).toEqual([[onHand, reserved]]);
        }
      }),
    );
  });
});
