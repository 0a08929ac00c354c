/**
 * The driver for a USB HID POS scanner. It takes an opener for a node-hid-like device (the real
 * `node-hid` one, or the virtual twin of `virtual/hid-scanner.ts`), so both plug in the same way; each
 * input report goes through the HID POS assembler and every complete barcode reaches `onScan` once.
 *
 * node-hid reports an unplugged device as an 'error' on the device (the read thread fails); that is
 * `onLost`, and the manager re-opens when it comes back.
 */
import type { DeviceFaultCode, ScanData, ScannerDriver } from '../core/contracts';
import { deviceFault } from '../core/fault';
import { createHidPosAssembler } from './hid-pos';

/** The part of a node-hid device (`HID.HID`, `HID.HIDAsync`) the driver uses. */
export interface HidDeviceLike {
  on(event: 'data', listener: (report: Buffer | Uint8Array) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  /** node-hid's `HID` closes synchronously, `HIDAsync` returns a promise. */
  close(): void | Promise<void>;
}

/** How to reach the scanner. */
export interface HidScannerOptions {
  /** For people and the log, e.g. the hidraw path. */
  description: string;
  /** Opens the device; may throw or reject (not plugged in, no permission). */
  openDevice: () => HidDeviceLike | Promise<HidDeviceLike>;
  /** How long a barcode split over reports may wait for its next report before it is dropped. */
  partialTimeoutMs?: number;
  log?: (message: string) => void;
}

/** What an open failure means: a missing device is offline; permission or exclusivity is port_busy. */
function openFaultCode(error: unknown): DeviceFaultCode {
  const message = error instanceof Error ? error.message : String(error);
  return /permission|access|busy|exclusive/i.test(message) ? 'port_busy' : 'offline';
}

/** Opens a real scanner with node-hid (loaded only here, so tests of the parser need no native code). */
export async function openNodeHidDevice(path: string): Promise<HidDeviceLike> {
  const { HIDAsync } = await import('node-hid');
  return HIDAsync.open(path);
}

/** A `ScannerDriver` over a HID POS device. */
export function createHidScanner(options: HidScannerOptions): ScannerDriver {
  const log = options.log ?? ((message: string) => console.error(`[devices] ${message}`));
  const partialTimeoutMs = options.partialTimeoutMs ?? 500;
  const scanListeners = new Set<(scan: ScanData) => void>();
  const lostListeners = new Set<(reason: string) => void>();
  const assembler = createHidPosAssembler((message) => log(`${options.description}: ${message}`));
  let device: HidDeviceLike | null = null;
  let partialTimer: NodeJS.Timeout | undefined;

  function stopPartialTimer(): void {
    clearTimeout(partialTimer);
    partialTimer = undefined;
  }

  function onReport(report: Buffer | Uint8Array): void {
    stopPartialTimer();
    const scan = assembler.push(report instanceof Uint8Array ? report : new Uint8Array(report));
    if (assembler.pending) {
      partialTimer = setTimeout(() => assembler.reset('its next report did not come'), partialTimeoutMs);
    }
    if (scan) for (const listener of [...scanListeners]) listener(scan);
  }

  async function release(current: HidDeviceLike): Promise<void> {
    current.removeAllListeners('data');
    current.removeAllListeners('error');
    // Keep a listener: an 'error' with none would throw out of the event loop.
    current.on('error', () => undefined);
    try {
      await current.close();
    } catch {
      // Closing a device that is already gone fails; it is closed either way.
    }
  }

  return {
    category: 'scanner',
    async open() {
      if (device) return;
      let next: HidDeviceLike;
      try {
        next = await options.openDevice();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw deviceFault(openFaultCode(error), `${options.description}: ${message}`, error);
      }
      device = next;
      next.on('data', onReport);
      next.on('error', (error: Error) => {
        if (device !== next) return;
        device = null;
        stopPartialTimer();
        assembler.reset('the scanner went away');
        void release(next);
        for (const listener of [...lostListeners]) listener(`${options.description}: ${error.message}`);
      });
    },
    async close() {
      const current = device;
      device = null;
      stopPartialTimer();
      assembler.reset('the scanner was closed');
      if (current) await release(current);
    },
    async health() {
      return device ? [] : ['offline'];
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
  };
}
