/**
 * The catalogue of `npm run bench:sync`: 100,000 products, SKU-00001…00040 from the hub's demo seed (it
 * stops at 3,324 distinct products), the rest generated here with EAN-13 barcodes and names that mix in
 * accents. Shared by the hub child process (which seeds it) and the bench (which scans and searches it).
 */
import { hash } from '../hub/src/domain/seed-catalogue';
import { withEan13CheckDigit } from '@till/shared/schemas/product';

/** Products in the catalogue. */
export const PRODUCTS = 100_000;
/** Store-1 SKUs given stock, so the queued sales do not all raise oversell exceptions on the hub. */
export const STOCKED = 2_000;

/** The SKU of product `n` (1-based). */
export const skuOf = (n: number) =>
  n <= 40 ? `SKU-${String(n).padStart(5, '0')}` : `BEN-${String(n).padStart(6, '0')}`;
/** The barcode of product `n`. */
export const barcodeOf = (n: number) => withEan13CheckDigit(`210${String(n).padStart(9, '0')}`);
const words = (list: string) => list.split(',');
const BRANDS = words(
  'Northwind,Acme,Bluebird,Crème de la Crème,Café Olé,Söderberg,Łódź Foods,Greenfield,Harbor,Summit,' +
    'Maple & Co,Jalapeño Joe,Urban Basics,Oakline,Copper Kettle,Brûlerie,Über Goods,Sunny Farm,Riverside',
);
const KINDS = words(
  'Organic,Classic,Smoky,Spicy,Light,Extra,Crispy,Wholegrain,Salted,Unsalted,Sweet,Roasted,Fresh,' +
    'Frozen,Premium,Mini,Family,Vegan,Gluten-Free,Zesty',
);
const NOUNS = words(
  'Oat Milk,Cheddar,Yogurt,Butter,Sourdough,Bagels,Croissants,Muffins,Rice,Spaghetti,Penne,Olive Oil,' +
    'Peanut Butter,Jam,Honey,Granola,Cornflakes,Chickpeas,Tomatoes,Coconut Milk,Espresso,Green Tea,' +
    'Earl Grey,Crisps,Chocolate,Pretzels,Popcorn,Sparkling Water,Orange Juice,Lemonade,Dish Soap,Detergent,' +
    'Paper Towels,Shampoo,Toothpaste,Batteries,USB-C Cable,Notebook,T-Shirt,Hoodie,Socks,Mug,Salsa,Pesto',
);
const SIZES = words('100 g,250 g,500 g,1 kg,330 ml,1 L,2 L,4 Pack,6 Pack,S,M,L,XL');
const pick = (list: string[], n: number, salt: string) => list[hash(`${salt}${n}`) % list.length] as string;
/** The name of generated product `n`. */
export const nameOf = (n: number) =>
  `${pick(BRANDS, n, 'b')} ${pick(KINDS, n, 'k')} ${pick(NOUNS, n, 'n')} ${pick(SIZES, n, 's')}`;

/** Barcode scans, one in ten unknown to the catalogue. */
export function scanCodes(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    i % 10 === 9
      ? withEan13CheckDigit(`299${String(i).padStart(9, '0')}`)
      : barcodeOf(1 + (hash(`q${i}`) % PRODUCTS)),
  );
}

/** Name queries as a clerk types them: lower case, accents left out every other time, the last word often unfinished. */
export function typedQueries(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const all = nameOf(1 + (hash(`w${i}`) % PRODUCTS)).split(' ');
    const from = hash(`f${i}`) % all.length;
    const typed = all.slice(from, from + 1 + (i % 3)).join(' ');
    const plain = (i % 2 ? typed.normalize('NFD').replace(/\p{M}/gu, '') : typed).toLowerCase();
    return plain.slice(0, Math.max(1, plain.length - (i % 4)));
  });
}

/** The lines of queued sale `i`: stocked SKUs only. */
export const saleLines = (i: number) => [
  { sku: skuOf(1 + (hash(`s${i}`) % STOCKED)), qty: 1 },
  ...(i % 3 === 0 ? [{ sku: skuOf(1 + (hash(`t${i}`) % STOCKED)), qty: 2 }] : []),
];
