/**
 * The sync indicator and its details in a clerk's words (pure functions, so the wording lives in one place
 * and is tested). The problems themselves are described by src/sync/status.ts.
 */
import type { PendingSales } from '../../../sync/pending-sales';
import type { SyncProgress } from '../../../sync/replication';
import type { Connection } from '../../../sync/status';

/** A time of day as a clerk reads it: hours and minutes, in the page’s locale ("10:42", "1:07 PM"). */
export function clockTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
}

/** The connection in one word. */
export function connectionWord(connection: Connection): string {
  if (connection === 'online') return 'Online';
  if (connection === 'offline') return 'Offline';
  return 'Reconnecting';
}

/** "No sales waiting", or "1 sale waiting (oldest 10:42)". */
export function waitingWords(pending: PendingSales, locale?: string): string {
  if (pending.count === 0) return 'No sales waiting';
  const sales = pending.count === 1 ? '1 sale waiting' : `${pending.count} sales waiting`;
  return pending.oldest ? `${sales} (oldest ${clockTime(pending.oldest, locale)})` : sales;
}

/** "Last exchange 10:43", or that there has been none yet. */
export function lastExchangeWords(iso: string | null, locale?: string): string {
  return iso ? `Last exchange ${clockTime(iso, locale)}` : 'No exchange yet';
}

/** The connection explained in a sentence, for the details panel. */
export function connectionSentence(connection: Connection): string {
  if (connection === 'online') return 'Connected to the hub: sales go out as they are made.';
  if (connection === 'offline') {
    return 'The hub cannot be reached. Keep selling: sales are saved here and sent when the connection is back.';
  }
  return 'The connection to the hub dropped; reconnecting by itself. Keep selling.';
}

/** What waits, explained in a sentence, for the details panel. */
export function waitingSentence(pending: PendingSales, locale?: string): string {
  if (pending.count === 0) return 'Every sale made here has reached the hub.';
  const sales = pending.count === 1 ? '1 sale is' : `${pending.count} sales are`;
  const since = pending.oldest ? `, the oldest from ${clockTime(pending.oldest, locale)}` : '';
  return `${sales} waiting to reach the hub${since}. They are safe on this register and go out by themselves.`;
}

/** The catalogue download: products so far, and whether the first sync is complete. */
export function downloadWords(progress: SyncProgress): string {
  const products = progress.received.products;
  const count = `${products.toLocaleString()} ${products === 1 ? 'product' : 'products'}`;
  if (progress.done) return `First download complete: ${count} received.`;
  return `Downloading from the hub: ${count} so far. The register is usable as soon as products are in.`;
}

/** How many documents the hub refused, in words. */
export function quarantineWords(count: number): string {
  if (count === 0) return 'The hub has refused nothing from this register.';
  const docs = count === 1 ? '1 document was' : `${count} documents were`;
  return `${docs} refused by the hub and kept aside. A manager can look at them and export diagnostics for support.`;
}
