/**
 * What the clerk typed or scanned to find a sale: the receipt number (typed, or the receipt's Code 128),
 * or the receipt's QR code `till:sale:<id>`. Receipt numbers are matched as printed, whatever the case.
 */

/** A sale to look for: by its document id (QR code) or by its receipt number. */
export type SaleLookup = { by: 'id'; id: string } | { by: 'number'; number: string };

const QR_PREFIX = 'till:sale:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a typed or scanned code; null when there is nothing to look for. */
export function parseSaleLookup(input: string): SaleLookup | null {
  const text = input.trim();
  if (text === '') return null;
  if (text.toLowerCase().startsWith(QR_PREFIX)) {
    const id = text.slice(QR_PREFIX.length).trim().toLowerCase();
    return UUID.test(id) ? { by: 'id', id } : null;
  }
  if (UUID.test(text)) return { by: 'id', id: text.toLowerCase() };
  return { by: 'number', number: text.toUpperCase() };
}
