/**
 * Counting the drawer: one number field per bill and coin of the store's currency, each with its line total,
 * and the sum. A currency whose denominations Till does not list yet gets one amount field instead.
 */
import { useId } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { cashDenominations, countTotal } from '@till/shared/domain/shift-report';
import type { DenominationCount } from '@till/shared/schemas/shift';
import { parseMoneyInput } from './money-input';

/** What is being counted: pieces per denomination (keyed by value in minor units) or a single amount. */
export type CountState = Record<number, string>;

/** The counts as the shift stores them (blank and invalid fields count as none). */
export function countsOf(state: CountState, currency: string): DenominationCount[] {
  return cashDenominations(currency).map((denomination) => {
    const n = Number(state[denomination] ?? '');
    return { denomination, count: Number.isSafeInteger(n) && n > 0 ? n : 0 };
  });
}

/** The counted total: the sum of the grid, or the single amount field (key 0); null when unreadable. */
export function countedTotal(state: CountState, currency: string): number | null {
  if (cashDenominations(currency).length === 0) return parseMoneyInput(state[0] ?? '', currency);
  return countTotal(countsOf(state, currency));
}

/** The label of a denomination: "$20 bills", "25¢ coins". */
function denominationLabel(value: number, currency: string, locale: string): string {
  const coin = currency === 'USD' && value < 100;
  const name = coin ? `${value}¢` : formatMoney(value, currency, locale).replace(/\.00$/, '');
  return `${name} ${coin ? 'coins' : 'bills'}`;
}

/** The grid. `label` names the group ("Opening float", "Closing count"). */
export function CountGrid({
  label,
  currency,
  locale,
  state,
  onChange,
}: {
  label: string;
  currency: string;
  locale: string;
  state: CountState;
  onChange: (next: CountState) => void;
}) {
  const id = useId();
  const denominations = cashDenominations(currency);
  const total = countedTotal(state, currency);
  if (denominations.length === 0) {
    return (
      <div className="count-grid" role="group" aria-label={label}>
        <label htmlFor={`${id}-amount`}>Counted amount</label>
        <input
          id={`${id}-amount`}
          className="count-input"
          inputMode="decimal"
          value={state[0] ?? ''}
          onChange={(e) => onChange({ ...state, 0: e.target.value })}
        />
      </div>
    );
  }
  return (
    <div className="count-grid" role="group" aria-label={label}>
      {denominations.map((d) => {
        const name = denominationLabel(d, currency, locale);
        const n = Number(state[d] ?? '');
        const line = Number.isSafeInteger(n) && n > 0 ? n * d : 0;
        return (
          <div className="count-row" key={d}>
            <label htmlFor={`${id}-${d}`}>{name}</label>
            <input
              id={`${id}-${d}`}
              className="count-input"
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              value={state[d] ?? ''}
              onChange={(e) => onChange({ ...state, [d]: e.target.value })}
            />
            <span className="count-line-total" aria-hidden="true">
              {formatMoney(line, currency, locale)}
            </span>
          </div>
        );
      })}
      <p className="count-total" role="status" aria-label={`${label} total`}>
        {formatMoney(total ?? 0, currency, locale)}
      </p>
    </div>
  );
}
