/**
 * The demo catalogue: a few thousand products with names a person would recognise ("Northwind Oat Milk
 * 1 L"), each item in the sizes a shop sells it in (milk by the litre, batteries by the pack, T-shirts
 * S to XL) at prices that make sense together (a bigger pack costs more, but less per unit), tax codes
 * and valid EAN-13 barcodes (in-store prefix 200), made deterministically so every demo and test run
 * sees the same SKUs and barcodes: SKU-00001, SKU-00002 … in the order the catalogue is walked.
 */
import { withEan13CheckDigit } from '@till/shared/schemas/product';

/** A variant of an item: its label and how much of the item it holds, in any unit the item counts in. */
type Variant = readonly [label: string, units: number];

interface Item {
  name: string;
  /** Shelf price range of the smallest variant, in cents. */
  price: readonly [number, number];
  /** Smallest first. Variants of equal units (colours, clothing sizes) cost the same. */
  variants: readonly Variant[];
}

interface Group {
  category: string;
  taxCode: 'std' | 'reduced';
  items: readonly Item[];
}

const item = (name: string, price: readonly [number, number], ...variants: Variant[]): Item => ({
  name,
  price,
  variants,
});
const TWO_PACKS: Variant[] = [
  ['400 g', 400],
  ['4 x 400 g', 1600],
];
const TEA: Variant[] = [
  ['20 Bags', 20],
  ['50 Bags', 50],
  ['100 Bags', 100],
];
const SIZES: Variant[] = [
  ['S', 1],
  ['M', 1],
  ['L', 1],
  ['XL', 1],
];

