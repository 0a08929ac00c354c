import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '@till/shared/schemas/product';
import { saleShapeSchema } from '@till/shared/schemas/sale';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import { loadSaleInProgress } from '../../../sync/sale-in-progress';
import { followCart } from './cart-persistence';
import { type Approval, useCartStore } from './cart-store';

const storage = getRxStorageMemory();
const opened: TillDatabase[] = [];
let stops: (() => void)[] = [];

const product = (sku: string, price: number): Product => ({
  sku,
  name: `Item ${sku}`,
  price,
  currency: 'USD',
  taxCode: 'std',
  barcodes: [],
  active: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const approval = (kind: Approval['kind'], staffId = 'alice'): Approval => ({
  kind,
  staffId,
  at: '2026-01-01T10:00:00.000Z',
});

/** Adds two lines; returns their ids. */
function twoLines(): [string, string] {
  const cart = useCartStore.getState();
  const a = cart.addProduct(product('A', 10_000));
  const b = cart.addProduct(product('B', 20_000));
  if (!a.ok || !b.ok) throw new Error('could not add');
  return [a.value, b.value];
}

beforeEach(() => {
  useCartStore.getState().clear();
  useCartStore.setState({ restored: true });
});
afterEach(async () => {
  for (const stop of stops) stop();
  stops = [];
  await Promise.all(opened.splice(0).map((db) => db.remove()));
});

describe('approvals on the cart', () => {
  it('drops the approvals given for a line when that line is voided, and keeps the others', () => {
    const [a, b] = twoLines();
    const cart = useCartStore.getState();
    cart.addApproval(approval('line_discount'), a);
    cart.addApproval(approval('price_override'), a);
    cart.addApproval(approval('line_discount'), b);
    cart.addApproval(approval('cart_discount'));
    // The approval of a void itself stays: the void happened and was approved.
    cart.addApproval(approval('other'));

    expect(useCartStore.getState().voidLine(a).ok).toBe(true);
    expect(useCartStore.getState().approvals.map((x) => [x.kind, x.lineId ?? null])).toEqual([
      ['line_discount', b],
      ['cart_discount', null],
      ['other', null],
    ]);
  });

  it('leaves the tie to the line out of the sale document', () => {
    const [a] = twoLines();
    useCartStore.getState().addApproval(approval('line_discount'), a);
    const onSale = saleShapeSchema.shape.approvals.parse(useCartStore.getState().approvals);
    expect(onSale).toEqual([approval('line_discount')]);
  });

  it('changes nothing when the line to void is not in the cart', () => {
    const [a] = twoLines();
    useCartStore.getState().addApproval(approval('line_discount'), a);
    const before = useCartStore.getState().approvals;
    const refused = useCartStore.getState().voidLine('nope');
    expect(refused.ok ? null : refused.error.code).toBe('line_not_found');
    expect(useCartStore.getState().approvals).toBe(before);
  });

  it('keeps the tie to the line through a reload, so a void after it still drops the approval', async () => {
    const db = await openTillDatabase({ name: `approvals-${Date.now()}`, storage });
    opened.push(db);
    useCartStore.setState({ restored: false });
    stops.push(followCart(db));
    for (let i = 0; i < 200 && !useCartStore.getState().restored; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [a] = twoLines();
    useCartStore.getState().addApproval(approval('line_discount'), a);
    for (let i = 0; i < 200; i++) {
      const saved = await loadSaleInProgress(db);
      if (saved.ok && saved.value?.approvals.length === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A "reload": a new follower restores the saved cart.
    stops.pop()?.();
    stops.push(followCart(db));
    for (let i = 0; i < 200 && useCartStore.getState().lines.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(useCartStore.getState().approvals).toEqual([{ ...approval('line_discount'), lineId: a }]);
    useCartStore.getState().voidLine(a);
    expect(useCartStore.getState().approvals).toEqual([]);
  });
});
