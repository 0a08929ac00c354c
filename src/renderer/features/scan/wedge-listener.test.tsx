// @vitest-environment happy-dom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTextField } from './insert-text';
import { useWedgeScanner } from './use-wedge-scanner';
import { type Schedule, createWedgeListener } from './wedge-listener';

const code = '4006381333931';

/** A hand-driven clock and timer queue, so timing is exact and no test waits on the wall clock. */
function fakeTime() {
  let now = 0;
  let timers: { at: number; callback: () => void }[] = [];
  const schedule: Schedule = (callback, delayMs) => {
    const timer = { at: now + delayMs, callback };
    timers.push(timer);
    return () => {
      timers = timers.filter((t) => t !== timer);
    };
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = Math.max(now, due.at);
      due.callback();
    }
    now = until;
  };
  return { now: () => now, schedule, advance };
}

/**
 * Presses a key as the browser would: keydown on the focused element, then — unless a handler cancelled
 * it — the browser's default action of a character key, inserting it into the focused text field.
 * (A synthetic keydown has no default action, so the test plays the browser's part.)
 */
function press(key: string, init: KeyboardEventInit = {}) {
  const element = document.activeElement ?? document.body;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  const allowed = element.dispatchEvent(event);
  if (allowed && [...key].length === 1 && !init.ctrlKey && isTextField(element)) {
    element.value += key;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return allowed;
}

/** Types `keys` `gapMs` apart on the fake clock; returns which keydowns reached the page. */
function typeKeys(time: ReturnType<typeof fakeTime>, keys: readonly string[], gapMs: number) {
  return keys.map((key, i) => {
    if (i > 0) time.advance(gapMs);
    return press(key);
  });
}

let time: ReturnType<typeof fakeTime>;
let scans: string[];
let dispose: () => void;
let input: HTMLInputElement;
let keysSeenByPage: string[];

beforeEach(() => {
  document.body.innerHTML = '<label>Search <input type="text" name="q"></label><button>Pay</button>';
  input = document.querySelector('input') as HTMLInputElement;
  input.focus();
  keysSeenByPage = [];
  input.addEventListener('keydown', (event) => keysSeenByPage.push(event.key));
  time = fakeTime();
  scans = [];
  dispose = createWedgeListener(window, (scanned) => scans.push(scanned), {
    now: time.now,
    schedule: time.schedule,
  });
});

afterEach(() => {
  dispose();
  document.body.innerHTML = '';
});

describe('createWedgeListener', () => {
  it('turns a fast burst + Enter into a scan and leaves the focused input untouched', () => {
    const reached = typeKeys(time, [...code, 'Enter'], 8);
    expect(scans).toEqual([code]);
    expect(input.value).toBe('');
    expect(reached.every((r) => !r)).toBe(true);
    expect(keysSeenByPage).toEqual([]);
    time.advance(1000);
    expect(scans).toEqual([code]);
    expect(input.value).toBe('');
  });

  it('puts slow keys into the input, in order, and lets Enter through', () => {
    typeKeys(time, [...'hello', 'Enter'], 150);
    time.advance(1000);
    expect(scans).toEqual([]);
    expect(input.value).toBe('hello');
    expect(keysSeenByPage).toEqual([...'hello', 'Enter']);
  });

  it('keeps a fast typist’s keys (40 ms apart)', () => {
    typeKeys(time, [...'12 apples'], 40);
    time.advance(1000);
    expect(scans).toEqual([]);
    expect(input.value).toBe('12 apples');
  });

  it('lets the timeout decide a burst without Enter: a scan when long enough', () => {
    typeKeys(time, [...code], 8);
    expect(scans).toEqual([]);
    time.advance(49);
    expect(scans).toEqual([]);
    time.advance(1);
    expect(scans).toEqual([code]);
    expect(input.value).toBe('');
  });

  it('lets the timeout decide a burst without Enter: typing when short', () => {
    typeKeys(time, [...'123'], 8);
    expect(input.value).toBe('');
    time.advance(50);
    expect(scans).toEqual([]);
    expect(input.value).toBe('123');
  });

  it('judges a burst by the timeout even when the timer runs late', () => {
    const late = createWedgeListener(window, (scanned) => scans.push(`late:${scanned}`), {
      now: time.now,
      schedule: () => () => undefined, // a timer that never fires before the next key
    });
    dispose();
    dispose = late;
    typeKeys(time, [...code], 8);
    time.advance(200);
    press('x');
    expect(scans).toEqual([`late:${code}`]);
    expect(input.value).toBe('');
  });

  it('inserts replayed keys at the caret', () => {
    input.value = 'ac';
    input.setSelectionRange(1, 1);
    press('b');
    time.advance(50);
    expect(input.value).toBe('abc');
    expect(input.selectionStart).toBe(2);
  });

  it('lets a shortcut chord through mid-burst and still gives the held keys back', () => {
    typeKeys(time, [...'12'], 8);
    time.advance(8);
    expect(press('a', { ctrlKey: true })).toBe(true);
    expect(keysSeenByPage).toEqual(['a']);
    time.advance(1000);
    expect(input.value).toBe('12');
    expect(scans).toEqual([]);
  });

  it.each(['F1', 'F2', 'F10', 'F12', 'Escape', 'Tab'])(
    'lets %s through to the page mid-scan without breaking the scan',
    (key) => {
      typeKeys(time, [...code.slice(0, 6)], 5);
      time.advance(5);
      expect(press(key)).toBe(true);
      expect(keysSeenByPage).toEqual([key]);
      time.advance(5);
      typeKeys(time, [...code.slice(6), 'Enter'], 5);
      expect(scans).toEqual([code]);
      expect(input.value).toBe('');
      expect(keysSeenByPage).toEqual([key]);
    },
  );

  it('lets Alt and Meta chords through mid-scan without breaking the scan', () => {
    typeKeys(time, [...code.slice(0, 6)], 5);
    expect(press('s', { altKey: true })).toBe(true);
    expect(press('r', { metaKey: true })).toBe(true);
    typeKeys(time, [...code.slice(6), 'Enter'], 5);
    expect(scans).toEqual([code]);
    expect(keysSeenByPage).toEqual(['s', 'r']);
  });

  it('scans while a button has focus, and replays typing to the page as keydowns', () => {
    (document.querySelector('button') as HTMLButtonElement).focus();
    const seen: string[] = [];
    window.addEventListener('keydown', (event) => seen.push(event.key));
    typeKeys(time, [...code, 'Enter'], 5);
    expect(scans).toEqual([code]);
    expect(seen).toEqual([]);
    press('x');
    time.advance(50);
    expect(seen).toEqual(['x']);
  });

  it('lets Space reach a focused button, so it can still be pressed', () => {
    (document.querySelector('button') as HTMLButtonElement).focus();
    expect(press(' ')).toBe(true);
    input.focus();
    expect(press(' ')).toBe(false);
    time.advance(50);
    expect(input.value).toBe(' ');
  });

  it('gives held keys back when it stops listening', () => {
    typeKeys(time, [...'12'], 8);
    dispose();
    expect(input.value).toBe('12');
    dispose = () => undefined;
    press('3');
    expect(input.value).toBe('123');
  });
});

describe('useWedgeScanner', () => {
  it('replays typing into a React controlled input', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    dispose();
    dispose = () => undefined;
    const found: string[] = [];

    function Screen() {
      const [query, setQuery] = useState('');
      useWedgeScanner((scanned) => found.push(scanned), { timeoutMs: 0 });
      return (
        <label>
          Search <input value={query} onChange={(event) => setQuery(event.target.value.toUpperCase())} />
          <output>{query}</output>
        </label>
      );
    }

    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<Screen />));
    const field = host.querySelector('input') as HTMLInputElement;
    field.focus();
    // A lone key is held, then replayed by the timeout into React's state (upper-cased by the handler).
    act(() => {
      press('a');
    });
    // The hook runs on the page's own timer: wait (inside act) past its 0 ms timeout, then look.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(field.value).toBe('A');
    expect(host.querySelector('output')?.textContent).toBe('A');
    act(() => root.unmount());
  });
});
