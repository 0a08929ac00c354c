/**
 * The IPC handler map: every area's handlers merged into one object with a handler per contract channel
 * (as Actual merges its handler maps). Electron main and the browser-mode register host both serve the
 * renderer with exactly this map, each building the context for its own process, so behaviour cannot drift
 * between the two modes. Nothing under src/backend imports Electron: the host runs under plain Node.
 */
import { type DisplayContext, createDisplayHandlers } from '../display/display-handlers';
import { type RegisterContext, createRegisterHandlers } from '../enrollment/register-handlers';
import { createHardwareHandlers } from '../hardware/hardware-handlers';
import type { HardwareContext } from '../hardware/hardware-context';
import { type PaymentContext, createPaymentHandlers } from '../payments/payment-handlers';
import { createPrinterHandlers } from '../printer/printer-handlers';
import { type StaffContext, createStaffHandlers } from '../staff/staff-handlers';
import { type AppContext, createAppHandlers } from './app-handlers';
import type { IpcHandlers } from './handler-types';

/** What the handlers need from the process that hosts them (one field set per area). */
export type HandlerContext = AppContext &
  RegisterContext &
  StaffContext &
  PaymentContext &
  DisplayContext &
  Partial<HardwareContext>;

/** Builds the handler map for one process. */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  return {
    ...createAppHandlers(context),
    ...createRegisterHandlers(context),
    ...createPrinterHandlers(context),
    ...createStaffHandlers(context),
    ...createDisplayHandlers(context),
    ...createPaymentHandlers(context),
    ...createHardwareHandlers(context),
  };
}
