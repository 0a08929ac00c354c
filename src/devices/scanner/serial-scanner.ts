/**
 * The driver for a serial barcode scanner (RS-232, or USB in its serial/CDC-ACM mode): the bytes of a
 * `Transport` cut into scans by the configured framing. The port going away (the adapter pulled, the pty
 * closed) is `onLost`; the manager calls `open()` again when the device is back.
 */
import type { ScanData, ScannerDriver, Transport } from '../core/contracts';
import { type ScanFraming, createScanFramer } from './framing';

/** A serial scanner: its transport and how it frames barcodes. */
export interface SerialScannerOptions {
  transport: Transport;
  framing: ScanFraming;
  log?: (message: string) => void;
}

/** A `ScannerDriver` over a serial transport. */
export function createSerialScanner(options: SerialScannerOptions): ScannerDriver {
  const { transport } = options;
  const log = options.log ?? ((message: string) => console.error(`[devices] ${message}`));
  const scanListeners = new Set<(scan: ScanData) => void>();
  const lostListeners = new Set<(reason: string) => void>();
  const framer = createScanFramer(
    options.framing,
    (scan) => {
      for (const listener of [...scanListeners]) listener(scan);
    },
    (message) => log(`${transport.description}: ${message}`),
  );
  let unsubscribe: (() => void)[] = [];

  function detach(): void {
    for (const off of unsubscribe) off();
    unsubscribe = [];
    framer.reset();
  }

  return {
    category: 'scanner',
    async open() {
      if (transport.isOpen) return;
      detach();
      await transport.open();
      unsubscribe = [
        transport.onData((chunk) => framer.push(chunk)),
        transport.onClose((reason) => {
          detach();
          for (const listener of [...lostListeners]) listener(reason);
        }),
      ];
    },
    async close() {
      detach();
      await transport.close();
    },
    async health() {
      return transport.isOpen ? [] : ['offline'];
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
