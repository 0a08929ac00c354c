/**
 * What a two-line pole display shows for each `DisplayState` the register publishes: a welcome with the
 * store's name when idle, the last item scanned with its price over the total during a sale, and what was
 * paid over the change due after one. Amounts are formatted as the register formats them (locale and
 * currency), then made ASCII for the display.
 */
import { formatMoney, minorUnitDigits } from '@till/shared/domain/money';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import { centred, leftRight, toDisplayAscii } from './text';

/** The words on the display. English by default; a store may pass its own. */
export interface DisplayWords {
  welcome: string;
  total: string;
  paid: string;
  change: string;
}

/** The default words. */
export const englishDisplayWords: DisplayWords = {
  welcome: 'Welcome',
  total: 'TOTAL',
  paid: 'Paid',
  change: 'CHANGE',
};

/**
 * `amount` as the register shows it, in ASCII. Where the locale's format has a symbol the display cannot
 * show as such (`€`, `₹`…), the ISO code takes its place (`12,50 EUR`), as `Intl` places codes.
 */
export function displayMoney(amount: number, currency: string, locale: string): string {
  let text: string;
  try {
    text = formatMoney(amount, currency, locale);
  } catch {
    // An unknown locale: fall back to the register's default rather than show nothing.
    text = formatMoney(amount, currency);
    locale = 'en-US';
  }
  const plain = text.replace(/[\s\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
  if (/^[ -~]+$/.test(plain)) return plain;
  const digits = minorUnitDigits(currency);
  const coded = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Split off the number and reuse the register's digits, so both spellings agree to the cent.
  const number = formatMoney(amount, currency, locale)
    .replace(/[^\d.,\-\u2212'\s\u00a0\u202f]/g, '')
    .trim();
  const parts = coded.formatToParts(0);
  const codeFirst =
    parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  return toDisplayAscii(codeFirst ? `${currency} ${number}` : `${number} ${currency}`);
}

/** The two lines for `state` on a display `columns` wide. */
export function formatDisplayState(
  state: DisplayState,
  columns = 20,
  words: DisplayWords = englishDisplayWords,
): [string, string] {
  const w = {
    welcome: toDisplayAscii(words.welcome),
    total: toDisplayAscii(words.total),
    paid: toDisplayAscii(words.paid),
    change: toDisplayAscii(words.change),
  };
  switch (state.kind) {
    case 'idle':
      return [centred(w.welcome, columns), centred(toDisplayAscii(state.storeName ?? ''), columns)];
    case 'cart': {
      const money = (amount: number) => displayMoney(amount, state.currency, state.locale);
      const total = leftRight(w.total, money(state.totals.gross), columns);
      const last = state.lines.at(-1);
      if (!last) return [' '.repeat(columns), total];
      const qty = last.qty === 1 ? '' : `${last.qty}x `;
      return [leftRight(toDisplayAscii(`${qty}${last.name}`), money(last.gross), columns), total];
    }
    case 'change': {
      const money = (amount: number) => displayMoney(amount, state.currency, state.locale);
      return [
        leftRight(w.paid, money(state.paid), columns),
        leftRight(w.change, money(state.change), columns),
      ];
    }
  }
}
