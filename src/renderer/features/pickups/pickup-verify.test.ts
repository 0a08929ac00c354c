/** Pickup verification and the register's moves: who may collect, and what the clerk's actions write. */
import { describe, expect, it } from 'vitest';
import type { WebOrder } from '@till/shared/schemas/web-order';
import { collect, initialQuantities, moveTo, waitingCount } from './pickup-moves';
import { nameMatches, orderKeyOfScan, verifyPickup } from './pickup-verify';

const NOW = new Date('2026-03-02T10:00:00.000Z');

function order(status: WebOrder['status'] = 'ready', extra: Partial<WebOrder> = {}): WebOrder {
  const line = (lineId: string, sku: string, qty: number) => ({
    lineId,
    sku,
    name: sku,
    qty,
    unitPrice: 100,
    discount: 0,
    net: qty * 100,
    tax: 0,
    gross: qty * 100,
    taxCode: 'std',
  });
  return {
    id: 'ord-7f3a',
    number: 'W000042',
    status,
    fulfilment: { type: 'pickup', storeId: 'store-1' },
    customerId: null,
    customer: { email: 'zoe@example.com', name: 'Zoë  Müller-Ávila', phone: null },
    currency: 'USD',
    lines: [line('1', 'A', 2), line('2', 'B', 1)],
    totals: { net: 300, tax: 0, gross: 300, discount: 0 } as WebOrder['totals'],
    payment: { method: 'card', amount: 300, reference: 'ch_1' },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...extra,
  };
}

describe('verifyPickup', () => {
  it('accepts the order QR by number or id, and refuses other codes', () => {
    expect(verifyPickup(order(), { kind: 'scan', code: 'till:order:W000042' })).toBeNull();
    expect(verifyPickup(order(), { kind: 'scan', code: 'till:order:ord-7f3a' })).toBeNull();
    expect(verifyPickup(order(), { kind: 'scan', code: 'till:order:W000043' })?.code).toBe('wrong_order');
    expect(verifyPickup(order(), { kind: 'scan', code: 'till:sale:S1-R1-1' })?.code).toBe(
      'not_an_order_code',
    );
    expect(orderKeyOfScan('till:order:')).toBeNull();
  });

  it('accepts the typed number with the full or family name, ignoring case, accents and spaces', () => {
    const typed = (number: string, name: string) => verifyPickup(order(), { kind: 'typed', number, name });
    expect(typed('w000042', 'zoe muller avila')).toBeNull();
    expect(typed('W000042', '  MÜLLER-ÁVILA ')).toBeNull();
    expect(typed('W000042', 'Avila')).toBeNull();
    expect(typed('W000042', 'Zoe')?.code).toBe('name_mismatch');
    expect(typed('W000042', 'Someone Else')?.code).toBe('name_mismatch');
    expect(typed('W000042', '  ')?.code).toBe('name_missing');
    expect(typed('W000041', 'Zoë Müller-Ávila')?.code).toBe('wrong_order');
    expect(nameMatches('Sam', '')).toBe(false);
  });

  it('refuses an order that is not ready, whatever the proof', () => {
    for (const status of ['placed', 'picking', 'collected', 'cancelled', 'expired'] as const) {
      expect(verifyPickup(order(status), { kind: 'scan', code: 'till:order:W000042' })?.code).toBe(
        'not_ready',
      );
    }
  });
});

describe('register moves', () => {
  it('picking and ready follow the state machine; a collected order cannot be picked again', () => {
    const picking = moveTo(order('placed'), 'picking', NOW);
    expect(picking.ok && picking.order.status).toBe('picking');
    expect(moveTo(order('collected'), 'picking', NOW)).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(moveTo(order('cancelled'), 'cancelled', NOW).ok).toBe(false);
  });

  it('a partial pickup stays ready with what is left; the rest makes it collected', () => {
    const first = collect(order(), new Map([['1', 1]]), NOW, 'pk-1');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.order.status).toBe('ready');
    expect(first.order.pickups).toEqual([
      { id: 'pk-1', at: NOW.toISOString(), lines: [{ lineId: '1', qty: 1 }] },
    ]);
    expect([...initialQuantities(first.order)]).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
    const rest = collect(first.order, initialQuantities(first.order), NOW, 'pk-2');
    expect(rest.ok && rest.order.status).toBe('collected');
    expect(rest.ok && rest.order.pickups).toHaveLength(2);
  });

  it('refuses nothing, too many, fractions and unknown lines, changing nothing', () => {
    const o = order();
    expect(collect(o, new Map([['1', 0]]), NOW, 'p').ok).toBe(false);
    expect(collect(o, new Map([['1', 3]]), NOW, 'p')).toMatchObject({
      ok: false,
      error: { code: 'too_many' },
    });
    expect(collect(o, new Map([['1', 1.5]]), NOW, 'p').ok).toBe(false);
    expect(collect(o, new Map([['9', 1]]), NOW, 'p').ok).toBe(false);
    expect(collect(order('picking'), new Map([['1', 1]]), NOW, 'p').ok).toBe(false);
    expect(o.pickups).toBeUndefined();
  });

  it('counts new, picking and ready orders as waiting', () => {
    expect(
      waitingCount([order('placed'), order('picking'), order('ready'), order('collected'), order('expired')]),
    ).toBe(3);
  });
});
