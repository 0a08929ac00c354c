/**
 * The receipt on screen: the same lines a 80 mm printer prints (42 columns) in a monospace "paper" panel,
 * with the barcode and QR code drawn as SVG, and a Print button (Ctrl+P) that sends the lines to
 * `printer:print` and says what came back in words — today that no printer is set up.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { layoutReceipt } from '@till/shared/domain/receipt-layout';
import { type ReceiptContext, buildReceipt } from '@till/shared/domain/receipt-model';
import type { SaleDocument } from '@till/shared/schemas/sale';
import { BarcodeSvg, QrSvg } from './code-svgs';
import { printReceipt } from './queries';

/** The on-screen width: the 80 mm printers' common 42 columns. */
export const screenColumns: ReceiptColumns = 42;

/** A sale or return and what its receipt needs (settings, names, `reprint`). */
export interface ReceiptViewProps extends ReceiptContext {
  sale: SaleDocument;
}

/** The class names of one line, from its style. */
export function lineClassName(line: ReceiptLine): string {
  return line.style ? `receipt-line receipt-line-${line.style}` : 'receipt-line';
}

function PaperLine({ line }: { line: ReceiptLine }) {
  if (line.kind === 'barcode' && line.data) return <BarcodeSvg data={line.data} />;
  if (line.kind === 'qr' && line.data) return <QrSvg data={line.data} />;
  if (line.kind === 'cut') return <div className="receipt-cut" aria-hidden="true" />;
  return <div className={lineClassName(line)}>{line.text}</div>;
}

/** One receipt, on screen, with a Print button. */
export function ReceiptView({ sale, ...context }: ReceiptViewProps) {
  const receipt = buildReceipt(sale, context);
  const lines = layoutReceipt(receipt, screenColumns);
  const print = useMutation({ mutationFn: () => printReceipt(lines, screenColumns) });
  const { mutate } = print;

  useEffect(() => {
    // Ctrl+P prints the receipt rather than the page.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        mutate();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mutate]);

  return (
    <div className="receipt">
      <section className="receipt-paper" aria-label={`Receipt ${receipt.number}`}>
        {lines.map((line, i) => (
          <PaperLine key={i} line={line} />
        ))}
      </section>
      <div className="receipt-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts="Control+P"
          disabled={print.isPending}
          onClick={() => print.mutate()}
        >
          Print <kbd>Ctrl+P</kbd>
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
