/**
 * A simulated card terminal, used until a real terminal SDK implements `CardTerminal`. It keeps what it
 * did in memory (as a terminal's acquirer would remember it) for as long as the process host runs.
 *
 * What it answers, decided by the amount's minor units so tests and demos can choose the outcome:
 * - an amount ending in **13** (e.g. 10.13) is **declined**;
 * - an amount ending in **17** (e.g. 10.17) **times out**: `unknown`, and the clerk must check the
 *   terminal and record its answer with `resolve`;
 * - any other amount is **approved** with a reference `SIM-…`.
 * Refunds follow the same rule. Each request waits `processingMs` (a time-out waits `timeoutMs`) so the
 * page's "waiting for the terminal" state is real, and `cancel` can stop it.
 */
import { randomUUID } from 'node:crypto';
import type {
  CardChargeRequest,
  CardOutcome,
  CardRefundRequest,
  CardResolveRequest,
} from '@till/shared/ipc/channels/payment';
import { err, ok } from '@till/shared/result';
import type { CardTerminal, CardTerminalResult } from './card-terminal';

/** How long the simulated terminal takes. */
export interface SimulatedTerminalOptions {
  /** Until an approval or decline (default 400 ms). */
  processingMs?: number;
  /** Until an amount ending in 17 gives up with `unknown` (default 1500 ms). */
  timeoutMs?: number;
}

type Status = 'pending' | 'approved' | 'declined' | 'unknown';

interface Attempt {
  kind: 'charge' | 'refund';
  amount: number;
  currency: string;
  status: Status;
  /** The reference the terminal gives this attempt if it is approved. */
  reference: string;
  originalReference?: string;
  /** The final outcome once there is one (a resolved `unknown` keeps the clerk's answer). */
  outcome?: CardOutcome;
  waiting?: { promise: Promise<CardOutcome>; finish: (outcome: CardOutcome) => void };
}

interface Charge {
  amount: number;
  currency: string;
  refunded: number;
}

const timeoutMessage = 'The terminal did not answer in time. Check the terminal: did the payment go through?';

