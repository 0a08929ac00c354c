/**
 * A cash drawer with its own serial interface: it opens when it receives its trigger bytes, and some
 * report the drawer's switch on a modem line (DSR by default). Where the port cannot report modem lines
 * (a pseudo-terminal, an adapter without them) the drawer's state is `null`: unknown, never guessed.
 */
import type { DeviceFaultCode, DrawerDriver, Transport } from '../core/contracts';
import { deviceFault } from '../core/fault';
import type { ModemLines } from '../transports/serial';

/** A transport that may report its modem lines (the serial transport does). */
export type DrawerTransport = Transport & { modemLines?: () => Promise<ModemLines | null> };

/** How the drawer is driven. */
export interface SerialDrawerOptions {
  /** What opens it (its manual says; often a single byte such as 0x07). 1-64 bytes. */
  kickBytes: Uint8Array;
  /** Whether the status line is high while the drawer is open. */
  openWhenSignalHigh: boolean;
  /** Which modem line carries the drawer's switch (default `dsr`). */
  signalLine?: keyof ModemLines;
}

/** Creates a serial drawer on `transport`; `open()` opens the port. */
export function createSerialDrawer(transport: DrawerTransport, options: SerialDrawerOptions): DrawerDriver {
  const { kickBytes, openWhenSignalHigh, signalLine = 'dsr' } = options;
  const valid = kickBytes instanceof Uint8Array && kickBytes.length >= 1 && kickBytes.length <= 64;
  return {
    category: 'drawer',

    async open() {
      if (!valid) throw deviceFault('misconfigured', 'the drawer needs 1-64 kick bytes');
      await transport.open();
    },

    close: () => transport.close(),

    async kick() {
      if (!valid) throw deviceFault('misconfigured', 'the drawer needs 1-64 kick bytes');
      await transport.write(kickBytes);
    },

    async isOpen() {
      const lines = (await transport.modemLines?.().catch(() => null)) ?? null;
      if (!lines) return null;
      return lines[signalLine] === openWhenSignalHigh;
    },

    async health(): Promise<DeviceFaultCode[]> {
      if (!valid) return ['misconfigured'];
      return transport.isOpen ? [] : ['offline'];
    },

    onLost: (listener) => transport.onClose(listener),
  };
}
