/**
 * What the clerk typed or scanned in the customer search, read as a key the hub can look a customer up
 * by: a loyalty card (`till:customer:<id>`), a web order's receipt QR (`till:order:<number>`: its
 * customer), an e-mail address or a phone number. Anything else is a name, searched in the replica only.
 */

/** A hub look-up key. */
export type LookupKey =
  | { by: 'card'; card: string }
  | { by: 'order'; qr: string }
  | { by: 'email'; email: string }
  | { by: 'phone'; phone: string };

/** The key `text` names, or null when it is none of them. */
export function lookupKeyOf(text: string): LookupKey | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 254) return null;
  if (/^till:customer:[\w.-]{1,64}$/.test(t)) return { by: 'card', card: t };
  if (/^till:order:[\w.-]{1,64}$/.test(t)) return { by: 'order', qr: t };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return { by: 'email', email: t.toLowerCase() };
  if (/^\+?[0-9 ()-]{5,24}$/.test(t) && t.replace(/\D/g, '').length >= 5) return { by: 'phone', phone: t };
  return null;
}
