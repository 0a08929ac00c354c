/**
 * A scanned code → a cart line: `parseBarcode` reads it, the product index finds the product by
 * `barcodeLookupKeys` (or a store code / SKU for anything else), and price- or weight-embedded labels are
 * priced with `priceEmbeddedLine`. An open-price item is not added: the screen asks its price first. An
 * unknown or misread code comes back as words for the clerk.
 */
import {
  type ParsedBarcode,
  barcodeLookupKeys,
  parseBarcode,
  priceEmbeddedLine,
} from '@till/shared/domain/barcodes';
import type { Product } from '@till/shared/schemas/product';
import type { ProductIndex } from '../../../sync/product-index';
import { useCartStore } from './cart-store';

/** What a scan came to; `needs-price` is an open-price item, whose price the clerk types next. */
export type ScanOutcome =
  | { kind: 'added'; name: string }
  | { kind: 'needs-price'; product: Product }
  | { kind: 'unknown'; code: string; message: string }
  | { kind: 'misread'; code: string; message: string }
  | { kind: 'refused'; code: string; message: string };

/** Finds the product a parsed code names, trying each look-up key in turn. */
async function findProduct(index: ProductIndex, parsed: ParsedBarcode): Promise<Product | null> {
  if (parsed.kind === 'invalid') return null;
  const keys = parsed.kind === 'other' ? [parsed.code] : barcodeLookupKeys(parsed);
  for (const key of keys) {
    const product = await index.lookupBarcode(key);
    if (product) return product;
  }
  return null;
}

/** The sentence for a code the catalogue does not know. */
export function unknownBarcodeWords(code: string): string {
  return `Barcode ${code} is not in the catalogue.`;
}

/** The sentence for a misread code. */
export const MISREAD_WORDS = 'That barcode did not read correctly — scan again.';

/** Adds the scanned item to the cart, or says why not. `currency` is the store's. */
export async function scanToCart(index: ProductIndex, raw: string, currency: string): Promise<ScanOutcome> {
  const parsed = parseBarcode(raw);
  const code = parsed.code;
  if (parsed.kind === 'invalid') return { kind: 'misread', code, message: MISREAD_WORDS };
  // A product carrying this very code wins over reading it as a scale label: in-store codes (prefix 20–29)
  // share their prefixes with price- and weight-embedded labels.
  if (parsed.kind === 'embedded-price' || parsed.kind === 'embedded-weight') {
    const exact = await index.lookupBarcode(code);
    if (exact) return addWhole(exact, code);
  }
  const product = await findProduct(index, parsed);
  if (!product) return { kind: 'unknown', code, message: unknownBarcodeWords(code) };
  if (!product.active) {
    return { kind: 'refused', code, message: `${product.name} is no longer sold (barcode ${code}).` };
  }
  const cart = useCartStore.getState();
  if (parsed.kind === 'embedded-price' || parsed.kind === 'embedded-weight') {
    const line = priceEmbeddedLine(parsed, product, { currency });
    if (!line.ok) return { kind: 'refused', code, message: `${product.name}: ${line.error.message}.` };
    const added = cart.addLine(line.value);
    if (!added.ok) return { kind: 'refused', code, message: added.error.message };
    return { kind: 'added', name: product.name };
  }
  return addWhole(product, code);
}

/** Adds one unit of `product` (scanned as `code`), or says why not. */
function addWhole(product: Product, code: string): ScanOutcome {
  if (!product.active) {
    return { kind: 'refused', code, message: `${product.name} is no longer sold (barcode ${code}).` };
  }
  if (product.openPrice) return { kind: 'needs-price', product };
  const added = useCartStore.getState().addProduct(product);
  if (!added.ok) return { kind: 'refused', code, message: added.error.message };
  return { kind: 'added', name: product.name };
}
