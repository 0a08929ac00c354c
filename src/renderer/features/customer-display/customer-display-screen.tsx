/**
 * The customer display page (`#display`): a second window in Electron, a second page in browser mode. It
 * never opens the replica: it asks for the latest state once (`display:current`) and then follows
 * `display:update` events, showing the lines and totals as they happen, the change due after a sale, and a
 * welcome when idle. Large type, high contrast, readable from across the counter.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import { formatMoney } from '@till/shared/domain/money';
import { fetchCurrentDisplay } from './queries';

/** The whole display page. */
export function CustomerDisplayScreen() {
  const [state, setState] = useState<DisplayState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    // Subscribe first, so an update sent while the current state is asked for is not lost.
    const off = window.till.on('display:update', (next) => {
      live = false;
      setState(next);
    });
    fetchCurrentDisplay()
      .then((current) => {
        if (live) setState(current);
      })
      .catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
    return off;
  }, []);

  return (
    <main className="customer-display" aria-label="Customer display">
      {problem && !state && (
        <p className="customer-display-problem" role="alert">
          {problem}
        </p>
      )}
      {state && <DisplayBody state={state} />}
    </main>
  );
}

function DisplayBody({ state }: { state: DisplayState }) {
  if (state.kind === 'idle') {
    return (
      <section className="customer-welcome" aria-label="Welcome">
        <h1>Welcome{state.storeName ? ` to ${state.storeName}` : ''}</h1>
        <p>Your items will appear here as they are scanned.</p>
      </section>
    );
  }
  const money = (amount: number) => formatMoney(amount, state.currency, state.locale);
  if (state.kind === 'change') {
    return (
      <section className="customer-change" aria-label="Thank you">
        <h1>Thank you!</h1>
        <dl className="customer-totals">
          <Amount label="Total">{money(state.total)}</Amount>
          <Amount label="Paid">{money(state.paid)}</Amount>
          <Amount label="Change" className="customer-change-due">
            {money(state.change)}
          </Amount>
        </dl>
      </section>
    );
  }
  return (
    <section className="customer-cart" aria-label="Your items">
      <ul className="customer-lines" aria-label="Items">
        {state.lines.map((line) => (
          <li key={line.lineId} className="customer-line">
            <span className="customer-line-name">
              {line.qty !== 1 && <span className="customer-line-qty">{line.qty} × </span>}
              {line.name}
            </span>
            <span className="customer-line-amount">{money(line.gross)}</span>
            {line.discount !== 0 && (
              <span className="customer-line-discount">You save {money(line.discount)}</span>
            )}
          </li>
        ))}
      </ul>
      <dl className="customer-totals">
        {state.totals.discount !== 0 && <Amount label="You save">{money(state.totals.discount)}</Amount>}
        <Amount label="Tax">{money(state.totals.tax)}</Amount>
        <Amount label="Total" className="customer-total">
          {money(state.totals.gross)}
        </Amount>
      </dl>
    </section>
  );
}

/** One labelled amount: a group named by its term, so a screen reader (and a test) finds it by name. */
function Amount({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className={className} role="group" aria-labelledby={id}>
      <dt id={id}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
