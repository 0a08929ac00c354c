/**
 * The `printer` channels as the paper panel calls them (a react-query mutation in receipt-paper.tsx): at the
 * printer's own width when the paper can be laid out again (a receipt), else at the width it was laid out
 * for (a report), answered in the clerk's words ("Receipt printed.", held and why, no printer set up).
 */
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { printAtPrinterWidth } from '../hardware/receipt-printing';

/** Prints one paper and answers what became of it, in words; never throws. */
export async function printReceipt(
  lines: ReceiptLine[],
  columns: ReceiptColumns,
  layoutFor?: (columns: ReceiptColumns) => ReceiptLine[],
): Promise<string> {
  const outcome = await printAtPrinterWidth(layoutFor ?? (() => lines), {
    ...(layoutFor ? {} : { columns }),
  });
  return outcome.message;
}
