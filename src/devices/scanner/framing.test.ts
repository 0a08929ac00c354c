import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanData } from '../core/contracts';
import { type ScanFraming, createScanFramer } from './framing';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function framer(framing: ScanFraming) {
  const scans: ScanData[] = [];
  const logged: string[] = [];
  const f = createScanFramer(
    framing,
    (scan) => scans.push(scan),
    (message) => logged.push(message),
  );
  const push = (text: string) => f.push(Buffer.from(text, 'latin1'));
  return { f, push, scans, logged, data: () => scans.map((s) => s.data) };
}

describe('createScanFramer', () => {
  it('cuts on tab and ETX, and joins a frame that arrives in pieces', () => {
    const tab = framer({ suffix: 'tab' });
    tab.push('400638');
    tab.push('1333931\t96385074\t');
    expect(tab.data()).toEqual(['4006381333931', '96385074']);
    const etx = framer({ suffix: 'etx', prefix: '\u0002' });
    etx.push('\u0002ABC-1\u0003\u0002ABC-2\u0003');
    expect(etx.data()).toEqual(['ABC-1', 'ABC-2']);
  });

  it('tolerates a scanner sending CR LF when CR is configured, without an empty scan', () => {
    const { push, data, logged } = framer({ suffix: 'cr' });
    push('111\r\n222\r\n');
    expect(data()).toEqual(['111', '222']);
    expect(logged).toEqual([]);
  });

  it('drops a frame without its prefix or AIM identifier', () => {
    const prefixed = framer({ suffix: 'cr', prefix: '\u0002' });
    prefixed.push('123\r');
    expect(prefixed.scans).toEqual([]);
    expect(prefixed.logged).toEqual([expect.stringMatching(/without its prefix/)]);
    const aim = framer({ suffix: 'cr', aimPrefix: true });
    aim.push('12\r]E0\r]C0SKU-1\r');
    expect(aim.scans).toEqual([{ data: 'SKU-1', symbology: 'code128', aim: ']C0' }]);
    expect(aim.logged).toEqual([
      expect.stringMatching(/no AIM identifier/),
      expect.stringMatching(/a frame with no data/),
    ]);
  });

  it('drops an over-long frame arriving in pieces, through its end, and reads the next one', () => {
    const { push, data, logged } = framer({ suffix: 'cr', maxLength: 20 });
    push('1234567890');
    push('1234567890');
    push('12345');
    push('67890\r');
    push('4006381333931\r');
    expect(data()).toEqual(['4006381333931']);
    expect(logged).toEqual([expect.stringMatching(/over 21 bytes without an end/)]);
  });

  it('drops a truncated frame after the gap, and scans on the gap when there is no suffix', () => {
    const cr = framer({ suffix: 'cr', gapMs: 50 });
    cr.push('40063813');
    vi.advanceTimersByTime(60);
    cr.push('33931\r');
    // The tail that comes soon after is part of the truncated frame, not a scan of its own.
    expect(cr.logged).toEqual([expect.stringMatching(/truncated/)]);
    expect(cr.scans).toEqual([]);
    cr.push('4006381333931\r');
    // Once the tail window has passed, a frame is a fresh scan again.
    cr.push('9638');
    vi.advanceTimersByTime(60);
    vi.advanceTimersByTime(1000);
    cr.push('5074\r');
    expect(cr.data()).toEqual(['4006381333931', '5074']);
    const none = framer({ suffix: 'none', gapMs: 50 });
    none.push('4006381');
    vi.advanceTimersByTime(10);
    none.push('333931');
    expect(none.scans).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(none.data()).toEqual(['4006381333931']);
  });

  it('forgets a partial frame on reset', () => {
    const { f, push, data, logged } = framer({ suffix: 'cr' });
    push('123');
    f.reset();
    push('456\r');
    vi.advanceTimersByTime(500);
    expect(data()).toEqual(['456']);
    expect(logged).toEqual([]);
  });
});
