/**
 * The demo catalogue: a few thousand products with names a person would recognise ("Northwind Oat Milk
 * 1 L"), prices, tax codes and valid EAN-13 barcodes (in-store prefix 200), made deterministically so
 * every demo and test run sees the same SKUs.
 */
import { withEan13CheckDigit } from '@till/shared/schemas/product';

interface Group {
  category: string;
  taxCode: 'std' | 'reduced';
  items: string[];
  sizes: string[];
  /** Price range in cents. */
  price: [number, number];
}

const GROUPS: Group[] = [
  {
    category: 'Dairy',
    taxCode: 'reduced',
    price: [129, 799],
    sizes: ['250 g', '500 g', '1 L', '2 L'],
    items: [
      'Whole Milk',
      'Oat Milk',
      'Greek Yogurt',
      'Cheddar Cheese',
      'Salted Butter',
      'Mozzarella',
      'Cream Cheese',
    ],
  },
  {
    category: 'Bakery',
    taxCode: 'reduced',
    price: [199, 649],
    sizes: ['Single', '4 Pack', '6 Pack', 'Family Size'],
    items: [
      'Sourdough Loaf',
      'Plain Bagels',
      'Butter Croissants',
      'Rye Bread',
      'Blueberry Muffins',
      'Brioche Buns',
    ],
  },
  {
    category: 'Pantry',
    taxCode: 'reduced',
    price: [99, 1299],
    sizes: ['250 g', '500 g', '1 kg'],
    items: [
      'Basmati Rice',
      'Spaghetti',
      'Penne',
      'Extra Virgin Olive Oil',
      'Peanut Butter',
      'Strawberry Jam',
      'Wildflower Honey',
      'Rolled Oats',
      'Cornflakes',
      'Chickpeas',
      'Chopped Tomatoes',
      'Coconut Milk',
    ],
  },
  {
    category: 'Coffee & Tea',
    taxCode: 'reduced',
    price: [349, 1899],
    sizes: ['100 g', '250 g', '500 g'],
    items: [
      'Espresso Beans',
      'Ground Coffee',
      'Green Tea',
      'Earl Grey Tea',
      'Chamomile Tea',
      'Instant Coffee',
    ],
  },
  {
    category: 'Snacks',
    taxCode: 'std',
    price: [99, 599],
    sizes: ['Small', 'Regular', 'Sharing Bag'],
    items: [
      'Sea Salt Crisps',
      'Dark Chocolate Bar',
      'Milk Chocolate Bar',
      'Salted Pretzels',
      'Trail Mix',
      'Butter Popcorn',
      'Granola Bar',
    ],
  },
  {
    category: 'Drinks',
    taxCode: 'std',
    price: [89, 899],
    sizes: ['330 ml', '500 ml', '1 L', '6 x 330 ml'],
    items: ['Sparkling Water', 'Orange Juice', 'Apple Juice', 'Cola', 'Lemonade', 'Iced Tea'],
  },
  {
    category: 'Household',
    taxCode: 'std',
    price: [199, 1499],
    sizes: ['Single', 'Twin Pack', 'Value Pack'],
    items: [
      'Dish Soap',
      'Laundry Detergent',
      'Paper Towels',
      'Trash Bags',
      'Kitchen Sponges',
      'Glass Cleaner',
    ],
  },
  {
    category: 'Personal Care',
    taxCode: 'std',
    price: [249, 1299],
    sizes: ['Travel Size', '250 ml', '500 ml'],
    items: ['Shampoo', 'Conditioner', 'Mint Toothpaste', 'Body Wash', 'Hand Soap', 'Deodorant'],
  },
  {
    category: 'Electronics',
    taxCode: 'std',
    price: [599, 4999],
    sizes: ['1 m', '2 m', '4 Pack', 'Black', 'White'],
    items: [
      'USB-C Cable',
      'Lightning Cable',
      'AA Batteries',
      'AAA Batteries',
      'Wireless Mouse',
      'Phone Charger',
      'Wireless Earbuds',
      'HDMI Cable',
    ],
  },
  {
    category: 'Stationery',
    taxCode: 'std',
    price: [149, 1199],
    sizes: ['Single', '5 Pack', '10 Pack'],
    items: ['Ballpoint Pens', 'A5 Notebook', 'Sticky Notes', 'Highlighters', 'Printer Paper'],
  },
  {
    category: 'Apparel',
    taxCode: 'std',
    price: [899, 5999],
    sizes: ['S', 'M', 'L', 'XL'],
    items: ['Cotton T-Shirt', 'Zip Hoodie', 'Crew Socks', 'Knit Beanie', 'Baseball Cap'],
  },
  {
    category: 'Kitchen',
    taxCode: 'std',
    price: [499, 3999],
    sizes: ['Blue', 'Green', 'Grey'],
    items: ['Coffee Mug', 'Water Bottle', 'Chef Knife', 'Cutting Board', 'Tea Towel'],
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
  'Riverside',
  'Sunny Farm',
  'Urban Basics',
  'Oakline',
  'Copper Kettle',
];

/** A product of the demo catalogue. */
export interface DemoProduct {
  sku: string;
  name: string;
  price: number;
  taxCode: string;
  category: string;
  barcode: string;
}

/** A small deterministic hash (FNV-1a) so prices and stock look random but never change between runs. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The first `count` products of the demo catalogue. */
export function demoCatalogue(count: number): DemoProduct[] {
  const out: DemoProduct[] = [];
  const maxSizes = Math.max(...GROUPS.map((g) => g.sizes.length));
  const maxItems = Math.max(...GROUPS.map((g) => g.items.length));
  // Walk sizes and brands outermost, so even a small catalogue spans every category.
  for (let s = 0; s < maxSizes && out.length < count; s++) {
    for (const brand of BRANDS) {
      for (let i = 0; i < maxItems && out.length < count; i++) {
        for (const group of GROUPS) {
          const item = group.items[i];
          const size = group.sizes[s];
          if (!item || !size || out.length >= count) continue;
          const n = out.length + 1;
          const name = `${brand} ${item} ${size}`;
          const [lo, hi] = group.price;
          // Shop prices end in 9: 1299, 499 …
          const price = Math.floor((lo + (hash(name) % (hi - lo))) / 10) * 10 + 9;
          out.push({
            sku: `SKU-${String(n).padStart(5, '0')}`,
            name,
            price,
            taxCode: group.taxCode,
            category: group.category,
            barcode: withEan13CheckDigit(`200${String(n).padStart(9, '0')}`),
          });
        }
      }
    }
  }
  return out;
}
