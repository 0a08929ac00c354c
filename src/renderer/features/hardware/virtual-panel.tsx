/**
 * What the virtual twins show, for a demo or test register: the virtual printer's last receipt (its plain
 * text in a monospace block — React escapes it, so nothing the printer received can run as markup), how
 * often the drawer was kicked, the printer's simulated conditions (paper out, cover open), the pole
 * display's two lines, and "Simulate scan", which types a barcode into the virtual serial scanner.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { hardwareKeys, setVirtualPrinter, simulateScan, useVirtualHardware } from './queries';

/** The twins' panel; polls their state while shown. */
export function VirtualPanel() {
  const queryClient = useQueryClient();
  const virtual = useVirtualHardware(true);
  const [code, setCode] = useState('');
  const scan = useMutation({ mutationFn: simulateScan, onSuccess: () => setCode('') });
  const condition = useMutation({
    mutationFn: setVirtualPrinter,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hardwareKeys.all }),
  });
  const state = virtual.data;
  const last = state?.printer.receipts.at(-1);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '') scan.mutate(code.trim());
  };

  return (
    <section className="panel hardware-panel hardware-virtual" aria-labelledby="hardware-virtual-title">
      <h3 id="hardware-virtual-title">
        Virtual hardware <span className="badge badge-virtual">Virtual</span>
      </h3>
      {virtual.isError && <p role="alert">{virtual.error.message}</p>}
      {state && (
        <>
          <p aria-label="Drawer kicks">Drawer kicks: {state.printer.kicks}</p>
          <div className="hardware-actions">
            <label className="hardware-check">
              <input
                type="checkbox"
                checked={state.printer.condition.paperOut}
                disabled={condition.isPending}
                onChange={(e) => condition.mutate({ paperOut: e.target.checked })}
              />
              Paper out
            </label>
            <label className="hardware-check">
              <input
                type="checkbox"
                checked={state.printer.condition.coverOpen}
                disabled={condition.isPending}
                onChange={(e) => condition.mutate({ coverOpen: e.target.checked })}
              />
              Cover open
            </label>
          </div>
          <div
            className="pole-display"
            role="img"
            aria-label={`Pole display: ${state.display.lines.join(' / ')}`}
          >
            <div>{state.display.lines[0] || ' '}</div>
            <div>{state.display.lines[1] || ' '}</div>
          </div>
          <h4>Last printed receipt</h4>
          {last ? (
            <pre className="virtual-receipt" aria-label="Last printed receipt">
              {last.text}
            </pre>
          ) : (
            <p>Nothing printed yet.</p>
          )}
        </>
      )}
      <form className="hardware-actions" onSubmit={send}>
        <label htmlFor="simulate-scan">Simulate scan</label>
        <input
          id="simulate-scan"
          className="text-field"
          value={code}
          maxLength={256}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value.replace(/[^\x20-\x7e]/g, ''))}
        />
        <button type="submit" className="button" disabled={code.trim() === '' || scan.isPending}>
          Send scan
        </button>
      </form>
      {scan.isError && <p role="alert">{scan.error.message}</p>}
    </section>
  );
}
