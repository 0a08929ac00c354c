/**
 * Handlers of the `payment` area (src/shared/ipc/channels/payment.ts): each channel asks the card terminal
 * and answers its outcome. The terminal is the context's `cardTerminal`, or the simulated one (amounts
 * ending in 13 decline, in 17 time out; see simulated-terminal.ts) while no real terminal is set up.
 */
import { ipcOk } from '@till/shared/ipc/contract';
import type { IpcResult } from '@till/shared/ipc/contract';
import type { AreaHandlers } from '../ipc/handler-types';
import type { CardTerminal, CardTerminalResult } from './card-terminal';
import { createSimulatedTerminal } from './simulated-terminal';

/** What the `payment` handlers need from the process that hosts them. */
export interface PaymentContext {
  /** The card terminal; absent, a simulated one lives as long as the handler map. */
  cardTerminal?: CardTerminal;
}

/** Builds the `payment` handlers. */
export function createPaymentHandlers(context: PaymentContext): AreaHandlers<'payment'> {
  const terminal = context.cardTerminal ?? createSimulatedTerminal();
  return {
    'payment:card-charge': async (request) => answer(await terminal.charge(request)),
    'payment:card-refund': async (request) => answer(await terminal.refund(request)),
    'payment:card-resolve': async (request) => answer(await terminal.resolve(request)),
    'payment:card-cancel': async (request) => ipcOk({ cancelled: await terminal.cancel(request.saleId) }),
  };
}

function answer(result: CardTerminalResult): IpcResult<Extract<CardTerminalResult, { ok: true }>['value']> {
  return result.ok ? ipcOk(result.value) : { ok: false, error: result.error };
}
