/**
 * A virtual serial scanner: it writes framed barcodes (prefix, AIM identifier, data, suffix) into the peer
 * end of a pty pair, so the serial scanner driver reads them through the real `serialport` package exactly
 * as it would read a scanner on a COM port. Optionally paced at a baud rate, so the bytes arrive in the
 * small chunks a real 9600-baud line delivers.
 */
import type { Symbology } from '../core/contracts';
import { aimOfSymbology } from '../scanner/aim';
import { type ScanFraming, suffixText } from '../scanner/framing';
import { createSerialTransport } from '../transports/serial';

/** A virtual serial scanner. */
export interface VirtualSerialScanner {
  /** Writes one framed barcode. */
  scan(data: string, symbology?: Symbology): Promise<void>;
  /** Writes bytes as they are (line noise, a truncated frame). */
  writeRaw(bytes: Uint8Array | string): Promise<void>;
  close(): Promise<void>;
}

/** How the virtual scanner frames and paces what it sends. */
export interface VirtualSerialScannerOptions {
  peerPath: string;
  framing: Pick<ScanFraming, 'suffix' | 'prefix' | 'aimPrefix'>;
  /** Pace the bytes at this line speed (10 bits per byte for 8N1); absent: write at once. */
  baudRate?: number;
}

const tickMs = 4;

/** Opens the peer end and returns the scanner. */
export async function openVirtualSerialScanner(
  options: VirtualSerialScannerOptions,
): Promise<VirtualSerialScanner> {
  const transport = createSerialTransport({ path: options.peerPath, baudRate: options.baudRate ?? 9600 });
  await transport.open();
  const { framing } = options;

  async function write(bytes: Uint8Array): Promise<void> {
    if (!options.baudRate) return transport.write(bytes);
    // 8N1: a start bit, 8 data bits and a stop bit per byte; send what the line carries per tick.
    const perTick = Math.max(1, Math.round((options.baudRate / 10) * (tickMs / 1000)));
    for (let at = 0; at < bytes.length; at += perTick) {
      await transport.write(bytes.subarray(at, at + perTick));
      if (at + perTick < bytes.length) await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
  }

  return {
    async scan(data, symbology = 'unknown') {
      const aim = framing.aimPrefix ? aimOfSymbology(symbology) : '';
      const frame = `${framing.prefix ?? ''}${aim}${data}${suffixText(framing.suffix)}`;
      await write(Buffer.from(frame, 'latin1'));
    },
    writeRaw(bytes) {
      return write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
    },
    close: () => transport.close(),
  };
}
