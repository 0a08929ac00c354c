import { describe, expect, it } from 'vitest';
import { layoutReceipt, receiptColumns } from '@till/shared/domain/receipt-layout';
import { buildReceipt } from '@till/shared/domain/receipt-model';
import { aStoreSettings } from '../../../test/support/domain-fixtures';
import { makeSale } from '../../../test/support/sales';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';

// The real handler map, as Electron main and the host build it; the printer channels touch no files.
const handlers = createIpcHandlers({
  version: '1.2.3',
  mode: 'browser',
  platform: 'linux',
  dataDir: '/nonexistent/till-printer-test',
  demoEnrollment: null,
});

const receiptLines = [
  { text: 'Till Downtown'.padEnd(42), style: 'center' as const },
  { text: ' '.repeat(42), kind: 'barcode' as const, data: 'S1-R1-000042' },
  { text: ' '.repeat(42), kind: 'cut' as const },
];

describe('printer channels through dispatchIpc', () => {
  it('printer:status says no printer is set up', async () => {
    expect(await dispatchIpc(handlers, 'printer:status', undefined)).toEqual({
      ok: true,
      value: {
        configured: false,
        message: 'No receipt printer is set up; the receipt is on screen.',
        columns: null,
        virtual: false,
        online: false,
        faults: [],
      },
    });
  });

  it('printer:print answers printer_not_configured for a well-formed receipt', async () => {
    expect(await dispatchIpc(handlers, 'printer:print', { lines: receiptLines, columns: 42 })).toEqual({
      ok: false,
      error: {
        code: 'printer_not_configured',
        message: 'No receipt printer is set up; the receipt is on screen.',
      },
    });
  });

  it('accepts every laid-out receipt as a print job at each width (then says there is no printer)', async () => {
    // A header wider than the narrowest paper, so that layout has to wrap it.
    const settings = aStoreSettings({
      taxRates: [{ code: 'std', name: 'Sales tax', ratePpm: 88_750 }],
      receiptHeader: ['Till Downtown'.repeat(3)],
      receiptFooter: ['Returns within 30 days'],
    });
    const sale = makeSale('store-1', [{ sku: 'A', qty: 3 }], { number: 'S1-R1-000042' }, { taxPerUnit: 9 });
    const receipt = buildReceipt(sale, { settings, registerName: 'Till 1', clerkName: 'Ada', reprint: true });
    for (const columns of receiptColumns) {
      const lines = layoutReceipt(receipt, columns);
      const result = await dispatchIpc(handlers, 'printer:print', { lines, columns });
      expect(result).toMatchObject({ ok: false, error: { code: 'printer_not_configured' } });
    }
  });

  it('printer:drawer answers printer_not_configured', async () => {
    const result = await dispatchIpc(handlers, 'printer:drawer', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'printer_not_configured' } });
  });

  it('refuses malformed print jobs before the handler runs', async () => {
    const bad = [
      undefined,
      { lines: [], columns: 42 },
      { lines: receiptLines, columns: 40 },
      { lines: [{ text: 'x'.repeat(49) }], columns: 48 },
      { lines: [{ text: 'ok', kind: 'laser' }], columns: 32 },
      { lines: receiptLines, columns: 42, copies: 3 },
    ];
    for (const payload of bad) {
      const result = await dispatchIpc(handlers, 'printer:print', payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(await dispatchIpc(handlers, 'printer:drawer', { open: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});
