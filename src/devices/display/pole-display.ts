/**
 * The driver for a serial pole display (two lines, usually 20 columns) over a `Transport`. It initialises
 * the display on open and shows each pair of lines with the display's command set; text is made ASCII
 * first (see text.ts), since the character sets of displays differ beyond it.
 */
import type { DisplayDriver, Transport } from '../core/contracts';
import { deviceFault } from '../core/fault';
import { type DisplayCommandSet, initCommand, showCommand, viaPrinter } from './commands';
import { toDisplayAscii } from './text';

/** How the display is driven. */
export interface PoleDisplayOptions {
  commandSet: DisplayCommandSet;
  /** Characters per line (20 on nearly every model). */
  columns?: number;
  /** Epson only: the display hangs off a printer's pass-through port (select it with `ESC = 2`). */
  viaPrinter?: boolean;
}

/** A `DisplayDriver` over `transport`. */
export function createPoleDisplay(transport: Transport, options: PoleDisplayOptions): DisplayDriver {
  const columns = options.columns ?? 20;
  const lostListeners = new Set<(reason: string) => void>();
  let offClose: (() => void) | null = null;
  const wrap = (bytes: Uint8Array) =>
    options.viaPrinter && options.commandSet === 'epson' ? viaPrinter(bytes) : bytes;

  return {
    category: 'display',
    async open() {
      if (!Number.isInteger(columns) || columns < 1 || columns > 80) {
        throw deviceFault('misconfigured', `a pole display of ${columns} columns`);
      }
      if (transport.isOpen) return;
      offClose?.();
      await transport.open();
      offClose = transport.onClose((reason) => {
        offClose?.();
        offClose = null;
        for (const listener of [...lostListeners]) listener(reason);
      });
      await transport.write(wrap(initCommand(options.commandSet)));
    },
    async close() {
      offClose?.();
      offClose = null;
      await transport.close();
    },
    async health() {
      return transport.isOpen ? [] : ['offline'];
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    async show(lines) {
      if (!transport.isOpen) throw deviceFault('offline', `${transport.description}: not open`);
      const ascii: [string, string] = [toDisplayAscii(lines[0]), toDisplayAscii(lines[1])];
      await transport.write(wrap(showCommand(options.commandSet, ascii, columns)));
    },
  };
}
