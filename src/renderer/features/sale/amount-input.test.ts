import { describe, expect, it } from 'vitest';
import { parseMoneyInput, parsePercentInput } from './amount-input';
import { readScannerTuning } from './scanner-tuning';

describe('what the clerk types', () => {
  it('reads amounts exactly in the currency’s minor units', () => {
    expect(parseMoneyInput('2.50', 'USD')).toEqual({ ok: true, value: 250 });
    expect(parseMoneyInput('2,5', 'EUR')).toEqual({ ok: true, value: 250 });
    expect(parseMoneyInput('19.99', 'USD')).toEqual({ ok: true, value: 1999 });
    expect(parseMoneyInput('250', 'JPY')).toEqual({ ok: true, value: 250 });
    for (const bad of ['', '-1', '1.999', 'abc', '1e3', '2.5.0']) {
      expect(parseMoneyInput(bad, 'USD').ok).toBe(false);
    }
    expect(parseMoneyInput('1.5', 'JPY').ok).toBe(false);
  });

  it('reads percentages as basis points, 0–100 %', () => {
    expect(parsePercentInput('30')).toEqual({ ok: true, value: 3000 });
    expect(parsePercentInput('12.5')).toEqual({ ok: true, value: 1250 });
    expect(parsePercentInput('100')).toEqual({ ok: true, value: 10_000 });
    expect(parsePercentInput('100.01').ok).toBe(false);
    expect(parsePercentInput('0.001').ok).toBe(false);
  });

  it('reads the scanner tuning, ignoring what does not validate', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(readScannerTuning(storage(null))).toEqual({});
    expect(readScannerTuning(storage('{"maxGapMs":60,"timeoutMs":150}'))).toEqual({
      maxGapMs: 60,
      timeoutMs: 150,
    });
    expect(readScannerTuning(storage('{"maxGapMs":60}'))).toEqual({ maxGapMs: 60, timeoutMs: 120 });
    expect(readScannerTuning(storage('{"maxGapMs":-1}'))).toEqual({});
    expect(readScannerTuning(storage('not json'))).toEqual({});
  });
});
