/**
 * Who may take a pickup order: the customer shows the order's QR code (the storefront's and the e-mail's
 * `till:order:<number or id>`), or the clerk types the order number and the customer's name. A name
 * matches when it is the name on the order or its family name (the words after the first, or the last
 * word), ignoring case, accents,
 * punctuation and extra spaces. Each refusal has a code and words for the clerk.
 */
import type { WebOrder } from '@till/shared/schemas/web-order';

/** The prefix of an order's QR code. */
export const orderQrPrefix = 'till:order:';

/** Why the hand-over cannot go ahead. */
export type VerifyRefusal =
  | { code: 'not_an_order_code'; message: string }
  | { code: 'wrong_order'; message: string }
  | { code: 'name_missing'; message: string }
  | { code: 'name_mismatch'; message: string }
  | { code: 'not_ready'; message: string };

/** How the customer proved the order is theirs. */
export type PickupProof = { kind: 'scan'; code: string } | { kind: 'typed'; number: string; name: string };

/** The order key in a scanned code (`till:order:W000123` → `W000123`), or null when it is not one. */
export function orderKeyOfScan(code: string): string | null {
  const trimmed = code.trim();
  if (!trimmed.toLowerCase().startsWith(orderQrPrefix)) return null;
  const key = trimmed.slice(orderQrPrefix.length).trim();
  return key.length > 0 && key.length <= 64 ? key : null;
}

/** A name reduced for comparing: lower case, no accents, letters and digits separated by single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `typed` is the order's name or its family name (the words after the first, or the last). */
export function nameMatches(orderName: string, typed: string): boolean {
  const want = normalizeName(orderName).split(' ');
  const got = normalizeName(typed);
  if (got === '') return false;
  return (
    got === want.join(' ') || (want.length > 1 && (got === want.slice(1).join(' ') || got === want.at(-1)))
  );
}

/** Whether `key` (typed or scanned) names `order`: its number (any case) or its id. */
export function keyMatches(order: Pick<WebOrder, 'id' | 'number'>, key: string): boolean {
  const k = key.trim();
  return k === order.id || k.toUpperCase() === order.number.toUpperCase();
}

/** Checks the proof against the order; `null` when the order may be handed over. */
export function verifyPickup(order: WebOrder, proof: PickupProof): VerifyRefusal | null {
  if (order.status !== 'ready') {
    return { code: 'not_ready', message: `Order ${order.number} is ${order.status}, not ready to collect.` };
  }
  if (proof.kind === 'scan') {
    const key = orderKeyOfScan(proof.code);
    if (key === null)
      return { code: 'not_an_order_code', message: 'That is not an order code. Scan the order’s QR code.' };
    if (!keyMatches(order, key))
      return { code: 'wrong_order', message: `That code is for another order, not ${order.number}.` };
    return null;
  }
  if (!keyMatches(order, proof.number)) {
    return { code: 'wrong_order', message: `The order number does not match ${order.number}.` };
  }
  if (normalizeName(proof.name) === '') return { code: 'name_missing', message: 'Type the customer’s name.' };
  if (!nameMatches(order.customer.name, proof.name)) {
    return {
      code: 'name_mismatch',
      message: 'The name does not match the order. Ask for the order’s QR code or ID.',
    };
  }
  return null;
}
