import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SaleDocument } from '../schemas/sale';
import { priceCart } from './pricing';
import {
  type ReceiptColumns,
  type ReceiptLine,
  layoutReceipt,
  receiptColumns,
  textWidth,
  wrapText,
} from './receipt-layout';
import { buildReceipt } from './receipt-model';
import { buildReturn } from './returns';
import { buildSale } from './sale-builder';
import {
  aReceiptContext,
  aStoreSettings,
  cartArb,
  context,
  exclusive,
  inclusive,
  unwrap,
} from '../../../test/support/domain-fixtures';

// The printed layouts below show the header, footer, register and clerk, and an en-US date in UTC.
const settings = aStoreSettings({
  locale: 'en-US',
  receiptHeader: ['Till Downtown', '1 Main Street'],
  receiptFooter: ['Thank you for shopping with us', 'Returns within 30 days with receipt'],
});

const receiptContext = aReceiptContext({
  settings,
  registerName: 'Till 1',
  clerkName: 'Ada Lovelace',
  timeZone: 'UTC',
});

const sale: SaleDocument = unwrap(
  buildSale({
    context,
    priced: unwrap(
      priceCart(
        {
          lines: [
            { lineId: '1', sku: 'MUG', name: 'Mug', qty: 2, unitPrice: 1999, taxCode: 'std' },
            {
              lineId: '2',
              sku: 'TEA',
              name: 'Organic first-flush Darjeeling loose leaf tea, 250 g tin',
              qty: 1,
              unitPrice: 1450,
              taxCode: 'reduced',
              discount: { kind: 'percent', bp: 1000 },
            },
            { lineId: '3', sku: 'BREAD', name: 'Sourdough', qty: 3, unitPrice: 425, taxCode: 'zero' },
          ],
          cartDiscount: { kind: 'percent', bp: 500 },
        },
        exclusive,
      ),
    ),
    tenders: [
      { method: 'card', amount: 3000, reference: 'ch_1' },
      { method: 'cash', amount: 5000 },
    ],
    number: 'S1-R1-000042',
    now: new Date('2026-11-27T10:00:00.000Z'),
    id: '019ac1c2-0000-7000-8000-000000000042',
  }),
);

const refund: SaleDocument = unwrap(
  buildReturn({
    source: { kind: 'sale', sale },
    previousReturns: [],
    requests: [
      { lineId: '1', qty: 1, disposition: 'resellable' },
      { lineId: '2', qty: 1, disposition: 'damaged' },
    ],
    context,
    number: 'S1-R1-000043',
    now: new Date('2026-11-28T15:30:00.000Z'),
    id: '019ac1c2-0000-7000-8000-000000000043',
  }),
);

/** The invariants every layout keeps: exact widths, nothing lost. */
function expectFits(lines: ReceiptLine[], columns: ReceiptColumns): void {
  for (const line of lines) {
    const width = line.style === 'double' ? columns / 2 : columns;
    expect(textWidth(line.text), JSON.stringify(line.text)).toBe(width);
  }
}

const texts = (lines: ReceiptLine[]) => lines.map((l) => l.text.trimEnd());

