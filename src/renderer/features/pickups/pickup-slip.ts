/**
 * The pickup receipt: what the customer took now (and what is still waiting), laid out like every receipt
 * (src/shared/domain/receipt-layout.ts) so it shows on screen and prints through `printer:print`.
 */
import {
  type ReceiptColumns,
  type ReceiptLine,
  centered,
  leftRight,
  wrapText,
} from '@till/shared/domain/receipt-layout';
import { type OrderPickup, type WebOrder, remainingUnits } from '@till/shared/schemas/web-order';
import { orderQrPrefix } from './pickup-verify';

/** Pads `text` to exactly `width` columns (the layout's lines are always full width). */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));

/** The pickup receipt for hand-over `pickup` of `order` (after it), at `columns` characters. */
export function layoutPickupSlip(
  order: WebOrder,
  pickup: OrderPickup,
  columns: ReceiptColumns,
): ReceiptLine[] {
  const out: ReceiptLine[] = [];
  const add = (texts: string[], style?: ReceiptLine['style']) => {
    for (const t of texts)
      out.push({ text: pad(t, style === 'double' ? columns / 2 : columns), ...(style && { style }) });
  };
  const rule = () => add(['-'.repeat(columns)]);
  add(centered('WEB ORDER PICKUP', columns / 2), 'double');
  add(leftRight('Order', order.number, columns), 'bold');
  add(wrapText(`Customer: ${order.customer.name}`, columns));
  add(leftRight('Collected', new Date(pickup.at).toLocaleString(), columns));
  rule();
  const names = new Map(order.lines.map((l) => [l.lineId, l.name]));
  for (const line of pickup.lines)
    add(leftRight(names.get(line.lineId) ?? line.lineId, `x${line.qty}`, columns));
  const left = [...remainingUnits(order)].filter(([, n]) => n > 0);
  rule();
  if (left.length === 0) add(centered('Order complete - thank you!', columns));
  else {
    add(['Still waiting for you:']);
    for (const [lineId, n] of left) add(leftRight(names.get(lineId) ?? lineId, `x${n}`, columns, '  '));
  }
  add(centered('Paid online', columns));
  out.push({ text: ' '.repeat(columns), kind: 'qr', data: `${orderQrPrefix}${order.number}` });
  out.push({ text: ' '.repeat(columns), kind: 'cut' });
  return out;
}
