/**
 * Watches a drawer and warns when it has been left open: a drawer standing open is cash within anyone's
 * reach, so the register says so after `warnAfterMs` (once per opening) and says again when it closes.
 */
import type { DrawerDriver } from '../core/contracts';

/** What to watch for. */
export interface WatchDrawerOptions {
  /** How long the drawer may stay open before the warning (e.g. 30000 ms). */
  warnAfterMs: number;
  /** How often to ask the drawer (default 500 ms). */
  pollMs?: number;
  /** Called once per opening when it has been open `warnAfterMs`, with how long it has been open. */
  onOpenTooLong: (openForMs: number) => void;
  /** Called when it closes after a warning (so the warning can be taken down). */
  onClosed?: () => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/** A running watch; `stop()` ends it. */
export interface DrawerWatch {
  stop(): void;
  /** Checks once now; what the timer does every `pollMs`. */
  check(): Promise<void>;
}

/** Starts watching `drawer`. A drawer that cannot tell (`null`) or cannot be reached never warns. */
export function watchDrawer(drawer: Pick<DrawerDriver, 'isOpen'>, options: WatchDrawerOptions): DrawerWatch {
  const now = options.now ?? Date.now;
  let openedAt: number | null = null;
  let warned = false;
  let checking = false;

  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const open = await drawer.isOpen().catch(() => null);
      if (open === true) {
        openedAt ??= now();
        const openFor = now() - openedAt;
        if (!warned && openFor >= options.warnAfterMs) {
          warned = true;
          options.onOpenTooLong(openFor);
        }
      } else if (open === false) {
        if (warned) options.onClosed?.();
        openedAt = null;
        warned = false;
      }
    } finally {
      checking = false;
    }
  };

  const timer = setInterval(() => void check(), options.pollMs ?? 500);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    check,
  };
}
