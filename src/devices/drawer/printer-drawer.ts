/**
 * A cash drawer wired to the receipt printer's drawer kick connector (RJ11/RJ12 "DK" port): the printer
 * pulses the drawer's solenoid on `ESC p` and reads the drawer's switch on pin 3, which DLE EOT 1 reports.
 *
 * The kick goes through the printer's `sendRaw`, without the paper check: the drawer must open for change
 * even when the receipt paper has run out.
 */
import type { DeviceFaultCode, DrawerDriver } from '../core/contracts';
import { deviceFault, faultCodeOf } from '../core/fault';
import type { EscposPrinter } from '../printer/escpos-printer';
import type { DrawerKickOptions } from '../printer/encode';
import { encodeDrawerKick } from '../printer/encode';

/** How the drawer is wired. */
export interface PrinterDrawerOptions extends DrawerKickOptions {
  /**
   * Whether pin 3 reads high when the drawer is open. Drawers differ: many close the switch (pin 3 high)
   * when shut. Open the drawer, look at what the status says, and set this so "open" reads open.
   */
  openWhenSignalHigh: boolean;
}

/** The part of the printer the drawer uses. */
export type DrawerPrinter = Pick<EscposPrinter, 'sendRaw' | 'status' | 'health' | 'onLost'>;

/** Creates the drawer; opening and closing belong to the printer, so they do nothing here. */
export function createPrinterDrawer(printer: DrawerPrinter, options: PrinterDrawerOptions): DrawerDriver {
  // Checked once, so a bad pin or timing is `misconfigured` at every kick instead of a silent no-op.
  const kick = encodeDrawerKick(options);
  return {
    category: 'drawer',
    open: async () => undefined,
    close: async () => undefined,

    async kick() {
      if (!kick.ok) throw deviceFault('misconfigured', kick.error.message);
      await printer.sendRaw(kick.value);
    },

    async isOpen() {
      const { drawerSignal } = await printer.status();
      if (drawerSignal === null) return null;
      return drawerSignal === options.openWhenSignalHigh;
    },

    async health(): Promise<DeviceFaultCode[]> {
      if (!kick.ok) return ['misconfigured'];
      // Paper and cover do not matter to a drawer; only whether the printer can be reached.
      try {
        await printer.status();
        return [];
      } catch (error) {
        return [faultCodeOf(error)];
      }
    },

    onLost: (listener) => printer.onLost(listener),
  };
}
