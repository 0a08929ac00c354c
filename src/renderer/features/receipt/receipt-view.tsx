/**
 * The receipt on screen: a sale's or return's receipt laid out as a 80 mm printer prints it (42 columns) on
 * the register's paper panel (receipt-paper.tsx), with its barcode and QR code and a Print button (Ctrl+P).
 */
import { layoutReceipt } from '@till/shared/domain/receipt-layout';
import { type ReceiptContext, buildReceipt } from '@till/shared/domain/receipt-model';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { ReceiptPaper, screenColumns } from './receipt-paper';

export { lineClassName, screenColumns } from './receipt-paper';

/** A sale or return and what its receipt needs (settings, names, `reprint`). */
export interface ReceiptViewProps extends ReceiptContext {
  sale: SaleDocument;
}

/** One receipt, on screen, with a Print button. */
export function ReceiptView({ sale, ...context }: ReceiptViewProps) {
  const receipt = buildReceipt(sale, context);
  return (
    <ReceiptPaper
      label={`Receipt ${receipt.number}`}
      lines={layoutReceipt(receipt, screenColumns)}
      layoutFor={(columns) => layoutReceipt(receipt, columns)}
      printLabel="Print"
      printHotkey
    />
  );
}
