/**
 * Cuts the byte stream of a serial scanner into scans. A scanner sends each barcode as one frame: an
 * optional prefix (e.g. STX), an optional AIM identifier (`]E0`), the data, and a suffix (CR, LF, CR LF,
 * tab, ETX) — or no suffix at all, when a pause on the line ends the frame.
 *
 * What is not a clean frame is dropped with a log line and never becomes a scan: bytes that are not
 * printable (line noise, a wrong baud rate), a frame longer than any barcode, a frame without its prefix or
 * AIM identifier when those are configured, and a truncated frame (the line went quiet before the suffix).
 */
import type { ScanData } from '../core/contracts';
import { aimPattern, scanWithAim } from './aim';

/** What ends a frame; `none` means a pause of `gapMs`. */
export type ScanSuffix = 'cr' | 'lf' | 'crlf' | 'tab' | 'etx' | 'none';

/** How the scanner frames its barcodes. */
export interface ScanFraming {
  suffix: ScanSuffix;
  /** Bytes before every frame (e.g. `"\u0002"` for STX); absent: none. */
  prefix?: string;
  /** The scanner sends the AIM symbology identifier before the data. */
  aimPrefix?: boolean;
  /** A pause this long ends a frame (`none`) or shows it was truncated (any other suffix). */
  gapMs?: number;
  /** The longest barcode accepted, in characters. */
  maxLength?: number;
}

const suffixBytes: Record<Exclude<ScanSuffix, 'none'>, string> = {
  cr: '\r',
  lf: '\n',
  crlf: '\r\n',
  tab: '\t',
  etx: '\u0003',
};

/** The bytes of a suffix (empty for `none`), e.g. for a virtual scanner writing frames. */
export function suffixText(suffix: ScanSuffix): string {
  return suffix === 'none' ? '' : suffixBytes[suffix];
}

/** Printable ASCII and Latin-1 letters, plus GS (0x1D), which separates GS1 fields inside a barcode. */
function isPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const ok = (code >= 0x20 && code <= 0x7e) || code === 0x1d || (code >= 0xa0 && code <= 0xff);
    if (!ok) return false;
  }
  return true;
}

/** A framer: feed it bytes as they come; it calls `onScan` per good frame. */
export interface ScanFramer {
  push(chunk: Uint8Array): void;
  /** Forgets a partial frame and stops its timer (the port closed). */
  reset(): void;
}

/** A framer for `framing`, reporting scans to `onScan` and dropped frames to `log`. */
export function createScanFramer(
  framing: ScanFraming,
  onScan: (scan: ScanData) => void,
  log: (message: string) => void,
): ScanFramer {
  const suffix = suffixText(framing.suffix);
  const prefix = framing.prefix ?? '';
  const gapMs = framing.gapMs ?? 100;
  const maxLength = framing.maxLength ?? 512;
  /** How long after a truncated frame arriving bytes still count as its tail. */
  const tailWindowMs = Math.max(1000, gapMs * 10);
  /** The longest frame on the wire; anything longer without a suffix is garbage. */
  const maxFrame = prefix.length + (framing.aimPrefix ? 3 : 0) + maxLength + suffix.length;
  let buffer = '';
  /** After an over-long frame: skip bytes until the next suffix or pause, so its tail is no scan either. */
  let discarding = false;
  let gapTimer: NodeJS.Timeout | undefined;

  function frame(text: string): void {
    // A scanner that ends with CR LF while Till waits for CR (or LF) leaves the other one on the next
    // frame: it is part of no barcode, so drop it rather than the scan.
    const raw = suffix === '\r' || suffix === '\n' ? text.replace(/^[\r\n]+|[\r\n]+$/g, '') : text;
    if (raw.length === 0) return;
    if (!raw.startsWith(prefix)) return log(`scan dropped: frame without its prefix (${describe(raw)})`);
    let body = raw.slice(prefix.length);
    let aim: string | undefined;
    if (framing.aimPrefix) {
      aim = body.slice(0, 3);
      if (!aimPattern.test(aim)) return log(`scan dropped: no AIM identifier (${describe(raw)})`);
      body = body.slice(3);
    }
    if (body.length === 0) return log('scan dropped: a frame with no data');
    if (body.length > maxLength) return log(`scan dropped: ${body.length} characters, over ${maxLength}`);
    if (!isPrintable(body)) return log(`scan dropped: not printable (${describe(raw)})`);
    onScan(scanWithAim(body, aim));
  }

  function onGap(): void {
    // Fires after a pause in a frame (truncated, or the end of a suffix-less frame), and once more at the
    // end of the tail window after a truncated frame.
    gapTimer = undefined;
    const pending = buffer;
    buffer = '';
    const wasDiscarding = discarding;
    discarding = false;
    if (wasDiscarding || pending.length === 0) return;
    if (suffix === '') return frame(pending);
    log(`scan dropped: truncated, the line went quiet before the suffix (${describe(pending)})`);
    // Bytes that come soon after are the rest of this frame (the line stalled), not a barcode of their
    // own: skip them through the next suffix, so a tail like "33931" is never taken for an item.
    discarding = true;
    gapTimer = setTimeout(onGap, tailWindowMs);
  }

  return {
    push(chunk) {
      clearTimeout(gapTimer);
      // Latin-1: one character per byte, so lengths and the printable check are about bytes.
      buffer += Buffer.from(chunk).toString('latin1');
      if (suffix !== '') {
        let end = buffer.indexOf(suffix);
        while (end >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + suffix.length);
          if (discarding) discarding = false;
          else frame(raw);
          end = buffer.indexOf(suffix);
        }
      }
      if (buffer.length > maxFrame) {
        if (!discarding) log(`scan dropped: over ${maxFrame} bytes without an end (${describe(buffer)})`);
        discarding = true;
        buffer = '';
      }
      if (buffer.length > 0 || discarding) gapTimer = setTimeout(onGap, gapMs);
    },
    reset() {
      clearTimeout(gapTimer);
      gapTimer = undefined;
      buffer = '';
      discarding = false;
    },
  };
}

/** A frame for the log: its first bytes with control characters spelled out, never the whole line. */
function describe(raw: string): string {
  const shown = raw
    .slice(0, 40)
    .replace(/[^\x20-\x7e]/g, (c) => `<${c.charCodeAt(0).toString(16).padStart(2, '0')}>`);
  return `${raw.length} bytes: ${shown}${raw.length > 40 ? '…' : ''}`;
}
