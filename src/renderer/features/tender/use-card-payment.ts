/**
 * The card part of the tender screen: charge through the terminal, wait (with Cancel), and act on the
 * outcome — approved adds a card tender with its reference; declined says so; unknown asks the clerk to
 * check the terminal and records the answer (`payment:card-resolve`), so a time-out never leaves a sale
 * half-done.
 */
import { useCallback, useState } from 'react';
import type { CardOutcome } from '@till/shared/ipc/channels/payment';
import type { IpcResult } from '@till/shared/ipc/contract';
import { cancelCard, chargeCard, resolveCard } from './queries';
import { useTenderStore } from './tender-store';

/** Where the card payment stands. */
export type CardState =
  | { step: 'idle' }
  | { step: 'waiting'; amount: number }
  | { step: 'declined'; message: string }
  | { step: 'unknown'; amount: number; message: string };

/** The card flow's state and actions. */
export function useCardPayment(currency: string) {
  const [state, setState] = useState<CardState>({ step: 'idle' });
  const saleId = useTenderStore((s) => s.saleId);
  const addTender = useTenderStore((s) => s.addTender);

  const settle = useCallback(
    (amount: number, result: IpcResult<CardOutcome>) => {
      if (!result.ok) {
        // Losing the register process mid-charge says nothing about the card: the clerk checks the terminal.
        if (result.error.code === 'unavailable' || result.error.code === 'internal') {
          setState({ step: 'unknown', amount, message: result.error.message });
        } else setState({ step: 'declined', message: result.error.message });
        return;
      }
      const outcome = result.value;
      if (outcome.outcome === 'approved') {
        addTender({ method: 'card', amount, reference: outcome.reference });
        setState({ step: 'idle' });
      } else if (outcome.outcome === 'declined') {
        setState({ step: 'declined', message: outcome.message });
      } else {
        setState({ step: 'unknown', amount, message: outcome.message });
      }
    },
    [addTender],
  );

  const charge = useCallback(
    async (amount: number) => {
      setState({ step: 'waiting', amount });
      settle(amount, await chargeCard(saleId, amount, currency));
    },
    [saleId, currency, settle],
  );

  const cancel = useCallback(() => void cancelCard(saleId), [saleId]);

  const resolve = useCallback(
    async (approved: boolean) => {
      if (state.step !== 'unknown') return;
      const amount = state.amount;
      const result = await resolveCard(saleId, approved);
      if (result.ok && result.value.outcome === 'declined') {
        setState({ step: 'declined', message: 'Recorded as not paid. Choose another tender.' });
      } else settle(amount, result);
    },
    [state, saleId, settle],
  );

  const dismiss = useCallback(() => setState({ step: 'idle' }), []);

  return { state, charge, cancel, resolve, dismiss };
}
