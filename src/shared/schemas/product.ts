/** Catalogue product, replicated hub → registers (`products` collection). */
import { z } from 'zod';
import { currencyCode, identText, isoTime, minorNonNegative, sku, text } from './common';

/** A barcode as scanned: EAN-13, EAN-8, UPC-A or a store's own code (digits and letters, no spaces). */
export const barcodeSchema = z.string().regex(/^[0-9A-Za-z\-.]{4,48}$/, 'a barcode');

/** A product as the registers and the web store see it. `price` is in the store's price mode. */
export const productSchema = z.object({
  sku: sku(),
  name: text().min(1).max(200),
  price: minorNonNegative(),
  currency: currencyCode(),
  taxCode: identText().min(1).max(32),
  barcodes: z.array(barcodeSchema).max(20),
  category: text().max(80).optional(),
  /** Open-price items ask the clerk for a price at the counter. */
  openPrice: z.boolean().optional(),
  active: z.boolean(),
  updatedAt: isoTime(),
});

/** A catalogue product. */
export type Product = z.infer<typeof productSchema>;

/** Whether `code` is a valid EAN-13 (or UPC-A padded to 13 digits): 13 digits with a correct check digit. */
export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  const weighted = digits.reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (weighted % 10)) % 10 === check;
}

/** Appends the EAN-13 check digit to 12 digits. */
export function withEan13CheckDigit(twelve: string): string {
  if (!/^\d{12}$/.test(twelve)) throw new RangeError('EAN-13 needs 12 digits before the check digit');
  const weighted = [...twelve].map(Number).reduce((s, d, i) => s + d * (i % 2 === 0 ? 1 : 3), 0);
  return twelve + String((10 - (weighted % 10)) % 10);
}
