/**
 * An X or Z report on screen: the receipt-like lines of `layoutShiftReport` at the screen's 42 columns on
 * the register's paper panel (features/receipt/receipt-paper.tsx), with Print (the Z report tries the
 * printer by itself when shown).
 */
import { type ShiftReport, layoutShiftReport } from '@till/shared/domain/shift-report';
import { ReceiptPaper, screenColumns } from '../receipt/receipt-paper';

/** Formats a report's times in the store's locale and this machine's time zone. */
function timeFormatter(locale: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}

/** The report and its Print button. */
export function ShiftReportView({
  report,
  locale,
  storeName,
  clerkName,
  printOnShow = false,
}: {
  report: ShiftReport;
  locale: string;
  storeName: string;
  clerkName?: string;
  /** Tries the printer once when shown (the Z report at close). */
  printOnShow?: boolean;
}) {
  const lines = layoutShiftReport(report, {
    columns: screenColumns,
    locale,
    storeName,
    formatTime: timeFormatter(locale),
    ...(clerkName ? { clerkName } : {}),
  });
  const name = report.kind === 'Z' ? 'Z report' : 'X report';
  return (
    <ReceiptPaper
      label={name}
      lines={lines}
      printLabel={`Print ${name}`}
      printOnShow={printOnShow}
      className="shift-report"
    />
  );
}
