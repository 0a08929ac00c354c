/**
 * The `printer` channels as the receipt calls them (a react-query mutation in receipt-view.tsx).
 */
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { unwrapIpc } from '../../lib/ipc-query';

/** Sends one receipt to `printer:print`; throws its coded error (`printer_not_configured` today). */
export async function printReceipt(lines: ReceiptLine[], columns: ReceiptColumns): Promise<void> {
  unwrapIpc(await window.till.invoke('printer:print', { lines, columns }));
}
