/**
 * The receipt model: everything a receipt says about one sale or return, with money and dates already
 * formatted in the store's locale. One model feeds every output (the on-screen receipt now, 58 mm and
 * 80 mm thermal printers later), so they can never disagree; `receipt-layout.ts` lays it out in columns.
 * Pure: no DOM, no clock (the document carries its own time).
 */
import type { SaleDocument, Tender } from '../schemas/sale';
import type { StoreSettings } from '../schemas/settings';
import { formatMoney } from './money';
import { formatRate, taxSummary } from './tax';

/** What a receipt needs besides the document: the store's settings and the names behind the ids. */
export interface ReceiptContext {
  settings: StoreSettings;
  registerName: string;
  clerkName: string;
  customerName?: string | null;
  /** A copy printed again later (not the customer's first receipt): banner "REPRINT". */
  reprint?: boolean;
  /** A return against a sale: that sale's receipt number, printed instead of its id when known. */
  originalNumber?: string | null;
  /**
   * A web-order return's card refund, which the hub makes: `pending` until it has (a deferred refund when
   * the register is offline), then the card's last four digits. Printed in the card tender's row.
   */
  cardRefund?: 'pending' | { last4: string } | null;
  /** IANA time zone for the date line; the machine's own when absent (tests pass a fixed one). */
  timeZone?: string;
}

/** One item line of the receipt. */
export interface ReceiptItem {
  name: string;
  /** Quantity × unit price, e.g. `2 × $3.50` (negative quantity for a returned item). */
  quantity: string;
  /** The line's discount (with its share of any cart discount), e.g. `-$1.00`; null when none. */
  discount: string | null;
  /** A price changed at the counter: the shelf price it replaced, e.g. `$24.99`; null when none. */
  overriddenPrice: string | null;
  /** What the line adds to the total: net in a tax-exclusive store, gross in a tax-inclusive one. */
  amount: string;
  /** Returned items only: where the units go (`resellable` back to stock, `damaged` not). */
  returned: { disposition: 'resellable' | 'damaged' | null } | null;
}

/** One row of the tax summary, per tax rate. */
export interface ReceiptTaxRow {
  /** The rate's name from the store settings, e.g. `Sales tax 8.875%`. */
  name: string;
  /** The rate as a percentage, e.g. `8.875%`. */
  rate: string;
  /** Net amount taxed at this rate, formatted. */
  net: string;
  /** Tax at this rate, formatted. */
  tax: string;
  /** The same in minor units, so callers and tests can sum them. */
  netMinor: number;
  taxMinor: number;
}

/** A labelled amount (a total, a tender). */
export interface ReceiptAmount {
  label: string;
  amount: string;
}

/** Everything a receipt says, formatted, independent of the paper width. */
export interface Receipt {
  kind: 'sale' | 'return';
  /** The document's id (the QR payload names it). */
  saleId: string;
  /** The receipt number, e.g. `S1-R1-000042`. */
  number: string;
  /** Banners printed large at the top: `RETURN`, `REPRINT`. */
  banners: string[];
  /** Store header lines from the settings (name, address…). */
  header: string[];
  /** Date and time of the sale in the store's locale. */
  dateTime: string;
  registerName: string;
  clerkName: string;
  customerName: string | null;
  /** A return: the receipt number or id of what it gives back, or a note that there was no receipt. */
  returnOf: string | null;
  items: ReceiptItem[];
  /** Subtotal, discounts, tax and total rows, in print order; the last one is the total. */
  totals: ReceiptAmount[];
  /** Tax per rate, in the order of the store's rates; sums to the document's tax. */
  taxes: ReceiptTaxRow[];
  /** How it was paid (or, for a return, refunded), then the change given back when there was any. */
  tenders: ReceiptAmount[];
  /** Code 128 of the receipt number, for scanners at the counter. */
  barcode: { symbology: 'code128'; data: string };
  /** `till:sale:<id>`: a return at the counter scans it to find the sale. */
  qr: { data: string };
  /** Return policy and thanks, from the settings. */
  footer: string[];
}

