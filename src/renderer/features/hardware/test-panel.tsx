/**
 * The Hardware screen's tests: a line of text, the test page (with barcode, QR code and cut), open the
 * drawer, and a greeting on the pole display; each answers in words. Below, the scan test: the last scan
 * from any driven scanner, live, with its symbology.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ScanEvent } from '@till/shared/devices/records';
import type { IpcRequest } from '@till/shared/ipc/contract';
import { runTest } from './queries';

type Test = IpcRequest<'hardware:test'>;

const tests: { label: string; test: Test }[] = [
  { label: 'Test print', test: { role: 'printer', kind: 'print' } },
  { label: 'Print test page', test: { role: 'printer', kind: 'page' } },
  { label: 'Open drawer', test: { role: 'drawer', kind: 'drawer' } },
  { label: 'Test display', test: { role: 'display', kind: 'display' } },
];

/** A symbology's name; a scanner that sends no AIM identifier cannot tell it. */
function symbologyWords(symbology: ScanEvent['symbology']): string {
  return symbology === 'unknown' ? 'symbology not reported' : symbology.toUpperCase();
}

/** The test buttons and the live scan test. */
export function TestPanel() {
  const test = useMutation({ mutationFn: runTest });
  const [lastScan, setLastScan] = useState<ScanEvent | null>(null);
  useEffect(() => window.till.on('scanner:scan', setLastScan), []);

  return (
    <section className="panel hardware-panel" aria-labelledby="hardware-tests-title">
      <h3 id="hardware-tests-title">Tests</h3>
      <div className="hardware-actions">
        {tests.map(({ label, test: t }) => (
          <button
            key={label}
            type="button"
            className="button"
            disabled={test.isPending}
            onClick={() => test.mutate(t)}
          >
            {label}
          </button>
        ))}
      </div>
      <p role="status" aria-label="Test result">
        {test.isPending ? 'Testing…' : test.isError ? test.error.message : (test.data ?? '')}
      </p>
      <h4>Scan test</h4>
      <p role="status" aria-label="Last scan">
        {lastScan
          ? `${lastScan.data} (${symbologyWords(lastScan.symbology)}${lastScan.aim ? `, AIM ${lastScan.aim}` : ''})`
          : 'Scan a barcode with a set-up scanner: it shows here.'}
      </p>
    </section>
  );
}
