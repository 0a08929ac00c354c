import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ScanDetector,
  type ScanDetectorOptions,
  type ScanKeyAction,
  createScanDetector,
  isCharacterKey,
} from './scan-detector';

const code = '4006381333931';

/** Types `keys` starting at `startMs`, `gapMs` apart; returns every answer. */
function typeKeys(detector: ScanDetector, keys: readonly string[], gapMs: number, startMs = 0) {
  return keys.map((key, i) => detector.key(key, startMs + i * gapMs));
}

/** What reached the page, as a person would see it: replayed keys plus keys let through. */
function delivered(actions: readonly ScanKeyAction[], keys: readonly string[]): string[] {
  return actions.flatMap((action, i) => {
    if (action.type !== 'typing') return [];
    return action.current === 'pass' ? [...action.keys, keys[i] as string] : action.keys;
  });
}

describe('createScanDetector', () => {
  it('reads a 13-digit burst at 8 ms ending in Enter as a scan, holding every key', () => {
    const detector = createScanDetector();
    const actions = typeKeys(detector, [...code, 'Enter'], 8);
    expect(actions.slice(0, -1).every((a) => a.type === 'pending')).toBe(true);
    expect(actions.at(-1)).toEqual({ type: 'scan', code });
    expect(detector.deadline()).toBeNull();
  });

  it('reads the same digits 150 ms apart as typing, losing no key', () => {
    const detector = createScanDetector();
    const keys = [...code, 'Enter'];
    const actions = typeKeys(detector, keys, 150);
    expect(actions.some((a) => a.type === 'scan')).toBe(false);
    expect(delivered(actions, keys)).toEqual(keys);
    expect(actions.at(-1)).toEqual({ type: 'typing', keys: ['1'], current: 'pass' });
  });

  it('reads a fast typist (40 ms) as typing', () => {
    const detector = createScanDetector();
    const keys = [...'hello world', 'Enter'];
    const actions = typeKeys(detector, keys, 40);
    expect(actions.some((a) => a.type === 'scan')).toBe(false);
    expect(delivered(actions, keys)).toEqual(keys);
  });

  it('reads a burst broken by a long gap as typing', () => {
    const detector = createScanDetector();
    const first = typeKeys(detector, [...'400638'], 8);
    const after = detector.key('1', 5 * 8 + 200);
    expect(first.every((a) => a.type === 'pending')).toBe(true);
    expect(after).toEqual({ type: 'typing', keys: [...'400638'], current: 'held' });
    // The key after the gap may start a scan of its own.
    const rest = typeKeys(detector, [...'234567', 'Enter'], 8, 5 * 8 + 208);
    expect(rest.at(-1)).toEqual({ type: 'scan', code: '1234567' });
  });

  it('tolerates one late key in a scan (a busy machine), not two', () => {
    const keys = [...code, 'Enter'];
    /** Key times 8 ms apart, except 42 ms before each key index in `lateBefore`. */
    const timesWith = (lateBefore: readonly number[]) => {
      let at = 0;
      return keys.map((_, i) => (at += i === 0 ? 0 : lateBefore.includes(i) ? 42 : 8));
    };
    const once = createScanDetector();
    const t1 = timesWith([4]);
    expect(keys.map((key, i) => once.key(key, t1[i] as number)).at(-1)).toEqual({ type: 'scan', code });

    // A second late key ends the burst: what came before is typing, the rest may still scan.
    const twice = createScanDetector();
    const t2 = timesWith([4, 6]);
    const actions = keys.map((key, i) => twice.key(key, t2[i] as number));
    expect(actions[6]).toEqual({ type: 'typing', keys: [...code.slice(0, 6)], current: 'held' });
    expect(actions.at(-1)).toEqual({ type: 'scan', code: code.slice(6) });
  });

  it('reads too short a burst before Enter as typing, letting Enter through', () => {
    const detector = createScanDetector();
    const actions = typeKeys(detector, ['1', '2', 'Enter'], 8);
    expect(actions.at(-1)).toEqual({ type: 'typing', keys: ['1', '2'], current: 'pass' });
  });

  it('lets a non-character key end a burst as typing', () => {
    const detector = createScanDetector();
    typeKeys(detector, [...'4006381'], 8);
    expect(detector.key('Backspace', 60)).toEqual({ type: 'typing', keys: [...'4006381'], current: 'pass' });
    expect(detector.key('Tab', 500)).toEqual({ type: 'typing', keys: [], current: 'pass' });
  });

  it('ends a burst without suffix at the timeout: a scan if long enough, else typing', () => {
    const detector = createScanDetector();
    typeKeys(detector, [...code], 8);
    const last = 12 * 8;
    expect(detector.deadline()).toBe(last + 50);
    expect(detector.flush(last + 20)).toEqual({ type: 'pending', untilMs: last + 50 });
    expect(detector.flush(last + 50)).toEqual({ type: 'scan', code });
    expect(detector.flush(last + 100)).toEqual({ type: 'idle' });

    typeKeys(detector, [...'12345'], 8, 1000);
    expect(detector.flush(1000 + 4 * 8 + 50)).toEqual({ type: 'typing', keys: [...'12345'] });
  });

  it('honours its options: suffix Tab, no suffix, longer gaps, shorter codes', () => {
    const tab = createScanDetector({ suffix: 'Tab' });
    expect(typeKeys(tab, [...code, 'Tab'], 8).at(-1)).toEqual({ type: 'scan', code });
    const none = createScanDetector({ suffix: null });
    expect(typeKeys(none, [...code, 'Enter'], 8).at(-1)).toMatchObject({ type: 'typing', current: 'pass' });
    const slow = createScanDetector({ maxGapMs: 60, minLength: 4 });
    expect(typeKeys(slow, [...'1234', 'Enter'], 50).at(-1)).toEqual({ type: 'scan', code: '1234' });
  });

  it('releases what it holds', () => {
    const detector = createScanDetector();
    typeKeys(detector, [...'abc'], 8);
    expect(detector.release()).toEqual(['a', 'b', 'c']);
    expect(detector.deadline()).toBeNull();
  });

  it('never loses or reorders a key, whatever the timing (property)', () => {
    const options: ScanDetectorOptions = { maxGapMs: 30, minLength: 6 };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('1', '2', 'a', 'Enter', 'Tab'),
            gap: fc.integer({ min: 0, max: 200 }),
          }),
          { maxLength: 40 },
        ),
        (presses) => {
          const detector = createScanDetector(options);
          let at = 0;
          const out: string[] = [];
          const scans: string[] = [];
          let suffixes = 0;
          for (const { key, gap } of presses) {
            at += gap;
            const action = detector.key(key, at);
            if (action.type === 'scan') {
              scans.push(action.code);
              suffixes += 1;
            }
            if (action.type === 'typing')
              out.push(...action.keys, ...(action.current === 'pass' ? [key] : []));
          }
          const end = detector.flush(at + 1000);
          if (end.type === 'scan') scans.push(end.code);
          if (end.type === 'typing') out.push(...end.keys);
          // Every key went either to the page or into a scan, and every scan is long enough.
          expect(out.length + scans.join('').length + suffixes).toBe(presses.length);
          for (const scan of scans) expect(scan.length).toBeGreaterThanOrEqual(6);
          // Keys reach the page in the order they were pressed.
          if (scans.length === 0) expect(out).toEqual(presses.map((p) => p.key));
        },
      ),
    );
  });

  it('knows a character key from a named key', () => {
    expect(isCharacterKey('7')).toBe(true);
    expect(isCharacterKey('é')).toBe(true);
    expect(isCharacterKey('Enter')).toBe(false);
    expect(isCharacterKey('Shift')).toBe(false);
  });
});
