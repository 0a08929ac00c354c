/**
 * Handlers of the `printer` area (src/shared/ipc/channels/printer.ts): the receipt printer and the cash
 * drawer wired to it. No printer driver exists yet (docs/architecture.md, Devices: the device service will
 * drive it in the hardware issue), so the status says so and printing or opening the drawer answers
 * `printer_not_configured` — a value the clerk reads, never a silent success: the receipt stays on screen.
 */
import { ipcErr, ipcOk } from '@till/shared/ipc/contract';
import type { AreaHandlers } from '../ipc/handler-types';

/** What the clerk is told while no receipt printer is set up. */
export const printerNotConfiguredMessage = 'No receipt printer is set up; the receipt is on screen.';

/** Builds the `printer` handlers. */
export function createPrinterHandlers(): AreaHandlers<'printer'> {
  return {
    'printer:status': () => ipcOk({ configured: false, message: printerNotConfiguredMessage }),
    'printer:print': () => ipcErr('printer_not_configured', printerNotConfiguredMessage),
    'printer:drawer': () =>
      ipcErr('printer_not_configured', 'No receipt printer is set up, so the cash drawer cannot be opened.'),
  };
}
