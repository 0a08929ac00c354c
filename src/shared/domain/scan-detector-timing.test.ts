/**
 * Pins the scan detector's timing limits exactly: a gap of exactly `maxGapMs` is fast, a gap of exactly
 * `timeoutMs` ends the burst, `flush` takes a burst of exactly `minLength` as a scan, and the tolerated
 * late key is counted per burst, never before one starts.
 */
import { describe, expect, it } from 'vitest';
import { type ScanDetector, createScanDetector } from './scan-detector';

/** Types `keys` at the given times; returns the last answer. */
function typeAt(detector: ScanDetector, keys: readonly string[], times: readonly number[]) {
  return keys.map((key, i) => detector.key(key, times[i] as number)).at(-1);
}

const six = ['1', '2', '3', '4', '5', '6'];

describe('scan detector timing', () => {
  it('counts a gap of exactly maxGapMs as fast, so two of them still make a scan', () => {
    const detector = createScanDetector();
    typeAt(detector, six, [0, 30, 60, 70, 80, 90]);
    expect(detector.key('Enter', 100)).toEqual({ type: 'scan', code: '123456' });
  });

  it('ends a burst at a gap of exactly timeoutMs, even with a hiccup left', () => {
    const detector = createScanDetector();
    typeAt(detector, ['1', '2', '3'], [0, 10, 20]);
    expect(detector.key('4', 70)).toEqual({ type: 'typing', keys: ['1', '2', '3'], current: 'held' });
  });

  it('tolerates one late key in a scan that follows another scan', () => {
    const detector = createScanDetector();
    typeAt(detector, six, [0, 10, 20, 30, 40, 50]);
    expect(detector.key('Enter', 60)).toEqual({ type: 'scan', code: '123456' });
    // The next key comes 35 ms after the last one held: a new burst starts, with its hiccup unspent.
    expect(detector.key('7', 85)).toEqual({ type: 'pending' });
    typeAt(detector, ['8', '9'], [95, 135]);
    typeAt(detector, ['0', '1', '2'], [145, 155, 165]);
    expect(detector.key('Enter', 175)).toEqual({ type: 'scan', code: '789012' });
  });

  it('takes a silent burst of exactly minLength characters as a scan', () => {
    const detector = createScanDetector({ suffix: null });
    typeAt(detector, six, [0, 10, 20, 30, 40, 50]);
    expect(detector.flush(100)).toEqual({ type: 'scan', code: '123456' });
  });
});
