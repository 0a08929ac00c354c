/**
 * A `Transport` over a serial port (RS-232, a USB-serial adapter, or a pseudo-terminal standing in for
 * one) with the `serialport` package. Serial scanners, pole displays, serial printers and drawers use it.
 *
 * The port is opened exclusively (serialport's lock), so a second program, or a second Till, gets
 * `port_busy` instead of sharing the bytes. OS errors arrive only as messages (the bindings drop errno), so
 * they are recognised by their `strerror` text.
 */
import { SerialPort } from 'serialport';
import type { DeviceFault, DeviceFaultCode, Transport } from '../core/contracts';
import { deviceFault } from '../core/fault';

/** How to open a serial port; defaults are 8N1 without hardware flow control. */
export interface SerialTransportOptions {
  /** The device, e.g. `/dev/ttyUSB0`, `/dev/serial/by-id/…` or a pty link. */
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits?: 1 | 1.5 | 2;
  /** RTS/CTS hardware flow control (some printers and displays need it at higher speeds). */
  rtscts?: boolean;
}

/** The modem control lines the port reports; `null` from `modemLines()` where it cannot (a pty). */
export interface ModemLines {
  cts: boolean;
  dsr: boolean;
  dcd: boolean;
}

/** A serial `Transport`, plus the modem lines (a drawer or a printer may report through DSR/CTS). */
export interface SerialTransport extends Transport {
  /** The CTS, DSR and DCD lines now; `null` when the port is closed or cannot tell (a pseudo-terminal). */
  modemLines(): Promise<ModemLines | null>;
}

/** Which OS error texts mean what (libuv/glibc `strerror` wording, as the bindings report it). */
const faultPatterns: readonly [RegExp, DeviceFaultCode][] = [
  [/no such file|no such device|ENOENT|ENODEV|ENXIO/i, 'offline'],
  [/resource busy|temporarily unavailable|cannot lock|permission denied|EBUSY|EACCES|EAGAIN/i, 'port_busy'],
  [/inappropriate ioctl|not a typewriter|ENOTTY|invalid argument|EINVAL/i, 'misconfigured'],
];

/** The `DeviceFault` for an OS error from opening or writing a port. */
export function serialFault(error: unknown, description: string, fallback: DeviceFaultCode): DeviceFault {
  const message = error instanceof Error ? error.message : String(error);
  const code = faultPatterns.find(([pattern]) => pattern.test(message))?.[1] ?? fallback;
  return deviceFault(code, `${description}: ${message}`, error);
}

function parityLetter(parity: NonNullable<SerialTransportOptions['parity']>): string {
  return parity.charAt(0).toUpperCase();
}

/** Builds (without opening) a serial transport. Bad options reject `open()` with `misconfigured`. */
export function createSerialTransport(options: SerialTransportOptions): SerialTransport {
  const { path, baudRate, dataBits = 8, parity = 'none', stopBits = 1, rtscts = false } = options;
  const description = `serial ${path} ${baudRate} ${dataBits}${parityLetter(parity)}${stopBits}${rtscts ? ' rtscts' : ''}`;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(reason: string) => void>();
  let port: SerialPort | null = null;
  /** Set by `close()` so the port's own 'close' event is not reported as the device going away. */
  let closing = false;

  function lost(reason: string): void {
    port = null;
    if (closing) return;
    for (const listener of [...closeListeners]) listener(reason);
  }

  function build(): SerialPort {
    const next = new SerialPort({ path, baudRate, dataBits, parity, stopBits, rtscts, autoOpen: false });
    next.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk);
      for (const listener of [...dataListeners]) listener(bytes);
    });
    // A read error (EIO when the adapter is pulled or the pty's other end goes) closes the port with
    // `disconnected`; either way this port object is finished.
    next.on('close', (error?: Error & { disconnected?: boolean }) => {
      if (port !== next) return;
      lost(error?.message ? `port closed: ${error.message}` : 'port closed');
    });
    // Without a listener an 'error' event would throw; 'close' follows when the port is gone.
    next.on('error', () => undefined);
    return next;
  }

  return {
    description,
    get isOpen() {
      return port?.isOpen ?? false;
    },
    async open() {
      if (port?.isOpen) return;
      closing = false;
      let next: SerialPort;
      try {
        next = build();
      } catch (error) {
        // serialport validates options synchronously (an unknown parity, a baud rate that is not a number).
        throw serialFault(error, description, 'misconfigured');
      }
      await new Promise<void>((resolve, reject) => {
        next.open((error) => (error ? reject(serialFault(error, description, 'offline')) : resolve()));
      });
      port = next;
    },
    async write(bytes) {
      const current = port;
      if (!current?.isOpen) throw deviceFault('offline', `${description}: not open`);
      await new Promise<void>((resolve, reject) => {
        current.write(Buffer.from(bytes), (error) => {
          if (error) return reject(serialFault(error, description, 'offline'));
          current.drain((drainError) =>
            drainError ? reject(serialFault(drainError, description, 'offline')) : resolve(),
          );
        });
      });
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    async close() {
      const current = port;
      closing = true;
      port = null;
      if (!current?.isOpen) return;
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    async modemLines() {
      const current = port;
      if (!current?.isOpen) return null;
      return new Promise<ModemLines | null>((resolve) => {
        current.get((error, status) => {
          resolve(error || !status ? null : { cts: status.cts, dsr: status.dsr, dcd: status.dcd });
        });
      });
    },
  };
}
