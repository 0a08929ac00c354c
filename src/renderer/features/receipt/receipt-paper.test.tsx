import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computeShiftReport } from '@till/shared/domain/shift-report';
import { aShift } from '../../../../test/support/domain-fixtures';
import { ShiftReportView } from '../shift/shift-report-view';
import { ReceiptPaper } from './receipt-paper';

const render = (node: ReactNode) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

/** Still open, so its report is the mid-shift X report. */
const shift = aShift({ status: 'open' });

describe('ReceiptPaper (server-rendered markup)', () => {
  it('shows the lines as paper named by its label, with its Print button', () => {
    const html = render(
      <ReceiptPaper
        label="Z report"
        lines={[{ text: 'Z REPORT', style: 'bold' }, { text: 'Total      $1.00' }, { text: '', kind: 'cut' }]}
        printLabel="Print Z report"
      />,
    );
    expect(html).toContain('<section class="receipt-paper" aria-label="Z report">');
    expect(html).toContain('<div class="receipt-line receipt-line-bold">Z REPORT</div>');
    expect(html).toContain('<div class="receipt-line">Total      $1.00</div>');
    expect(html).toContain('class="receipt-cut" aria-hidden="true"');
    expect(html).toMatch(/<button[^>]*>Print Z report<\/button>/);
    expect(html).not.toContain('aria-keyshortcuts');
  });

  it('shows Ctrl+P on the button only when that key prints it', () => {
    const html = render(<ReceiptPaper label="Receipt 1" lines={[]} printLabel="Print" printHotkey />);
    expect(html).toContain('aria-keyshortcuts="Control+P"');
    expect(html).toContain('Print <kbd>Ctrl+P</kbd>');
  });

  it('is what the shift report draws on, with the shift report’s own class', () => {
    const html = render(
      <ShiftReportView report={computeShiftReport(shift, [])} locale="en-US" storeName="Till Downtown" />,
    );
    expect(html).toContain(
      '<div class="receipt shift-report"><section class="receipt-paper" aria-label="X report">',
    );
    expect(html).toMatch(/<div class="receipt-line[^"]*"> *X REPORT - MID-SHIFT *<\/div>/);
    expect(html).toMatch(/<button[^>]*>Print X report<\/button>/);
  });
});
