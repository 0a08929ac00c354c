/**
 * Pins fields of a built receipt that depend on what the sale actually holds: no discount rows when
 * nothing was discounted, card wording only for card refunds, where a return came from, and the store's time zone.
 */
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import { type CartLineInput, priceCart } from './pricing';
import { buildReceipt } from './receipt-model';
import { buildReturn } from './returns';
import { buildSale } from './sale-builder';
import {
  aReceiptContext,
  aStoreSettings,
  context,
  exclusive,
  unwrap,
} from '../../../test/support/domain-fixtures';

// US English, because the time zone test spells out the date as en-US prints it.
const receiptContext = aReceiptContext({ settings: aStoreSettings({ locale: 'en-US' }) });

function saleOf(lines: CartLineInput[]): SaleDocument {
  const priced = unwrap(priceCart({ lines }, exclusive));
  return unwrap(
    buildSale({
      context,
      priced,
      tenders: [{ method: 'cash', amount: priced.totals.gross + 1000 }],
      number: 'S1-R1-000007',
      now: new Date('2026-11-27T10:00:00.000Z'),
      id: '019ac1c2-0000-7000-8000-000000000007',
    }),
  );
}

const mug: CartLineInput = { lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1999, taxCode: 'std' };
const plain = saleOf([mug]);

describe('buildReceipt', () => {
  it('shows no discount on a line or in the totals when nothing was discounted', () => {
    const receipt = buildReceipt(plain, receiptContext);
    expect(receipt.items[0]?.discount).toBeNull();
    expect(receipt.totals.map((t) => t.label)).toEqual(['Subtotal', 'Tax', 'Total']);
  });

  it('says nothing about a return on an ordinary sale', () => {
    const receipt = buildReceipt(plain, receiptContext);
    expect(receipt.returnOf).toBeNull();
    expect(receipt.items[0]?.returned).toBeNull();
  });

  const refund = unwrap(
    buildReturn({
      source: { kind: 'sale', sale: plain },
      previousReturns: [],
      requests: [{ lineId: '1', qty: 1, disposition: 'resellable' }],
      context,
      number: 'S1-R1-000008',
      now: new Date('2026-11-28T15:30:00.000Z'),
      id: '019ac1c2-0000-7000-8000-000000000008',
    }),
  );

  it('keeps card refund wording for card tenders: cash goes back as cash', () => {
    expect(refund.tenders.map((t) => t.method)).toEqual(['cash']);
    const receipt = buildReceipt(refund, { ...receiptContext, cardRefund: 'pending' });
    expect(receipt.tenders[0]?.label).toBe('Refund to cash');
  });

  it('says a return without a receipt was approved by a manager', () => {
    const receipt = buildReceipt({ ...refund, returnOf: null }, receiptContext);
    expect(receipt.returnOf).toBe('No receipt (manager approved)');
  });

  it("prints the time in the store's time zone", () => {
    expect(buildReceipt(plain, { ...receiptContext, timeZone: 'Asia/Tokyo' }).dateTime).toBe(
      'Nov 27, 2026, 7:00 PM',
    );
    expect(buildReceipt(plain, { ...receiptContext, timeZone: 'America/New_York' }).dateTime).toBe(
      'Nov 27, 2026, 5:00 AM',
    );
  });
});
