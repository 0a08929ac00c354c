import { describe, expect, it } from 'vitest';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import { displayMoney, formatDisplayState } from './format';
import { fitColumns, toDisplayAscii } from './text';

const line = (name: string, gross: number, qty = 1) => ({
  lineId: `l-${name}`,
  name,
  qty,
  unitPrice: gross / qty,
  discount: 0,
  gross,
});

const cart = (
  currency: string,
  locale: string,
  lines: ReturnType<typeof line>[],
  gross: number,
): DisplayState => ({
  kind: 'cart',
  currency,
  locale,
  lines,
  totals: { net: gross, tax: 0, gross, discount: 0 },
});

describe('formatDisplayState', () => {
  it('welcomes with the store name, centred, when idle', () => {
    expect(formatDisplayState({ kind: 'idle', storeName: 'Corner Shop' })).toEqual([
      '      Welcome       ',
      '    Corner Shop     ',
    ]);
    expect(formatDisplayState({ kind: 'idle', storeName: null })[1]).toBe(' '.repeat(20));
  });

  it('shows the last item with its price over the total, each line exactly 20 columns', () => {
    const state = cart('USD', 'en-US', [line('Coffee beans 1kg', 1899), line('Oat milk', 398, 2)], 2297);
    expect(formatDisplayState(state)).toEqual(['2x Oat milk    $3.98', 'TOTAL         $22.97']);
    expect(formatDisplayState(cart('USD', 'en-US', [], 0))).toEqual([' '.repeat(20), 'TOTAL          $0.00']);
  });

  it('cuts a long item name before the price, and transliterates it', () => {
    const state = cart('EUR', 'de-DE', [line('Großer Crème-brûlée-Becher', 1250)], 1250);
    const [first, second] = formatDisplayState(state);
    expect(first).toBe('Grosser Cr 12,50 EUR');
    expect(second).toBe('TOTAL      12,50 EUR');
  });

  it('shows what was paid and the change due after a sale', () => {
    expect(
      formatDisplayState({
        kind: 'change',
        currency: 'GBP',
        locale: 'en-GB',
        total: 1730,
        paid: 2000,
        change: 270,
      }),
    ).toEqual(['Paid       GBP 20.00', 'CHANGE      GBP 2.70']);
  });

  it('fits other widths', () => {
    const [a, b] = formatDisplayState(cart('JPY', 'ja-JP', [line('Tea', 450)], 450), 16);
    expect(a).toHaveLength(16);
    expect(b).toBe('TOTAL    JPY 450');
  });
});

describe('display text', () => {
  it('keeps ASCII, spells currency symbols, drops accents and marks the rest', () => {
    expect(toDisplayAscii('Café – 5 € ×2 ✓')).toBe('Cafe - 5 EUR x2 ?');
    expect(toDisplayAscii('a\tb\nc')).toBe('a b c');
    expect(displayMoney(-1234, 'USD', 'en-US')).toBe('-$12.34');
    expect(displayMoney(1234, 'EUR', 'fr-FR')).toBe('12,34 EUR');
    expect(displayMoney(1234, 'USD', 'not a locale')).toBe('$12.34');
    expect(fitColumns('abc', 5)).toBe('abc  ');
  });
});