describe('buildReceipt', () => {
  it('says what the sale was: items, totals, tax per rate, tenders and change, codes', () => {
    const receipt = buildReceipt(sale, receiptContext);
    expect(receipt.number).toBe('S1-R1-000042');
    expect(receipt.dateTime).toBe('Nov 27, 2026, 10:00 AM');
    expect(receipt.banners).toEqual([]);
    expect(receipt.items[0]).toEqual({
      name: 'Mug',
      quantity: '2 × $19.99',
      discount: '-$2.00',
      overriddenPrice: null,
      amount: '$37.98',
      returned: null,
    });
    expect(receipt.totals.at(-1)).toEqual({ label: 'Total', amount: '$66.48' });
    expect(receipt.taxes.map((t) => t.name)).toEqual(['Sales tax 8.875%', 'Reduced 5%', 'Exempt']);
    expect(receipt.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(sale.totals.tax);
    expect(receipt.tenders).toEqual([
      { label: 'Card', amount: '$30.00' },
      { label: 'Cash', amount: '$50.00' },
      { label: 'Change', amount: '$13.52' },
    ]);
    expect(receipt.barcode).toEqual({ symbology: 'code128', data: 'S1-R1-000042' });
    expect(receipt.qr).toEqual({ data: 'till:sale:019ac1c2-0000-7000-8000-000000000042' });
    expect(receipt.footer).toEqual(settings.receiptFooter);
  });

  it('marks a return, its dispositions and refund tenders, and a reprint', () => {
    const receipt = buildReceipt(refund, { ...receiptContext, reprint: true });
    expect(receipt.banners).toEqual(['RETURN', 'REPRINT']);
    expect(receipt.returnOf).toBe(`Sale ${sale.id}`);
    expect(receipt.items.map((i) => i.returned)).toEqual([
      { disposition: 'resellable' },
      { disposition: 'damaged' },
    ]);
    expect(receipt.items[0]?.quantity).toBe('-1 × $19.99');
    expect(receipt.totals.at(-1)?.label).toBe('Total refund');
    expect(receipt.tenders.every((t) => t.label.startsWith('Refund to '))).toBe(true);
  });

  it('formats money in currencies with 0 and 3 decimals and in the store locale', () => {
    const jpy = { ...sale, currency: 'JPY' };
    expect(
      buildReceipt(jpy, { ...receiptContext, settings: { ...settings, locale: 'ja-JP' } }).totals.at(-1),
    ).toEqual({ label: 'Total', amount: '￥6,648' });
    const bhd = { ...sale, currency: 'BHD' };
    expect(buildReceipt(bhd, receiptContext).totals.at(-1)?.amount).toBe('BHD\u00a06.648');
    const eur = { ...sale, currency: 'EUR' };
    expect(
      buildReceipt(eur, { ...receiptContext, settings: { ...settings, locale: 'de-DE' } }).totals.at(-1)
        ?.amount,
    ).toBe('66,48\u00a0€');
  });

  it('shows a price changed at the counter with the price it replaced', () => {
    const priced = unwrap(
      priceCart(
        {
          lines: [
            {
              lineId: '1',
              sku: 'MUG',
              name: 'Mug',
              qty: 1,
              unitPrice: 1999,
              taxCode: 'std',
              override: { unitPrice: 1500, reason: 'chipped', approvedBy: 'staff-9' },
            },
          ],
        },
        exclusive,
      ),
    );
    const doc = unwrap(
      buildSale({ context, priced, tenders: [{ method: 'card', amount: 1633 }], number: 'S1-R1-000050' }),
    );
    const receipt = buildReceipt(doc, receiptContext);
    expect(receipt.items[0]?.overriddenPrice).toBe('$19.99');
    const lines = texts(layoutReceipt(receipt, 32));
    expect(lines).toContain('  1 × $15.00              $15.00');
    expect(lines).toContain('  Price changed, was $19.99');
  });

  it('shows tax as included in a tax-inclusive store', () => {
    const receipt = buildReceipt(sale, {
      ...receiptContext,
      settings: { ...settings, priceMode: 'tax-inclusive' },
    });
    expect(receipt.totals.map((t) => t.label)).toEqual(['Discounts', 'Tax included', 'Total']);
  });
});

describe('layoutReceipt', () => {
  for (const columns of receiptColumns) {
    it(`fits a sale and a return in ${columns} columns with totals, tax summary and codes`, () => {
      for (const doc of [sale, refund]) {
        const receipt = buildReceipt(doc, receiptContext);
        const lines = layoutReceipt(receipt, columns);
        expectFits(lines, columns);
        const all = texts(lines).join('\n');
        const total = receipt.totals.at(-1);
        const bold = lines.find((l) => l.style === 'bold')?.text ?? '';
        expect(bold.startsWith(`${total?.label} `) && bold.endsWith(` ${total?.amount}`)).toBe(true);
        for (const tax of receipt.taxes) expect(all).toContain(tax.tax);
        expect(receipt.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(doc.totals.tax);
        expect(lines.filter((l) => l.kind === 'barcode').map((l) => l.data)).toEqual([doc.number]);
        expect(lines.filter((l) => l.kind === 'qr').map((l) => l.data)).toEqual([`till:sale:${doc.id}`]);
        expect(lines.at(-1)?.kind).toBe('cut');
        // Every word of the long name is there, in order, across its wrapped lines.
        expect(all.replace(/\s+/g, ' ')).toContain(
          'Organic first-flush Darjeeling loose leaf tea, 250 g tin',
        );
      }
    });
  }

  it('lays a sale out for 32 columns (golden)', () => {
    expect(texts(layoutReceipt(buildReceipt(sale, receiptContext), 32))).toMatchInlineSnapshot(`
      [
        "         Till Downtown",
        "         1 Main Street",
        "--------------------------------",
        "Receipt             S1-R1-000042",
        "Nov 27, 2026, 10:00 AM",
        "Register                  Till 1",
        "Clerk               Ada Lovelace",
        "--------------------------------",
        "Mug",
        "  2 × $19.99              $37.98",
        "  Discount                -$2.00",
        "Organic first-flush Darjeeling",
        "  loose leaf tea, 250 g tin",
        "  1 × $14.50              $12.40",
        "  Discount                -$2.10",
        "Sourdough",
        "  3 × $4.25               $12.11",
        "  Discount                -$0.64",
        "--------------------------------",
        "Discounts                 -$4.74",
        "Subtotal                  $62.49",
        "Tax                        $3.99",
        "Total                     $66.48",
        "--------------------------------",
        "Tax summary",
        "Sales tax 8.875%           $3.37",
        "  on $37.98",
        "Reduced 5%                 $0.62",
        "  on $12.40",
        "Exempt                     $0.00",
        "  on $12.11",
        "--------------------------------",
        "Card                      $30.00",
        "Cash                      $50.00",
        "Change                    $13.52",
        "--------------------------------",
        "",
        "          S1-R1-000042",
        "",
        "        Scan for returns",
        " Thank you for shopping with us",
        "  Returns within 30 days with",
        "            receipt",
        "",
      ]
    `);
  });

  it('lays a sale out for 42 columns (golden)', () => {
    expect(texts(layoutReceipt(buildReceipt(sale, receiptContext), 42))).toMatchInlineSnapshot(`
      [
        "              Till Downtown",
        "              1 Main Street",
        "------------------------------------------",
        "Receipt                       S1-R1-000042",
        "Nov 27, 2026, 10:00 AM",
        "Register                            Till 1",
        "Clerk                         Ada Lovelace",
        "------------------------------------------",
        "Mug",
        "  2 × $19.99                        $37.98",
        "  Discount                          -$2.00",
        "Organic first-flush Darjeeling loose leaf",
        "  tea, 250 g tin",
        "  1 × $14.50                        $12.40",
        "  Discount                          -$2.10",
        "Sourdough",
        "  3 × $4.25                         $12.11",
        "  Discount                          -$0.64",
        "------------------------------------------",
        "Discounts                           -$4.74",
        "Subtotal                            $62.49",
        "Tax                                  $3.99",
        "Total                               $66.48",
        "------------------------------------------",
        "Tax summary",
        "Sales tax 8.875%                     $3.37",
        "  on $37.98",
        "Reduced 5%                           $0.62",
        "  on $12.40",
        "Exempt                               $0.00",
        "  on $12.11",
        "------------------------------------------",
        "Card                                $30.00",
        "Cash                                $50.00",
        "Change                              $13.52",
        "------------------------------------------",
        "",
        "               S1-R1-000042",
        "",
        "             Scan for returns",
        "      Thank you for shopping with us",
        "   Returns within 30 days with receipt",
        "",
      ]
    `);
  });

  it('lays a sale out for 48 columns (golden)', () => {
    expect(texts(layoutReceipt(buildReceipt(sale, receiptContext), 48))).toMatchInlineSnapshot(`
      [
        "                 Till Downtown",
        "                 1 Main Street",
        "------------------------------------------------",
        "Receipt                             S1-R1-000042",
        "Nov 27, 2026, 10:00 AM",
        "Register                                  Till 1",
        "Clerk                               Ada Lovelace",
        "------------------------------------------------",
        "Mug",
        "  2 × $19.99                              $37.98",
        "  Discount                                -$2.00",
        "Organic first-flush Darjeeling loose leaf tea,",
        "  250 g tin",
        "  1 × $14.50                              $12.40",
        "  Discount                                -$2.10",
        "Sourdough",
        "  3 × $4.25                               $12.11",
        "  Discount                                -$0.64",
        "------------------------------------------------",
        "Discounts                                 -$4.74",
        "Subtotal                                  $62.49",
        "Tax                                        $3.99",
        "Total                                     $66.48",
        "------------------------------------------------",
        "Tax summary",
        "Sales tax 8.875%                           $3.37",
        "  on $37.98",
        "Reduced 5%                                 $0.62",
        "  on $12.40",
        "Exempt                                     $0.00",
        "  on $12.11",
        "------------------------------------------------",
        "Card                                      $30.00",
        "Cash                                      $50.00",
        "Change                                    $13.52",
        "------------------------------------------------",
        "",
        "                  S1-R1-000042",
        "",
        "                Scan for returns",
        "         Thank you for shopping with us",
        "      Returns within 30 days with receipt",
        "",
      ]
    `);
  });

  it('lays a reprinted return out for 32 columns (golden)', () => {
    const lines = layoutReceipt(buildReceipt(refund, { ...receiptContext, reprint: true }), 32);
    expect(texts(lines)).toMatchInlineSnapshot(`
      [
        " *** RETURN ***",
        "*** REPRINT ***",
        "         Till Downtown",
        "         1 Main Street",
        "--------------------------------",
        "Receipt             S1-R1-000043",
        "Nov 28, 2026, 3:30 PM",
        "Register                  Till 1",
        "Clerk               Ada Lovelace",
        "Return of: Sale",
        "  019ac1c2-0000-7000-8000-000000",
        "  000042",
        "--------------------------------",
        "Mug",
        "  -1 × $19.99            -$18.99",
        "  Discount                 $1.00",
        "  Returned (resellable)",
        "Organic first-flush Darjeeling",
        "  loose leaf tea, 250 g tin",
        "  -1 × $14.50            -$12.40",
        "  Discount                 $2.10",
        "  Returned (damaged)",
        "--------------------------------",
        "Discounts                  $3.10",
        "Subtotal                 -$31.39",
        "Tax                       -$2.31",
        "Total refund             -$33.70",
        "--------------------------------",
        "Tax summary",
        "Sales tax 8.875%          -$1.69",
        "  on -$18.99",
        "Reduced 5%                -$0.62",
        "  on -$12.40",
        "--------------------------------",
        "Refund to card           -$30.00",
        "Refund to cash            -$3.70",
        "--------------------------------",
        "",
        "          S1-R1-000043",
        "",
        "        Scan for returns",
        " Thank you for shopping with us",
        "  Returns within 30 days with",
        "            receipt",
        "",
      ]
    `);
  });

  it('lays a return out for 42 and 48 columns (golden)', () => {
    const receipt = buildReceipt(refund, { ...receiptContext, originalNumber: sale.number });
    expect(receipt.returnOf).toBe('Receipt S1-R1-000042');
    expect(texts(layoutReceipt(receipt, 42))).toMatchInlineSnapshot(`
      [
        "   *** RETURN ***",
        "              Till Downtown",
        "              1 Main Street",
        "------------------------------------------",
        "Receipt                       S1-R1-000043",
        "Nov 28, 2026, 3:30 PM",
        "Register                            Till 1",
        "Clerk                         Ada Lovelace",
        "Return of: Receipt S1-R1-000042",
        "------------------------------------------",
        "Mug",
        "  -1 × $19.99                      -$18.99",
        "  Discount                           $1.00",
        "  Returned (resellable)",
        "Organic first-flush Darjeeling loose leaf",
        "  tea, 250 g tin",
        "  -1 × $14.50                      -$12.40",
        "  Discount                           $2.10",
        "  Returned (damaged)",
        "------------------------------------------",
        "Discounts                            $3.10",
        "Subtotal                           -$31.39",
        "Tax                                 -$2.31",
        "Total refund                       -$33.70",
        "------------------------------------------",
        "Tax summary",
        "Sales tax 8.875%                    -$1.69",
        "  on -$18.99",
        "Reduced 5%                          -$0.62",
        "  on -$12.40",
        "------------------------------------------",
        "Refund to card                     -$30.00",
        "Refund to cash                      -$3.70",
        "------------------------------------------",
        "",
        "               S1-R1-000043",
        "",
        "             Scan for returns",
        "      Thank you for shopping with us",
        "   Returns within 30 days with receipt",
        "",
      ]
    `);
    expect(texts(layoutReceipt(receipt, 48))).toMatchInlineSnapshot(`
      [
        "     *** RETURN ***",
        "                 Till Downtown",
        "                 1 Main Street",
        "------------------------------------------------",
        "Receipt                             S1-R1-000043",
        "Nov 28, 2026, 3:30 PM",
        "Register                                  Till 1",
        "Clerk                               Ada Lovelace",
        "Return of: Receipt S1-R1-000042",
        "------------------------------------------------",
        "Mug",
        "  -1 × $19.99                            -$18.99",
        "  Discount                                 $1.00",
        "  Returned (resellable)",
        "Organic first-flush Darjeeling loose leaf tea,",
        "  250 g tin",
        "  -1 × $14.50                            -$12.40",
        "  Discount                                 $2.10",
        "  Returned (damaged)",
        "------------------------------------------------",
        "Discounts                                  $3.10",
        "Subtotal                                 -$31.39",
        "Tax                                       -$2.31",
        "Total refund                             -$33.70",
        "------------------------------------------------",
        "Tax summary",
        "Sales tax 8.875%                          -$1.69",
        "  on -$18.99",
        "Reduced 5%                                -$0.62",
        "  on -$12.40",
        "------------------------------------------------",
        "Refund to card                           -$30.00",
        "Refund to cash                            -$3.70",
        "------------------------------------------------",
        "",
        "                  S1-R1-000043",
        "",
        "                Scan for returns",
        "         Thank you for shopping with us",
        "      Returns within 30 days with receipt",
        "",
      ]
    `);
  });

  it('wraps words longer than a line without losing a character, and turns line breaks into spaces', () => {
    const word = 'X'.repeat(70);
    const lines = wrapText(`A ${word} b\nc`, 32, '  ');
    expect(lines.every((l) => textWidth(l) <= 32)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(`A${word}bc`);
  });

  it('never produces an over-long line for any generated sale, name or width', () => {
    const nameArb = fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' });
    fc.assert(
      fc.property(
        cartArb,
        fc.array(nameArb, { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom(...receiptColumns),
        (cart, names, taxInclusive, columns) => {
          const lines = cart.lines.map((l, i) => ({ ...l, name: names[i] ?? l.name }));
          const pricing = taxInclusive ? { ...inclusive, currency: 'USD' } : exclusive;
          const priced = priceCart({ ...cart, lines }, pricing);
          if (!priced.ok) return;
          const built = buildSale({
            context,
            priced: priced.value,
            tenders: [{ method: 'cash', amount: Math.max(1, priced.value.totals.gross) + 1_000_000 }],
            number: 'S1-R1-000001',
          });
          if (!built.ok) return;
          const receipt = buildReceipt(built.value, {
            ...receiptContext,
            customerName: names[0] ?? null,
            settings: { ...settings, priceMode: pricing.priceMode },
          });
          expectFits(layoutReceipt(receipt, columns), columns);
          expect(receipt.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(built.value.totals.tax);
          // And the return of its first line, reprinted.
          const first = built.value.lines[0];
          if (!first) return;
          const back = buildReturn({
            source: { kind: 'sale', sale: built.value },
            previousReturns: [],
            requests: [{ lineId: first.lineId, qty: first.qty, disposition: 'damaged' }],
            context,
            number: 'S1-R1-000002',
          });
          if (!back.ok) throw new Error(back.error.message);
          const returned = buildReceipt(back.value, {
            ...receiptContext,
            reprint: true,
            originalNumber: names[1] ?? null,
          });
          expectFits(layoutReceipt(returned, columns), columns);
          expect(returned.taxes.reduce((s, t) => s + t.taxMinor, 0)).toBe(back.value.totals.tax);
        },
      ),
      { numRuns: 300 },
    );
  });
});
