/** Unit tests of the group commit: concurrent pushes share a transaction, and a failure stays with its request. */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '@till/shared/schemas/sale';
import type { PushedSale } from '../repositories/sales';
import { SalesWriter } from './sales-writer';

const sale = (id: string, pushedBy = 'reg-a'): PushedSale => ({
  doc: { id } as unknown as SaleDocument,
  pushedBy,
});

/** An apply function that records each group's sale ids and fails any group containing `bad`. */
function recorder() {
  const batches: string[][] = [];
  const pushers: string[][] = [];
  const apply = async (sales: readonly PushedSale[]) => {
    const ids = sales.map((s) => s.doc.id);
    batches.push(ids);
    pushers.push(sales.map((s) => s.pushedBy));
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (ids.includes('bad')) throw new Error('boom');
  };
  return { apply, batches, pushers };
}

describe('SalesWriter', () => {
  it('applies requests that queue up during a transaction together, and isolates a failing one', async () => {
    const { apply, batches } = recorder();
    const writer = new SalesWriter(apply, 1);
    const first = writer.apply([sale('a')]);
    const second = writer.apply([sale('b'), sale('c')]);
    const third = writer.apply([sale('bad')]);
    const fourth = writer.apply([sale('b')]);
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    await expect(third).rejects.toThrow('boom');
    await expect(fourth).resolves.toBeUndefined();
    // a alone; then b, c, bad in one statement; it failed, so one by one; b again waits for its own group.
    expect(batches).toEqual([['a'], ['b', 'c', 'bad'], ['b', 'c'], ['bad'], ['b']]);
  });

  it('never puts one sale id twice in a group: the later request meets the earlier one in the database', async () => {
    const { apply, batches, pushers } = recorder();
    const writer = new SalesWriter(apply, 1);
    const first = writer.apply([sale('a')]);
    const second = writer.apply([sale('x', 'reg-b'), sale('y', 'reg-b')]);
    const third = writer.apply([sale('z', 'reg-c')]);
    const fourth = writer.apply([sale('x', 'reg-c')]);
    const fifth = writer.apply([sale('w', 'reg-d')]);
    await Promise.all([first, second, third, fourth, fifth]);
    // Groups are taken in order, so the fifth request waits behind the fourth.
    expect(batches).toEqual([['a'], ['x', 'y', 'z'], ['x', 'w']]);
    expect(pushers).toEqual([['reg-a'], ['reg-b', 'reg-b', 'reg-c'], ['reg-c', 'reg-d']]);
  });

  it('caps a group at maxDocs documents, yet applies a request bigger than that whole and alone', async () => {
    const { apply, batches } = recorder();
    const writer = new SalesWriter(apply, 1, 3);
    const requests = [['a'], ['b', 'c'], ['d'], ['e', 'f', 'g', 'h'], ['i']].map((ids) =>
      writer.apply(ids.map((id) => sale(id))),
    );
    await Promise.all(requests);
    // b, c and d make exactly 3; e–h would pass the cap, so they start the next group, which i would pass.
    expect(batches).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f', 'g', 'h'], ['i']]);
  });

  it('keeps a request that shares any one id with the group for the next group', async () => {
    const { apply, batches } = recorder();
    const writer = new SalesWriter(apply, 1);
    await Promise.all([
      writer.apply([sale('a')]),
      writer.apply([sale('x'), sale('y')]),
      writer.apply([sale('x'), sale('z')]),
    ]);
    expect(batches).toEqual([['a'], ['x', 'y'], ['x', 'z']]);
  });

  it('applies a failing request that was alone in its group once, not again on its own', async () => {
    const { apply, batches } = recorder();
    const writer = new SalesWriter(apply, 1);
    await expect(writer.apply([sale('bad')])).rejects.toThrow('boom');
    expect(batches).toEqual([['bad']]);
  });
});
