/**
 * Tells a keyboard-wedge barcode scanner from a person typing, by the time between keys.
 *
 * A scanner "types" its code 1–20 ms per key and ends with a suffix (usually Enter); people type 80–300 ms
 * apart, and even a fast typist rarely goes under 40 ms. So the detector holds characters while they come
 * faster than `maxGapMs`, and decides when the burst ends:
 * - the suffix after at least `minLength` fast characters → a scan;
 * - a slow key, a non-character key, or the suffix after too few characters → typing: the held keys are
 *   handed back to be replayed in order, so a person's keystrokes are never lost;
 * - silence for `timeoutMs` (scanners configured without a suffix) → `flush` decides by length.
 *
 * A busy machine delivers a scanner's key late now and then (measured in Chromium under load: about one gap
 * in 150 goes over 30 ms, none over 50 ms), so a burst may contain `hiccups` gaps longer than `maxGapMs` but
 * shorter than `timeoutMs`. A person typing at 40 ms makes such a gap at every key, so the second one ends
 * their burst as typing: their keys show up at most two keystrokes late.
 *
 * Pure and clock-free: the caller passes each key's time (a DOM `event.timeStamp`) and calls `flush` from
 * a timer `timeoutMs` after a `pending` answer. The DOM side is `src/renderer/features/scan/`.
 *
 * ```ts
 * const detector = createScanDetector();
 * detector.key('4', 0);      // { type: 'pending' }      hold the key
 * detector.key('0', 8);      // { type: 'pending' }      … 13 digits, 8 ms apart
 * detector.key('Enter', 104) // { type: 'scan', code }   swallow Enter, sell the item
 * ```
 */

/** Tuning of the detector; the defaults suit common USB and Bluetooth scanners. */
export interface ScanDetectorOptions {
  /** Longest gap between two keys of one scan, in ms. */
  maxGapMs?: number;
  /** Fewest characters a scan has (shorter bursts are typing). */
  minLength?: number;
  /** The `KeyboardEvent.key` a scanner sends last (`'Enter'`, `'Tab'`), or `null` for none. */
  suffix?: string | null;
  /** Silence after a burst that ends it without a suffix, in ms. */
  timeoutMs?: number;
  /** Gaps between `maxGapMs` and `timeoutMs` that one scan may contain (late delivery on a busy machine). */
  hiccups?: number;
}

/**
 * What to do with a key:
 * - `pending`: hold it (keep it from the page); more may follow.
 * - `scan`: the key ended a scan of `code`; hold it too.
 * - `typing`: replay `keys` (held earlier) to the page in order, then treat this key as `current` says —
 *   `'held'` (it may start a scan: hold it) or `'pass'` (let it reach the page as it is).
 */
export type ScanKeyAction =
  | { type: 'pending' }
  | { type: 'scan'; code: string }
  | { type: 'typing'; keys: string[]; current: 'held' | 'pass' };

/** What a timer's `flush` decided: nothing held, wait longer, a scan, or keys to replay. */
export type ScanFlushAction =
  | { type: 'idle' }
  | { type: 'pending'; untilMs: number }
  | { type: 'scan'; code: string }
  | { type: 'typing'; keys: string[] };

/** A keyboard-wedge scan detector: one per window. */
export interface ScanDetector {
  /** Feeds one keydown (`KeyboardEvent.key`) at `atMs`. */
  key(key: string, atMs: number): ScanKeyAction;
  /**
   * Ends a burst that has been silent for `timeoutMs` by `atMs`; call it from a timer, and before `key`
   * when a key arrives after `deadline()` (a late timer), so that burst is judged as the timeout would.
   */
  flush(atMs: number): ScanFlushAction;
  /** Hands back whatever is held as typing (focus moved, IME, a shortcut): nothing can be a scan now. */
  release(): string[];
  /** When `flush` should next be called, or `null` when nothing is held. */
  deadline(): number | null;
}

/** Whether a `KeyboardEvent.key` is one printable character (not `Enter`, `Shift`, `ArrowLeft`…). */
export function isCharacterKey(key: string): boolean {
  return [...key].length === 1;
}

/** Creates a detector; see the module comment for the rules. */
export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const maxGapMs = options.maxGapMs ?? 30;
  const minLength = options.minLength ?? 6;
  const suffix = options.suffix === undefined ? 'Enter' : options.suffix;
  const timeoutMs = options.timeoutMs ?? 50;
  const hiccups = options.hiccups ?? 1;
  let held: string[] = [];
  let lastAt = 0;
  let slowGaps = 0;

  const take = (): string[] => {
    const keys = held;
    held = [];
    slowGaps = 0;
    return keys;
  };

  /** Whether a key at `atMs` continues the held burst, counting a tolerated late key. */
  const continues = (atMs: number): boolean => {
    if (held.length === 0) return false;
    const gap = atMs - lastAt;
    if (gap <= maxGapMs) return true;
    if (gap >= timeoutMs || slowGaps >= hiccups) return false;
    slowGaps += 1;
    return true;
  };

  return {
    key(key, atMs) {
      if (key === suffix) {
        if (continues(atMs) && held.length >= minLength) return { type: 'scan', code: take().join('') };
        return { type: 'typing', keys: take(), current: 'pass' };
      }
      if (!isCharacterKey(key)) return { type: 'typing', keys: take(), current: 'pass' };
      // A slow key ends the burst before it as typing, and may itself start a scan.
      const before = continues(atMs) ? [] : take();
      held.push(key);
      lastAt = atMs;
      return before.length > 0 ? { type: 'typing', keys: before, current: 'held' } : { type: 'pending' };
    },
    flush(atMs) {
      if (held.length === 0) return { type: 'idle' };
      if (atMs - lastAt < timeoutMs) return { type: 'pending', untilMs: lastAt + timeoutMs };
      if (held.length >= minLength) return { type: 'scan', code: take().join('') };
      return { type: 'typing', keys: take() };
    },
    release: take,
    deadline() {
      return held.length === 0 ? null : lastAt + timeoutMs;
    },
  };
}
