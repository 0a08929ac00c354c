/**
 * The DOM side of the keyboard-wedge scanner: a keydown listener on a window (capture phase, so it sees
 * every key before any field or handler) that feeds the scan detector and never lets a scan land in a
 * text field as text.
 *
 * - While a burst may be a scan, its keys are held: `preventDefault` and `stopImmediatePropagation`, so
 *   neither the focused field nor the app's shortcuts see them.
 * - A scan (the suffix, or the timeout after a long enough burst) calls `onScan(code)`; the suffix key
 *   (Enter) is held too, so it submits nothing.
 * - Typing: the held keys are replayed in order — a synthetic `keydown` to the focused element (so
 *   shortcuts and key filters still see them) and, unless a handler cancels it, the character inserted
 *   into the focused text field (`insertText`). A person's fast typing is delayed by at most `timeoutMs`,
 *   never lost.
 * - Pass-through keys go straight to the page and neither hold nor end a burst: modifier keys alone
 *   (scanners press Shift for capitals), the function keys F1–F12, Escape, Tab and any chord with Ctrl,
 *   Alt or Meta. They are the app's hotkeys, which must act at once even while a burst is held, and no
 *   scanner sends them, so a scan around one still reads as a scan; held characters are still given back
 *   when the burst ends. An auto-repeat, an IME composition, or Space outside a text field (it presses
 *   buttons) ends any burst as typing and passes. A replayed key does not do what a browser does for a
 *   real one outside text fields (e.g. a `<select>`'s type-ahead); inside them, `insertText` does.
 *
 * `useWedgeScanner` (use-wedge-scanner.ts) wraps this for React; tests drive it with an injected clock and
 * timer (`now`, `schedule`).
 */
import { type ScanDetectorOptions, createScanDetector } from '@till/shared/domain/scan-detector';
import { insertText, isTextField } from './insert-text';

/** Starts a timer; returns its cancel function. */
export type Schedule = (callback: () => void, delayMs: number) => () => void;

/** Detector tuning plus the listener's clock and timer (injected by tests). */
export interface WedgeListenerOptions extends ScanDetectorOptions {
  /** The current time on the clock of `KeyboardEvent.timeStamp`; default `target.performance.now()`. */
  now?: () => number;
  /** Timer for the end-of-burst timeout; default `target.setTimeout`. */
  schedule?: Schedule;
}

/** Keys that pass untouched, never holding or ending a burst: modifiers alone, hotkeys and focus moves. */
const passThroughKeys = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'Escape',
  'Tab',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
]);

/** Whether `event` goes to the page as it is: a pass-through key, or a chord with Ctrl, Alt or Meta. */
export function isPassThroughKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>) {
  return passThroughKeys.has(event.key) || event.ctrlKey || event.altKey || event.metaKey;
}

/**
 * Listens for scans on `target` until the returned function is called. `onScan` gets the code as the
 * scanner sent it, without the suffix; parse it with `parseBarcode`.
 */
export function createWedgeListener(
  target: Window,
  onScan: (code: string) => void,
  options: WedgeListenerOptions = {},
): () => void {
  const detector = createScanDetector(options);
  const now = options.now ?? (() => target.performance.now());
  const schedule: Schedule =
    options.schedule ??
    ((callback, delayMs) => {
      const id = target.setTimeout(callback, delayMs);
      return () => target.clearTimeout(id);
    });
  // Our own replayed keydowns come back through this listener; they must pass.
  const replayed = new WeakSet<Event>();
  let cancelTimer: (() => void) | null = null;

  const stopTimer = () => {
    cancelTimer?.();
    cancelTimer = null;
  };

  const armTimer = () => {
    stopTimer();
    const deadline = detector.deadline();
    if (deadline === null) return;
    cancelTimer = schedule(onTimeout, Math.max(0, deadline - now()));
  };

  const replay = (keys: readonly string[]) => {
    const document = target.document;
    for (const key of keys) {
      const element = document.activeElement ?? document.body;
      const event = new (target as Window & typeof globalThis).KeyboardEvent('keydown', {
        key,
        bubbles: true,
        cancelable: true,
      });
      replayed.add(event);
      if (element.dispatchEvent(event)) insertText(element, key);
    }
  };

  /** Ends a burst that has been silent long enough, as of `atMs`. */
  const flushAt = (atMs: number) => {
    const action = detector.flush(atMs);
    if (action.type === 'pending') armTimer();
    else if (action.type === 'typing') replay(action.keys);
    else if (action.type === 'scan') onScan(action.code);
  };

  function onTimeout() {
    cancelTimer = null;
    flushAt(now());
  }

  const hold = (event: KeyboardEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (replayed.has(event) || isPassThroughKey(event)) return;
    if (
      event.isComposing ||
      event.repeat ||
      // Space presses a focused button or checkbox, which a replayed (synthetic) key cannot do.
      (event.key === ' ' && !isTextField(target.document.activeElement))
    ) {
      stopTimer();
      replay(detector.release());
      return;
    }
    const at = options.now ? now() : event.timeStamp;
    // A timer that ran late (a busy main thread) must not change the verdict on the burst before this key.
    const deadline = detector.deadline();
    if (deadline !== null && at >= deadline) {
      stopTimer();
      flushAt(at);
    }
    const action = detector.key(event.key, at);
    if (action.type === 'typing') replay(action.keys);
    if (action.type === 'scan') {
      hold(event);
      stopTimer();
      onScan(action.code);
    } else if (action.type === 'pending' || action.current === 'held') {
      hold(event);
      armTimer();
    } else {
      stopTimer();
    }
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    stopTimer();
    // Keys held at teardown were typed by someone: give them back rather than drop them.
    replay(detector.release());
  };
}
