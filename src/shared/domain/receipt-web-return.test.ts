import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import { aReceiptContext, aStoreSettings } from '../../../test/support/domain-fixtures';
import { buildReceipt } from './receipt-model';

// A tax-free store, so the web order's untaxed line is what the store charges; amounts print as en-US dollars.
const settings = aStoreSettings({
  locale: 'en-US',
  taxRates: [{ code: 'std', name: 'Standard', ratePpm: 0 }],
  receiptHeader: [],
});

const webReturn: SaleDocument = {
  id: '0190c0de-0000-7000-8000-000000000001',
  kind: 'return',
  storeId: 'store-1',
  registerId: 'reg-1',
  number: 'S1-R1-000007',
  createdAt: '2026-11-02T10:00:00.000Z',
  currency: 'USD',
  clerkId: 'staff-bob',
  customerId: null,
  lines: [
    {
      lineId: '1',
      sku: 'A',
      name: 'Mug',
      qty: -1,
      unitPrice: 500,
      discount: 0,
      net: -500,
      tax: 0,
      gross: -500,
      taxCode: 'std',
      disposition: 'resellable',
      returnOfLineId: '1',
    },
  ],
  tenders: [{ method: 'card', amount: -500, reference: 'ch_1' }],
  totals: { net: -500, tax: 0, gross: -500, discount: 0 },
  returnOf: { orderId: 'ord-1' },
};

const context = aReceiptContext({ settings });

describe('the receipt of a web-order return', () => {
  it('names the order by its number and says where the card refund stands', () => {
    const pending = buildReceipt(webReturn, { ...context, originalNumber: 'W000001', cardRefund: 'pending' });
    expect(pending.returnOf).toBe('Web order W000001');
    expect(pending.tenders).toEqual([{ label: 'Card refund pending', amount: '-$5.00' }]);
    const settled = buildReceipt(webReturn, { ...context, cardRefund: { last4: '4242' } });
    expect(settled.returnOf).toBe('Web order ord-1');
    expect(settled.tenders).toEqual([{ label: 'Refunded to card •••• 4242', amount: '-$5.00' }]);
    expect(buildReceipt(webReturn, context).tenders[0]?.label).toBe('Refund to card');
  });
});