const GROUPS: readonly Group[] = [
  {
    category: 'Dairy',
    taxCode: 'reduced',
    items: [
      item('Whole Milk', [129, 199], ['1 L', 1000], ['2 L', 2000], ['4 L', 4000]),
      item('Oat Milk', [249, 349], ['1 L', 1000], ['6 x 1 L', 6000]),
      item('Greek Yogurt', [179, 249], ['150 g', 150], ['500 g', 500], ['1 kg', 1000]),
      item('Cheddar Cheese', [349, 499], ['200 g', 200], ['400 g', 400], ['800 g', 800]),
      item('Salted Butter', [299, 399], ['250 g', 250], ['500 g', 500]),
      item('Mozzarella', [199, 279], ['125 g', 125], ['3 x 125 g', 375]),
      item('Cream Cheese', [199, 279], ['150 g', 150], ['300 g', 300]),
    ],
  },
  {
    category: 'Bakery',
    taxCode: 'reduced',
    items: [
      item('Sourdough Loaf', [399, 549], ['Half Loaf', 1], ['Whole Loaf', 2]),
      item('Plain Bagels', [299, 399], ['4 Pack', 4], ['6 Pack', 6], ['12 Pack', 12]),
      item('Butter Croissants', [149, 249], ['Single', 1], ['4 Pack', 4], ['6 Pack', 6]),
      item('Rye Bread', [349, 449], ['500 g', 500], ['800 g', 800]),
      item('Blueberry Muffins', [199, 299], ['Single', 1], ['4 Pack', 4]),
      item('Brioche Buns', [349, 449], ['4 Pack', 4], ['8 Pack', 8]),
    ],
  },
  {
    category: 'Pantry',
    taxCode: 'reduced',
    items: [
      item('Basmati Rice', [199, 299], ['500 g', 500], ['1 kg', 1000], ['5 kg', 5000]),
      item('Spaghetti', [129, 199], ['500 g', 500], ['1 kg', 1000]),
      item('Penne', [129, 199], ['500 g', 500], ['1 kg', 1000]),
      item('Extra Virgin Olive Oil', [699, 999], ['500 ml', 500], ['1 L', 1000]),
      item('Peanut Butter', [299, 449], ['340 g', 340], ['1 kg', 1000]),
      item('Strawberry Jam', [279, 399], ['340 g', 340], ['680 g', 680]),
      item('Wildflower Honey', [499, 799], ['250 g', 250], ['500 g', 500]),
      item('Rolled Oats', [199, 299], ['500 g', 500], ['1 kg', 1000]),
      item('Cornflakes', [249, 399], ['375 g', 375], ['750 g', 750]),
      item('Chickpeas', [99, 149], ...TWO_PACKS),
      item('Chopped Tomatoes', [99, 149], ...TWO_PACKS),
      item('Coconut Milk', [149, 229], ['400 ml', 400], ['4 x 400 ml', 1600]),
    ],
  },
  {
    category: 'Coffee & Tea',
    taxCode: 'reduced',
    items: [
      item('Espresso Beans', [799, 1199], ['250 g', 250], ['500 g', 500], ['1 kg', 1000]),
      item('Ground Coffee', [599, 899], ['250 g', 250], ['500 g', 500]),
      item('Green Tea', [349, 499], ...TEA),
      item('Earl Grey Tea', [349, 499], ...TEA),
      item('Chamomile Tea', [349, 449], ['20 Bags', 20], ['50 Bags', 50]),
      item('Instant Coffee', [499, 699], ['100 g', 100], ['200 g', 200]),
    ],
  },
  {
    category: 'Snacks',
    taxCode: 'std',
    items: [
      item('Sea Salt Crisps', [129, 199], ['40 g', 40], ['150 g', 150], ['Sharing Bag 300 g', 300]),
      item('Dark Chocolate Bar', [199, 349], ['100 g', 100], ['3 x 100 g', 300]),
      item('Milk Chocolate Bar', [199, 349], ['100 g', 100], ['3 x 100 g', 300]),
      item('Salted Pretzels', [199, 299], ['150 g', 150], ['400 g', 400]),
      item('Trail Mix', [349, 499], ['200 g', 200], ['500 g', 500]),
      item('Butter Popcorn', [249, 349], ['3 Pack', 3], ['6 Pack', 6]),
      item('Granola Bar', [99, 149], ['Single', 1], ['6 Pack', 6], ['12 Pack', 12]),
    ],
  },
  {
    category: 'Drinks',
    taxCode: 'std',
    items: [
      item('Sparkling Water', [99, 149], ['500 ml', 500], ['1.5 L', 1500], ['6 x 1.5 L', 9000]),
      item('Orange Juice', [249, 349], ['1 L', 1000], ['2 L', 2000]),
      item('Apple Juice', [229, 329], ['1 L', 1000], ['2 L', 2000]),
      item('Cola', [129, 179], ['330 ml', 330], ['6 x 330 ml', 1980], ['12 x 330 ml', 3960]),
      item('Lemonade', [199, 279], ['500 ml', 500], ['1.5 L', 1500]),
      item('Iced Tea', [149, 229], ['500 ml', 500], ['6 x 500 ml', 3000]),
    ],
  },
  {
    category: 'Household',
    taxCode: 'std',
    items: [
      item('Dish Soap', [249, 349], ['500 ml', 500], ['1 L', 1000]),
      item('Laundry Detergent', [899, 1299], ['20 Loads', 20], ['40 Loads', 40], ['80 Loads', 80]),
      item('Paper Towels', [299, 449], ['2 Rolls', 2], ['6 Rolls', 6], ['12 Rolls', 12]),
      item('Trash Bags', [399, 599], ['20 Count', 20], ['50 Count', 50]),
      item('Kitchen Sponges', [199, 299], ['3 Pack', 3], ['6 Pack', 6]),
      item('Glass Cleaner', [299, 399], ['500 ml', 500], ['1 L Refill', 1000]),
    ],
  },
  {
    category: 'Personal Care',
    taxCode: 'std',
    items: [
      item('Shampoo', [199, 299], ['Travel 100 ml', 100], ['250 ml', 250], ['500 ml', 500]),
      item('Conditioner', [199, 299], ['Travel 100 ml', 100], ['250 ml', 250], ['500 ml', 500]),
      item('Mint Toothpaste', [249, 399], ['75 ml', 75], ['2 x 75 ml', 150]),
      item('Body Wash', [349, 549], ['250 ml', 250], ['500 ml', 500]),
      item('Hand Soap', [199, 349], ['250 ml', 250], ['500 ml Refill', 500]),
      item('Deodorant', [399, 599], ['50 ml', 50], ['2 x 50 ml', 100]),
    ],
  },
  {
    category: 'Electronics',
    taxCode: 'std',
    items: [
      // A longer cable costs more, though not in proportion to its length.
      item('USB-C Cable', [999, 1499], ['1 m', 2], ['2 m', 3]),
      item('Lightning Cable', [999, 1499], ['1 m', 2], ['2 m', 3]),
      item('AA Batteries', [499, 699], ['4 Pack', 4], ['8 Pack', 8], ['24 Pack', 24]),
      item('AAA Batteries', [499, 699], ['4 Pack', 4], ['8 Pack', 8], ['24 Pack', 24]),
      item('Wireless Mouse', [1999, 2999], ['Black', 1], ['White', 1]),
      item('Phone Charger', [1499, 2499], ['20 W', 2], ['45 W', 3]),
      item('Wireless Earbuds', [3999, 7999], ['Black', 1], ['White', 1]),
      item('HDMI Cable', [899, 1299], ['1 m', 2], ['2 m', 3], ['5 m', 5]),
    ],
  },
  {
    category: 'Stationery',
    taxCode: 'std',
    items: [
      item('Ballpoint Pens', [199, 299], ['Single', 1], ['5 Pack', 5], ['10 Pack', 10]),
      item('A5 Notebook', [349, 599], ['Single', 1], ['3 Pack', 3]),
      item('Sticky Notes', [249, 349], ['Single Pad', 1], ['6 Pads', 6]),
      item('Highlighters', [299, 399], ['4 Pack', 4], ['8 Pack', 8]),
      item('Printer Paper', [599, 899], ['500 Sheets', 500], ['5 x 500 Sheets', 2500]),
    ],
  },
  {
    category: 'Apparel',
    taxCode: 'std',
    items: [
      item('Cotton T-Shirt', [1299, 1999], ...SIZES),
      item('Zip Hoodie', [3999, 5999], ...SIZES),
      item('Crew Socks', [899, 1299], ['3 Pairs', 3], ['6 Pairs', 6]),
      item('Knit Beanie', [1499, 2499], ['Black', 1], ['Grey', 1]),
      item('Baseball Cap', [1499, 2499], ['Black', 1], ['Navy', 1]),
    ],
  },
  {
    category: 'Kitchen',
    taxCode: 'std',
    items: [
      item('Coffee Mug', [799, 1299], ['Blue', 1], ['Green', 1], ['Grey', 1]),
      item('Water Bottle', [1499, 2499], ['500 ml', 500], ['750 ml', 750]),
      item('Chef Knife', [2999, 5999], ['15 cm', 15], ['20 cm', 20]),
      item('Cutting Board', [1499, 2999], ['Small', 2], ['Large', 3]),
      item('Tea Towel', [499, 799], ['Single', 1], ['3 Pack', 3]),
    ],
  },
];

