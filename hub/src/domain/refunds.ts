/**
 * Settling card refunds of web orders returned at a counter. The gateway is asked with the return's id as
 * the idempotency key (`return:<id>`), so a push that arrives twice, or two pushes of the same return at
 * once, refund the card once; the row moves from `pending` only once. A refund the gateway refuses is
 * recorded as `refused` with its code and raises a `refund_refused` exception for a manager; a gateway
 * that cannot be reached leaves the refund pending for the next push of the return, or for the sweeper
 * (`RefundSweeper`), which asks again for refunds left pending a while.
 */
import type { PaymentGateway } from './gateway';
import type { DomainContext } from './context';
import type { WebReturnRow } from '../repositories/web-returns';
import { refreshOrderReturns } from './web-returns';

/** What settling needs: the database, the repositories and the card gateway. */
export interface RefundContext extends DomainContext {
  gateway: PaymentGateway;
}

/** The gateway idempotency key of a return's card refund. */
export function refundKey(returnId: string): string {
  return `return:${returnId}`;
}

/** Settles one pending card refund; returns its row afterwards (unchanged when the gateway failed). */
export async function settleRefund(ctx: RefundContext, pending: WebReturnRow): Promise<WebReturnRow> {
  if (pending.state !== 'pending' || pending.method !== 'card' || !pending.chargeReference) return pending;
  let result: Awaited<ReturnType<PaymentGateway['refund']>>;
  try {
    result = await ctx.gateway.refund({
      reference: pending.chargeReference,
      amount: pending.amount,
      idempotencyKey: refundKey(pending.returnId),
    });
  } catch {
    // The gateway did not answer: nothing is known to have happened; the next attempt asks again.
    return pending;
  }
  const settled = await ctx.db.transaction(async (tx) => {
    const row = await ctx.repos.webReturns.settle(
      pending.returnId,
      result.ok
        ? { state: 'refunded', refundReference: result.reference, last4: result.last4 ?? null }
        : { state: 'refused', code: result.code, message: result.message },
      tx,
    );
    if (!row) return null;
    await refreshOrderReturns(ctx, tx, row.orderId);
    if (!result.ok) {
      await ctx.repos.exceptions.raise(
        [
          {
            kind: 'refund_refused',
            storeId: row.storeId,
            sku: null,
            saleId: row.returnId,
            orderId: row.orderId,
            message: `return ${row.number} of a web order could not be refunded to the card: ${result.message}`,
            details: { amount: row.amount, code: result.code },
            dedupeKey: `refund:${row.returnId}`,
          },
        ],
        tx,
      );
    }
    return row;
  });
  if (settled) return settled;
  // Settled meanwhile by a concurrent push of the same return: its row says how.
  return (await ctx.repos.webReturns.byIds([pending.returnId]))[0] ?? pending;
}

/** Settles every pending card refund among `rows`, one after another; returns the rows afterwards. */
export async function settleRefunds(
  ctx: RefundContext,
  rows: readonly WebReturnRow[],
): Promise<WebReturnRow[]> {
  const out: WebReturnRow[] = [];
  for (const row of rows) out.push(row.state === 'pending' ? await settleRefund(ctx, row) : row);
  return out;
}

/**
 * Settles card refunds left pending (the gateway did not answer when the return arrived) every
 * `intervalMs`, a batch at a time, so a refund never waits for the register to push the return again.
 */
export class RefundSweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ctx: RefundContext,
    private readonly intervalMs = 30_000,
    /** Only refunds pending at least this long: a push still settling its own is left to it. */
    private readonly graceMs = 10_000,
  ) {}

  /** Starts sweeping (the timer never keeps the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  /** Settles one batch of refunds pending longer than the grace time; returns how many it settled. */
  sweep(graceMs = this.graceMs): Promise<number> {
    this.running ??= (async () => {
      try {
        const rows = await this.ctx.repos.webReturns.pending(graceMs, 50);
        const settled = await settleRefunds(this.ctx, rows);
        return settled.filter((r) => r.state !== 'pending').length;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Stops sweeping and waits for a sweep in progress. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
