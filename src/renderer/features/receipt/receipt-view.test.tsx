import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { aStoreSettings } from '../../../../test/support/domain-fixtures';
import { makeSale } from '../../../../test/support/sales';
import { ReceiptView, lineClassName } from './receipt-view';

const settings = aStoreSettings({
  locale: 'en-US',
  taxRates: [{ code: 'std', name: 'Sales tax 8.875%', ratePpm: 88_750 }],
  receiptFooter: ['Returns within 30 days'],
});

const sale = makeSale(
  'store-1',
  [{ sku: 'MUG', qty: 2 }],
  { number: 'S1-R1-000042' },
  { unitPrice: 1999, taxPerUnit: 177 },
);

function render(reprint: boolean): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <ReceiptView sale={sale} settings={settings} registerName="Till 1" clerkName="Ada" reprint={reprint} />
    </QueryClientProvider>,
  );
}

describe('ReceiptView (server-rendered markup)', () => {
  it('names the paper after the receipt number and draws both codes as images', () => {
    const html = render(false);
    expect(html).toContain('aria-label="Receipt S1-R1-000042"');
    expect(html).toContain('aria-label="Barcode S1-R1-000042"');
    expect(html).toContain(`aria-label="QR code till:sale:${sale.id}"`);
    expect(html).toMatch(/Total +\$43\.52/);
    expect(html).toContain('Print <kbd>Ctrl+P</kbd>');
    expect(html).not.toContain('REPRINT');
  });

  it('shows the REPRINT banner when asked', () => {
    expect(render(true)).toContain('*** REPRINT ***');
  });

  it('styles lines from their style', () => {
    expect(lineClassName({ text: 'x' })).toBe('receipt-line');
    expect(lineClassName({ text: 'x', style: 'bold' })).toBe('receipt-line receipt-line-bold');
  });
});
