/**
 * The one "paper" panel of the register: laid-out receipt lines (a sale's receipt, an X or Z report) at the
 * screen's 42 columns in a monospace strip, with the barcode and QR code drawn as SVG, and a Print button
 * that sends the paper to `printer:print` (at the printer's width when it can be laid out again) and says
 * what came back in words (printed, held and why, or that no printer is set up). Optionally Ctrl+P prints too, and the paper may try the printer by itself once when shown.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { BarcodeSvg, QrSvg } from './code-svgs';
import { printReceipt } from './queries';

/** The on-screen width: the 80 mm printers' common 42 columns. */
export const screenColumns: ReceiptColumns = 42;

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

/** Props of the paper panel. */
export interface ReceiptPaperProps {
  /** The paper's accessible name ("Receipt S1-R1-000042", "Z report"). */
  label: string;
  /** The lines laid out at `screenColumns`. */
  lines: ReceiptLine[];
  /** Lays the paper out again at another width, so Print fits the printer's paper; absent: as shown. */
  layoutFor?: (columns: ReceiptColumns) => ReceiptLine[];
  /** The Print button's words ("Print", "Print Z report"). */
  printLabel: string;
  /** Ctrl+P prints this paper rather than the page (one paper on screen at a time has it). */
  printHotkey?: boolean;
  /** Tries the printer once when shown (the Z report at close: paper is the record a manager files). */
  printOnShow?: boolean;
  /** An extra class for the whole panel. */
  className?: string;
}

/** Laid-out lines on screen as paper, with a Print button and its result in words. */
export function ReceiptPaper({
  label,
  lines,
  layoutFor,
  printLabel,
  printHotkey = false,
  printOnShow = false,
  className,
}: ReceiptPaperProps) {
  const print = useMutation({ mutationFn: () => printReceipt(lines, screenColumns, layoutFor) });
  const { mutate } = print;
  const printed = useRef(false);

  useEffect(() => {
    if (!printHotkey) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        mutate();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [printHotkey, mutate]);

  useEffect(() => {
    // Once only, even when React runs the effect twice: a second copy would waste paper.
    if (!printOnShow || printed.current) return;
    printed.current = true;
    mutate();
  }, [printOnShow, mutate]);

  return (
    <div className={className ? `receipt ${className}` : 'receipt'}>
      <section className="receipt-paper" aria-label={label}>
        {lines.map((line, i) => (
          <PaperLine key={i} line={line} />
        ))}
      </section>
      <div className="receipt-actions">
        <button
          type="button"
          className="button"
          aria-keyshortcuts={printHotkey ? 'Control+P' : undefined}
          disabled={print.isPending}
          onClick={() => print.mutate()}
        >
          {printLabel}
          {printHotkey && (
            <>
              {' '}
              <kbd>Ctrl+P</kbd>
            </>
          )}
        </button>
        {print.isError && (
          <p className="receipt-print-result" role="status" aria-label="Print result">
            {print.error.message}
          </p>
        )}
        {print.isSuccess && (
          <p className="receipt-print-result" role="status" aria-label="Print result">
            {print.data}
          </p>
        )}
      </div>
    </div>
  );
}