/** The QR payload prefix; the counter's scanner recognises `till:sale:<id>` as a sale to return against. */
export const receiptQrPrefix = 'till:sale:';

const tenderNames: Record<Tender['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  gift_card: 'Gift card',
  store_credit: 'Store credit',
  other: 'Other',
  points: 'Loyalty points',
};

/** Builds the receipt of a sale or return document. */
export function buildReceipt(sale: SaleDocument, context: ReceiptContext): Receipt {
  const { settings } = context;
  const money = (minor: number) => formatMoney(minor, sale.currency, settings.locale);
  const inclusive = settings.priceMode === 'tax-inclusive';
  const isReturn = sale.kind === 'return';

  const items = sale.lines.map((line): ReceiptItem => ({
    name: line.name,
    quantity: `${line.qty} × ${money(line.unitPrice)}`,
    discount: line.discount !== 0 ? money(-line.discount) : null,
    overriddenPrice: line.override ? money(line.override.originalUnitPrice) : null,
    amount: money(inclusive ? line.gross : line.net),
    returned: isReturn || line.qty < 0 ? { disposition: line.disposition ?? null } : null,
  }));

  const totals: ReceiptAmount[] = [];
  if (sale.totals.discount !== 0) totals.push({ label: 'Discounts', amount: money(-sale.totals.discount) });
  if (inclusive) {
    totals.push({ label: 'Tax included', amount: money(sale.totals.tax) });
  } else {
    totals.push({ label: 'Subtotal', amount: money(sale.totals.net) });
    totals.push({ label: 'Tax', amount: money(sale.totals.tax) });
  }
  totals.push({ label: isReturn ? 'Total refund' : 'Total', amount: money(sale.totals.gross) });

  const taxes = taxSummary(sale.lines, settings.taxRates).map((row): ReceiptTaxRow => ({
    name: row.name,
    rate: formatRate(row.ratePpm),
    net: money(row.net),
    tax: money(row.tax),
    netMinor: row.net,
    taxMinor: row.tax,
  }));

  const tenders: ReceiptAmount[] = sale.tenders.map((t) => ({
    label: isReturn
      ? t.method === 'card' && context.cardRefund
        ? context.cardRefund === 'pending'
          ? 'Card refund pending'
          : `Refunded to card •••• ${context.cardRefund.last4}`
        : `Refund to ${tenderNames[t.method].toLowerCase()}`
      : tenderNames[t.method],
    amount: money(t.amount),
  }));
  const change = sale.tenders.reduce((s, t) => s + (t.change ?? 0), 0);
  if (change > 0) tenders.push({ label: 'Change', amount: money(change) });

  const banners: string[] = [];
  if (isReturn) banners.push('RETURN');
  if (context.reprint) banners.push('REPRINT');

  return {
    kind: sale.kind,
    saleId: sale.id,
    number: sale.number,
    banners,
    header: [...settings.receiptHeader],
    dateTime: formatDateTime(sale.createdAt, settings.locale, context.timeZone),
    registerName: context.registerName,
    clerkName: context.clerkName,
    customerName: context.customerName ?? null,
    returnOf: returnOfText(sale, context.originalNumber ?? null),
    items,
    totals,
    taxes,
    tenders,
    barcode: { symbology: 'code128', data: sale.number },
    qr: { data: `${receiptQrPrefix}${sale.id}` },
    footer: [...settings.receiptFooter],
  };
}

function returnOfText(sale: SaleDocument, originalNumber: string | null): string | null {
  if (sale.kind !== 'return' || sale.returnOf === undefined) return null;
  if (sale.returnOf === null) return 'No receipt (manager approved)';
  if ('orderId' in sale.returnOf) return `Web order ${originalNumber ?? sale.returnOf.orderId}`;
  return originalNumber ? `Receipt ${originalNumber}` : `Sale ${sale.returnOf.saleId}`;
}

function formatDateTime(iso: string, locale: string, timeZone: string | undefined): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone !== undefined && { timeZone }),
  });
  // Newer ICU puts a narrow no-break space before AM/PM; a plain one prints the same everywhere.
  return format.format(new Date(iso)).replace(/[\u202f\u00a0]/g, ' ');
}