/** Builds a simulated terminal (see the file comment for which amounts decline or time out). */
export function createSimulatedTerminal(options: SimulatedTerminalOptions = {}): CardTerminal {
  const processingMs = options.processingMs ?? 400;
  const timeoutMs = options.timeoutMs ?? 1500;
  const bySale = new Map<string, Attempt[]>();
  const charges = new Map<string, Charge>();

  const attemptsOf = (saleId: string): Attempt[] => {
    let list = bySale.get(saleId);
    if (!list) bySale.set(saleId, (list = []));
    return list;
  };

  const settle = (attempt: Attempt, status: Exclude<Status, 'pending'>, outcome: CardOutcome): void => {
    attempt.status = status;
    attempt.outcome = outcome;
    if (status === 'approved' && outcome.outcome === 'approved') {
      if (attempt.kind === 'charge') {
        charges.set(outcome.reference, { amount: attempt.amount, currency: attempt.currency, refunded: 0 });
      } else if (attempt.originalReference) {
        const charge = charges.get(attempt.originalReference);
        if (charge) charge.refunded += attempt.amount;
      }
    }
    const waiting = attempt.waiting;
    attempt.waiting = undefined;
    waiting?.finish(outcome);
  };

  const start = (attempt: Attempt, list: Attempt[]): Promise<CardOutcome> => {
    list.push(attempt);
    let finish!: (outcome: CardOutcome) => void;
    const promise = new Promise<CardOutcome>((resolve) => (finish = resolve));
    attempt.waiting = { promise, finish };
    const ending = attempt.amount % 100;
    const delay = ending === 17 ? timeoutMs : processingMs;
    setTimeout(() => {
      if (attempt.status !== 'pending') return; // cancelled meanwhile
      if (ending === 13)
        settle(attempt, 'declined', { outcome: 'declined', message: 'Declined by the card issuer.' });
      else if (ending === 17) {
        // In doubt: keep the attempt (and what it would reserve) until the clerk resolves it.
        attempt.status = 'unknown';
        const waiting = attempt.waiting;
        attempt.waiting = undefined;
        waiting?.finish({ outcome: 'unknown', message: timeoutMessage });
      } else settle(attempt, 'approved', { outcome: 'approved', reference: attempt.reference });
    }, delay);
    return promise;
  };

  /** What an earlier attempt of the same sale answers for a repeated request, if anything. */
  const repeat = (list: Attempt[], kind: Attempt['kind'], amount: number, originalReference?: string) => {
    const inDoubt = list.find((a) => a.status === 'unknown');
    if (inDoubt) return Promise.resolve<CardOutcome>({ outcome: 'unknown', message: timeoutMessage });
    const same = list.find(
      (a) =>
        a.kind === kind &&
        a.amount === amount &&
        a.originalReference === originalReference &&
        (a.status === 'pending' || a.status === 'approved'),
    );
    if (same?.waiting) return same.waiting.promise;
    if (same?.outcome) return Promise.resolve(same.outcome);
    if (list.some((a) => a.status === 'pending')) {
      return Promise.resolve<CardOutcome>({
        outcome: 'declined',
        message: 'The terminal is still busy with another payment of this sale.',
      });
    }
    return null;
  };

  return {
    async charge(request: CardChargeRequest): Promise<CardTerminalResult> {
      const list = attemptsOf(request.saleId);
      const other = list.find((a) => a.currency !== request.currency);
      if (other)
        return err({ code: 'currency_mismatch', message: `This sale is paid in ${other.currency}.` });
      const again = repeat(list, 'charge', request.amount);
      if (again) return ok(await again);
      const attempt: Attempt = {
        kind: 'charge',
        amount: request.amount,
        currency: request.currency,
        status: 'pending',
        reference: `SIM-${randomUUID()}`,
      };
      return ok(await start(attempt, list));
    },

    async refund(request: CardRefundRequest): Promise<CardTerminalResult> {
      const charge = charges.get(request.originalReference);
      if (!charge) {
        return err({
          code: 'card_reference_unknown',
          message: 'No approved card payment has that reference.',
        });
      }
      if (charge.currency !== request.currency) {
        return err({ code: 'currency_mismatch', message: `That card payment was in ${charge.currency}.` });
      }
      const list = attemptsOf(request.saleId);
      const again = repeat(list, 'refund', request.amount, request.originalReference);
      if (again) return ok(await again);
      // Refunds still waiting for the terminal (or in doubt) count against what is left of the charge.
      let reserved = 0;
      for (const attempts of bySale.values()) {
        for (const a of attempts) {
          if (
            a.kind === 'refund' &&
            a.originalReference === request.originalReference &&
            a.status !== 'approved'
          ) {
            if (a.status === 'pending' || a.status === 'unknown') reserved += a.amount;
          }
        }
      }
      const left = charge.amount - charge.refunded - reserved;
      if (request.amount > left) {
        return err({
          code: 'refund_exceeds_charge',
          message: `Only ${left} (minor units) of that card payment is left to refund.`,
        });
      }
      const attempt: Attempt = {
        kind: 'refund',
        amount: request.amount,
        currency: request.currency,
        status: 'pending',
        reference: `SIM-${randomUUID()}`,
        originalReference: request.originalReference,
      };
      return ok(await start(attempt, list));
    },

    async resolve(request: CardResolveRequest): Promise<CardTerminalResult> {
      const list = bySale.get(request.saleId) ?? [];
      const inDoubt = list.find((a) => a.status === 'unknown');
      if (!inDoubt) {
        return err({ code: 'card_nothing_to_resolve', message: 'No card payment of this sale is in doubt.' });
      }
      if (request.approved) {
        settle(inDoubt, 'approved', {
          outcome: 'approved',
          reference: request.reference ?? inDoubt.reference,
        });
      } else {
        settle(inDoubt, 'declined', {
          outcome: 'declined',
          message: 'Recorded as not paid: take another tender.',
        });
      }
      return ok(inDoubt.outcome as CardOutcome);
    },

    async cancel(saleId: string): Promise<boolean> {
      const pending = (bySale.get(saleId) ?? []).filter((a) => a.status === 'pending');
      for (const attempt of pending) {
        settle(attempt, 'declined', { outcome: 'declined', message: 'Cancelled at the register.' });
      }
      return pending.length > 0;
    },
  };
}
