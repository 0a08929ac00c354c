/**
 * What the replica needs to know about an enrollment. The enrollment itself (code → token, the rules of
 * re-enrolling, where it is kept) belongs to the process host (src/backend/enrollment); the renderer gets it
 * through `window.till` (`register:enrollment`) and opens the replica that goes with it. The token is never
 * logged: diagnostics get `redactEnrollment`.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';

/**
 * The replica's database name for an enrollment: one per hub and store, so re-enrolling in the same store
 * keeps the replica (and its sales not yet pushed) and another store or hub never mixes data. RxDB names are
 * lower-case letters, digits, `_`, `$`, `-` and start with a letter.
 */
export function replicaNameFor(enrollment: Pick<StoredEnrollment, 'hubUrl' | 'storeId'>): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `till-${hashText(enrollment.hubUrl)}-${slug(enrollment.storeId)}`.slice(0, 100);
}

/** The enrollment with its token hidden, for logs and the diagnostics export. */
export function redactEnrollment(e: StoredEnrollment): StoredEnrollment {
  return { ...e, token: `…${e.token.slice(-4)}` };
}

/** A short stable hash (FNV-1a, hex) so a hub URL fits in a database name. Not for security. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
