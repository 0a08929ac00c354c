/**
 * A virtual pole display: it reads the peer end of a pty pair, decodes the Epson DM-D or CD5220 commands
 * the driver sends, and keeps the two lines a real display would show, so a test (or a demo) can see what
 * the customer would. Bytes it does not understand are kept in `unknown`, so a test can assert there were
 * none.
 */
import { createSerialTransport } from '../transports/serial';
import type { DisplayCommandSet } from '../display/commands';

/** The screen of a two-line display and a decoder that draws on it. */
export interface DisplayDecoder {
  push(chunk: Uint8Array): void;
  /** The two lines as shown now, each exactly `columns` wide. */
  lines(): [string, string];
  /** Command bytes it could not decode (hex), in order. */
  readonly unknown: string[];
}

const ESC = 0x1b;
const US = 0x1f;

/** A decoder for `set` on a display `columns` wide. */
export function createDisplayDecoder(set: DisplayCommandSet, columns = 20): DisplayDecoder {
  const blank = () => [Array<string>(columns).fill(' '), Array<string>(columns).fill(' ')];
  let rows = blank();
  let col = 0;
  let row = 0;
  let pending: number[] = [];
  const unknown: string[] = [];

  function clear(): void {
    rows = blank();
    col = 0;
    row = 0;
  }
  function put(byte: number): void {
    const line = rows[row];
    if (line) line[col] = String.fromCharCode(byte);
    col += 1;
    // Overwrite mode: past the right end the cursor goes to the start of the other line.
    if (col >= columns) {
      col = 0;
      row = 1 - row;
    }
  }
  function writeLine(target: 0 | 1, bytes: number[]): void {
    const text = String.fromCharCode(...bytes.slice(0, columns)).padEnd(columns, ' ');
    rows[target] = [...text];
  }
  function skip(bytes: number[]): void {
    unknown.push(bytes.map((b) => b.toString(16).padStart(2, '0')).join(' '));
  }

  /** A one-byte control code; false when `byte` is none. */
  function control(byte: number): boolean {
    if (byte === 0x0c) clear();
    else if (byte === 0x0b) [col, row] = [0, 0];
    else if (byte === 0x0d) col = 0;
    else if (byte === 0x0a) row = 1 - row;
    else if (byte === 0x08) col = Math.max(0, col - 1);
    else if (byte === 0x09) col = Math.min(columns - 1, col + 1);
    else if (byte === 0x18) {
      rows[row] = Array<string>(columns).fill(' ');
      col = 0;
    } else return false;
    return true;
  }

  /** Moves the cursor to a 1-based column and row, as `US $ x y` and `ESC l x y` do. */
  function moveTo(x: number, y: number): number {
    col = Math.min(columns, Math.max(1, x)) - 1;
    row = y === 2 ? 1 : 0;
    return 4;
  }

  /** A CD5220 `ESC Q A|B|D text CR`; returns the bytes used, 0 while its CR has not arrived. */
  function stringLine(buf: number[], which: number | undefined): number {
    if (which === undefined) return 0;
    const end = buf.indexOf(0x0d, 3);
    if (end < 0) {
      if (buf.length <= 3 + 2 * columns) return 0;
      skip(buf.slice(0, 3));
      return 3;
    }
    if (which === 0x41 || which === 0x44) writeLine(0, buf.slice(3, end));
    else if (which === 0x42) writeLine(1, buf.slice(3, end));
    else skip(buf.slice(0, end + 1));
    return end + 1;
  }

  /** An `ESC` sequence; returns the bytes used, 0 when incomplete, -1 when unknown. */
  function escape(buf: number[]): number {
    const [, b1, b2, b3] = buf;
    if (b1 === undefined) return 0;
    if (b1 === 0x40) {
      clear();
      return 2;
    }
    // One-parameter settings both sets have (peripheral, code table, fonts, cursor, brightness).
    if ([0x3d, 0x74, 0x52, 0x66, 0x63, 0x5f, 0x2a].includes(b1)) return b2 === undefined ? 0 : 3;
    if (set !== 'cd5220') return -1;
    if (b1 === 0x11 || b1 === 0x12 || b1 === 0x13) return 2;
    if (b1 === 0x6c) return b2 === undefined || b3 === undefined ? 0 : moveTo(b2, b3);
    if (b1 === 0x51) return stringLine(buf, b2);
    return -1;
  }

  /** An Epson `US` sequence; returns the bytes used, 0 when incomplete, -1 when unknown. */
  function unitSeparator(buf: number[]): number {
    const [, b1, b2, b3] = buf;
    if (b1 === undefined) return 0;
    if (b1 === 0x01 || b1 === 0x02 || b1 === 0x03) return 2;
    if (b1 === 0x42) [col, row] = [0, 1];
    else if (b1 === 0x0d) col = columns - 1;
    else if (b1 === 0x0a) row = 1 - row;
    else if ([0x43, 0x58, 0x45, 0x72].includes(b1)) return b2 === undefined ? 0 : 3;
    else if (b1 === 0x24) return b2 === undefined || b3 === undefined ? 0 : moveTo(b2, b3);
    else return -1;
    return 2;
  }

  /** Decodes one command at the start of `buf`; returns how many bytes it used, or 0 when incomplete. */
  function step(buf: number[]): number {
    const [b0] = buf;
    if (b0 === undefined) return 0;
    if (b0 >= 0x20 && b0 <= 0x7e) {
      put(b0);
      return 1;
    }
    if (control(b0)) return 1;
    let used = -1;
    if (b0 === ESC) used = escape(buf);
    else if (b0 === US && set === 'epson') used = unitSeparator(buf);
    if (used >= 0) return used;
    const length = b0 === ESC || b0 === US ? Math.min(2, buf.length) : 1;
    skip(buf.slice(0, length));
    return length;
  }

  return {
    unknown,
    push(chunk) {
      pending = pending.concat(Array.from(chunk));
      for (let used = step(pending); used > 0; used = step(pending)) pending = pending.slice(used);
    },
    lines() {
      return [rows[0]?.join('') ?? '', rows[1]?.join('') ?? ''];
    },
  };
}

/** A virtual display on the peer end of a pty pair. */
export interface VirtualPoleDisplay {
  readonly decoder: DisplayDecoder;
  /** Resolves once the display shows `expected` (compared with trailing spaces trimmed). */
  waitFor(expected: readonly [string, string], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens the peer end `peerPath` and decodes what arrives with `commandSet`. */
export async function openVirtualPoleDisplay(options: {
  peerPath: string;
  commandSet: DisplayCommandSet;
  columns?: number;
}): Promise<VirtualPoleDisplay> {
  const decoder = createDisplayDecoder(options.commandSet, options.columns);
  const transport = createSerialTransport({ path: options.peerPath, baudRate: 9600 });
  const waiters = new Set<() => void>();
  transport.onData((chunk) => {
    decoder.push(chunk);
    for (const waiter of [...waiters]) waiter();
  });
  await transport.open();
  const shows = (expected: readonly [string, string]) => {
    const [a, b] = decoder.lines();
    return a.trimEnd() === expected[0].trimEnd() && b.trimEnd() === expected[1].trimEnd();
  };
  return {
    decoder,
    waitFor(expected, timeoutMs = 3000) {
      if (shows(expected)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `the display shows ${JSON.stringify(decoder.lines())}, not ${JSON.stringify(expected)}`,
            ),
          );
        }, timeoutMs);
        function check(): void {
          if (!shows(expected)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
        waiters.add(check);
      });
    },
    close: () => transport.close(),
  };
}
