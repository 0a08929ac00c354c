/**
 * Abandoned carts: a web store cart with something in it that nobody touched for the hub's abandoned-cart
 * time (`HUB_ABANDONED_CART_MINUTES`, default 30) is marked abandoned, so the counter can offer to finish
 * it. A sweeper marks them in the background; the counter's history sweeps the customer's carts before
 * reading, so what it shows never waits for the next sweep. A cart touched again is open again
 * (repositories/browsing.ts). Every function takes the time as a value, so tests move the clock instead
 * of waiting.
 */
import type { AbandonedCartView } from '../repositories/carts';
import type { DomainContext } from './context';

/** When a cart counts as abandoned. */
export interface AbandonedCartPolicy {
  /** Untouched this long (minutes; fractions allowed). */
  abandonedCartMinutes: number;
}

/** The moment before which an open cart's last change makes it abandoned at `now`. */
export function abandonedBefore(policy: AbandonedCartPolicy, now: Date): Date {
  return new Date(now.getTime() - policy.abandonedCartMinutes * 60_000);
}

/** Marks every cart left untouched (or one customer's) as abandoned at `now`; returns how many. */
export async function sweepAbandonedCarts(
  ctx: Pick<DomainContext, 'repos'>,
  policy: AbandonedCartPolicy,
  now: Date,
  customerId: string | null = null,
): Promise<number> {
  return ctx.repos.carts.markAbandoned(abandonedBefore(policy, now), now, customerId);
}

/** A customer's abandoned carts with their items, as of `now`. */
export async function abandonedCartsOf(
  ctx: Pick<DomainContext, 'repos'>,
  policy: AbandonedCartPolicy,
  customerId: string,
  now: Date,
): Promise<AbandonedCartView[]> {
  await sweepAbandonedCarts(ctx, policy, now, customerId);
  return ctx.repos.carts.abandonedOf(customerId);
}

/** A running background sweep; `stop` ends it (and waits for a sweep in progress). */
export interface CartSweeper {
  stop(): Promise<void>;
}

/**
 * Sweeps every `intervalMs` (a tenth of the abandoned-cart time, between 1 s and 1 min) until stopped. A
 * failed sweep (the database away) is reported and tried again next time.
 */
export function startCartSweeper(
  ctx: Pick<DomainContext, 'repos'>,
  policy: AbandonedCartPolicy,
  onError: (err: unknown) => void,
  clock: () => Date = () => new Date(),
): CartSweeper {
  const intervalMs = Math.min(60_000, Math.max(1_000, (policy.abandonedCartMinutes * 60_000) / 10));
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepAbandonedCarts(ctx, policy, clock()).catch(onError);
  }, intervalMs);
  // The sweep never keeps a process alive by itself.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
