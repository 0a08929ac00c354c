/**
 * An X or Z report on screen: the receipt-like lines of `layoutShiftReport` at the screen's 42 columns in
 * the receipt's "paper" panel, and Print, which tries `printer:print` and says what came back in words (the
 * Z report tries it by itself when shown).
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type ShiftReport, layoutShiftReport } from '@till/shared/domain/shift-report';
import { printReceipt } from '../receipt/queries';
import { lineClassName, screenColumns } from '../receipt/receipt-view';

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
  /** Tries the printer once when shown (the Z report at close): paper is the record a manager files. */
  printOnShow?: boolean;
}) {
  const lines = layoutShiftReport(report, {
    columns: screenColumns,
    locale,
    storeName,
    formatTime: timeFormatter(locale),
    ...(clerkName ? { clerkName } : {}),
  });
  const print = useMutation({ mutationFn: () => printReceipt(lines, screenColumns) });
  const name = report.kind === 'Z' ? 'Z report' : 'X report';
  const printed = useRef(false);
  const { mutate } = print;
  useEffect(() => {
    // Once only, even when React runs the effect twice: a second copy would waste paper.
    if (!printOnShow || printed.current) return;
    printed.current = true;
    mutate();
  }, [printOnShow, mutate]);
  return (
    <div className="receipt shift-report">
      <section className="receipt-paper" aria-label={name}>
        {lines.map((line, i) => (
          <div key={i} className={lineClassName(line)}>
            {line.text}
          </div>
        ))}
      </section>
      <div className="receipt-actions">
        <button type="button" className="button" disabled={print.isPending} onClick={() => print.mutate()}>
          Print {name}
        </button>
        {print.isError && (
          <p className="receipt-print-result" role="status" aria-label="Print result">
            {print.error.message}
          </p>
        )}
        {print.isSuccess && (
          <p className="receipt-print-result" role="status" aria-label="Print result">
            Printed.
          </p>
        )}
      </div>
    </div>
  );
}