const BRANDS = [
  'Northwind',
  'Acme',
  'Bluebird',
  'Greenfield',
  'Harbor',
  'Summit',
  'Maple & Co',
  'Lakeshore',
  'Brightside',
  'Urban Basics',
  'Oakline',
  'Cedar & Pine',
  'Fieldstone',
  'Silverline',
  'Kindred',
  'Everyday',
  'Hearth & Home',
  'Meadowbrook',
];

/** A product of the demo catalogue. */
export interface DemoProduct {
  sku: string;
  name: string;
  price: number;
  taxCode: string;
  category: string;
  barcode: string;
  /** Brand and item ("Acme AA Batteries"): the variants of one family differ only in size or colour. */
  family: string;
  /** How much of the item the variant holds (comparable within a family only). */
  units: number;
}

/** A small deterministic hash (FNV-1a) so prices and stock look random but never change between runs. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The largest shelf price (ending in 9: 1299, 499 …) not above `cents`. */
const shelfPrice = (cents: number) => Math.max(9, Math.floor((cents - 9) / 10) * 10 + 9);

/**
 * The prices of a family's variants: the smallest at a price drawn from the item's range, a larger one
 * dearer but never dearer per unit (bigger packs are better value), equal sizes at one price.
 */
function variantPrices(family: string, it: Item): number[] {
  const [lo, hi] = it.price;
  const base = shelfPrice(lo + (hash(family) % (hi - lo + 1)));
  const first = it.variants[0]?.[1] ?? 1;
  const prices = [base];
  for (let k = 1; k < it.variants.length; k++) {
    const units = it.variants[k]?.[1] ?? first;
    const prevUnits = it.variants[k - 1]?.[1] ?? first;
    const prev = prices[k - 1] ?? base;
    if (units === prevUnits) {
      prices.push(prev);
      continue;
    }
    // About 8 % cheaper per unit for every doubling, and never more per unit than the size before.
    const scaled = shelfPrice(base * (units / first) ** 0.88);
    const perUnitCap = shelfPrice((prev * units) / prevUnits);
    prices.push(Math.max(prev + 10, Math.min(scaled, perUnitCap)));
  }
  return prices;
}

/** The first `count` products of the demo catalogue (at most 3,312). */
export function demoCatalogue(count: number): DemoProduct[] {
  const out: DemoProduct[] = [];
  const maxVariants = Math.max(...GROUPS.flatMap((g) => g.items.map((i) => i.variants.length)));
  const maxItems = Math.max(...GROUPS.map((g) => g.items.length));
  // Walk variants and brands outermost, so even a small catalogue spans every category.
  for (let v = 0; v < maxVariants && out.length < count; v++) {
    for (const brand of BRANDS) {
      for (let i = 0; i < maxItems && out.length < count; i++) {
        for (const group of GROUPS) {
          const it = group.items[i];
          const variant = it?.variants[v];
          if (!it || !variant || out.length >= count) continue;
          const n = out.length + 1;
          const family = `${brand} ${it.name}`;
          out.push({
            sku: `SKU-${String(n).padStart(5, '0')}`,
            name: `${family} ${variant[0]}`,
            price: variantPrices(family, it)[v] ?? 0,
            taxCode: group.taxCode,
            category: group.category,
            barcode: withEan13CheckDigit(`200${String(n).padStart(9, '0')}`),
            family,
            units: variant[1],
          });
        }
      }
    }
  }
  return out;
}
