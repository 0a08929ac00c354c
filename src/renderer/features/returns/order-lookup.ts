/**
 * What the clerk typed or scanned to find a WEB ORDER for a return: its number as printed (`W000123`), the
 * order confirmation's QR code (`till:order:<number or id>`), the customer's e-mail or phone. Anything else
 * is left to the receipt look-up of in-store sales.
 */

/** A web order to look for, by one key the customer gives at the counter. */
export type OrderLookup =
  | { by: 'number'; value: string }
  | { by: 'qr'; value: string }
  | { by: 'email'; value: string }
  | { by: 'phone'; value: string };

const QR_PREFIX = 'till:order:';
const ORDER_NUMBER = /^W[0-9]{1,12}$/i;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{1,60}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,22}$/;

/** Reads a typed or scanned code as a web-order key; null when it is not one (or is empty). */
export function parseOrderLookup(input: string): OrderLookup | null {
  const text = input.trim();
  if (text === '' || text.length > 254) return null;
  if (text.toLowerCase().startsWith(QR_PREFIX)) {
    const key = text.slice(QR_PREFIX.length).trim();
    return key === '' || key.length > 64 ? null : { by: 'qr', value: key };
  }
  if (ORDER_NUMBER.test(text)) return { by: 'number', value: text.toUpperCase() };
  if (EMAIL.test(text)) return { by: 'email', value: text.toLowerCase() };
  // Receipt numbers (S1-R1-000042) contain letters, so a code of digits and separators is a phone.
  if (PHONE.test(text) && text.replace(/[^0-9]/g, '').length >= 6) return { by: 'phone', value: text };
  return null;
}

/** The look-up in words, for messages ("No web order for ann@example.com"). */
export function orderLookupWords(lookup: OrderLookup): string {
  return lookup.by === 'qr' ? `order ${lookup.value}` : lookup.value;
}
