/**
 * The demo seed (hub/README.md): two stores with settings, the demo enrollment codes, a catalogue with
 * stock in both stores (entered as ledger receipts, so levels equal the ledger), staff with PINs and
 * customers with web histories. Applied only to an empty database.
 */
import { randomBytes } from 'node:crypto';
import { checkPin } from '@till/shared/domain/pin-policy';
import type { Role } from '@till/shared/schemas/staff';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { Db, Queryable } from '../db/port';
import { type DemoProduct, demoCatalogue, hash } from './seed-catalogue';
import type { PinKdfParams } from '@till/shared/schemas/staff';
import { hashPin } from './secrets';
import { type Movement, applyLevelDeltas, insertMovements } from '../repositories/stock';

/** What the seed made, for printing at start. */
export interface SeedSummary {
  stores: { id: string; name: string }[];
  codes: { code: string; storeId: string }[];
  staff: { id: string; name: string; storeId: string; role: string; pin: string }[];
  products: number;
  sampleProducts: { sku: string; name: string; barcode: string }[];
  customers: { email: string; name: string }[];
}

const STORES = [
  { id: 'store-1', code: '1', name: 'Till Downtown', std: 88_750, stdName: 'Sales tax 8.875%' },
  { id: 'store-2', code: '2', name: 'Till Riverside', std: 70_000, stdName: 'Sales tax 7%' },
];
const CODES = [
  { code: 'DEMO-S1-R1', storeId: 'store-1' },
  { code: 'DEMO-S1-R2', storeId: 'store-1' },
  { code: 'DEMO-S2-R1', storeId: 'store-2' },
];
/** Demo staff; their PINs follow the PIN policy (managers six digits, none obvious), checked when seeding. */
export const DEMO_STAFF: readonly { id: string; storeId: string; name: string; role: Role; pin: string }[] = [
  { id: 'staff-alice', storeId: 'store-1', name: 'Alice Manager', role: 'manager', pin: '472913' },
  { id: 'staff-bob', storeId: 'store-1', name: 'Bob Clerk', role: 'clerk', pin: '1111' },
  { id: 'staff-carla', storeId: 'store-2', name: 'Carla Manager', role: 'manager', pin: '583104' },
  { id: 'staff-dan', storeId: 'store-2', name: 'Dan Clerk', role: 'clerk', pin: '2222' },
];
const CUSTOMERS = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Linus Pauling',
  'Marie Curie',
  'Nikola Tesla',
  'Rosalind Franklin',
  'Tim Berners-Lee',
  'Hedy Lamarr',
  'Claude Shannon',
  'Barbara Liskov',
];

/** Settings of a demo store. */
function settingsOf(store: (typeof STORES)[number], now: string): StoreSettings {
  return {
    storeId: store.id,
    storeCode: store.code,
    name: store.name,
    currency: 'USD',
    locale: 'en-US',
    priceMode: 'tax-exclusive',
    taxRates: [
      { code: 'std', name: store.stdName, ratePpm: store.std },
      { code: 'reduced', name: 'Groceries 0%', ratePpm: 0 },
    ],
    approvals: { lineDiscountBp: 2000, cartDiscountBp: 1500, discountAmount: 5000, overrideDropBp: 2500 },
    receiptHeader: [store.name, '1 Main Street'],
    receiptFooter: ['Thank you for shopping with us', 'Returns within 30 days with receipt'],
    // The register's defaults, written out so the demo shows where a store changes them.
    idleLockMinutes: 5,
    cashVarianceApproval: 500,
    updatedAt: now,
  };
}

/** Seeds an empty database; returns null (and changes nothing) when it already has stores. */
export async function seedDemo(
  db: Db,
  options: {
    products?: number;
    /**
     * scrypt parameters of the demo PIN verifiers. Tests pass the cheapest allowed ones: every test hub seeds
     * four verifiers, and the verifier records its parameters, so checking it works the same either way.
     */
    pinParams?: PinKdfParams;
  } = {},
): Promise<SeedSummary | null> {
  const productCount = options.products ?? 3000;
  const catalogue = withOpenPriceItem(demoCatalogue(productCount));
  const storeCount = async (q: Queryable) =>
    (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM stores'))[0]?.n ?? 0;
  // Checked before hashing too: a hub restarting on its data must not pay for four PIN hashes.
  if ((await storeCount(db)) > 0) return null;
  // Each store gets its staff key here (not from a column default) because its PINs are hashed with it
  // before the transaction: four 128 MiB scrypt runs must not hold a transaction open.
  const staffKeys = new Map(STORES.map((s) => [s.id, randomBytes(32).toString('base64url')]));
  const pins = await Promise.all(
    DEMO_STAFF.map((s) =>
      hashPin(demoPin(s), staffKeys.get(s.storeId) ?? 'no such store', options.pinParams),
    ),
  );
  const now = new Date().toISOString();
  const seeded = await db.transaction(async (tx) => {
    if ((await storeCount(tx)) > 0) return false;
    for (const s of STORES) {
      await tx.query('INSERT INTO stores (id, code, name, staff_key) VALUES ($1, $2, $3, $4)', [
        s.id,
        s.code,
        s.name,
        staffKeys.get(s.id),
      ]);
      await tx.query('INSERT INTO store_settings (store_id, doc) VALUES ($1, $2)', [
        s.id,
        JSON.stringify(settingsOf(s, now)),
      ]);
    }
    for (const c of CODES) {
      await tx.query('INSERT INTO enrollment_codes (code, store_id, reusable) VALUES ($1, $2, true)', [
        c.code,
        c.storeId,
      ]);
    }
    for (const [i, s] of DEMO_STAFF.entries()) {
      await tx.query('INSERT INTO staff (id, store_id, name, role, pin_hash) VALUES ($1, $2, $3, $4, $5)', [
        s.id,
        s.storeId,
        s.name,
        s.role,
        pins[i],
      ]);
    }
    await seedCatalogue(tx, catalogue);
    await seedCustomers(tx, catalogue);
    return true;
  });
  if (!seeded) return null;
  return {
    stores: STORES.map((s) => ({ id: s.id, name: s.name })),
    codes: CODES,
    staff: DEMO_STAFF.map((s) => ({ ...s })),
    products: catalogue.length,
    sampleProducts: catalogue.slice(0, 5).map((p) => ({ sku: p.sku, name: p.name, barcode: p.barcode })),
    customers: CUSTOMERS.slice(0, 3).map((name) => ({ name, email: emailOf(name) })),
  };
}

/** A demo PIN, refused loudly if an edit of the list broke the policy the demo is meant to show. */
function demoPin(staff: (typeof DEMO_STAFF)[number]): string {
  const checked = checkPin(staff.pin, staff.role);
  if (!checked.ok) throw new Error(`demo PIN of ${staff.id}: ${checked.error.message}`);
  return checked.value;
}

const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;

/** A product of the seeded catalogue; `openPrice` items have their price typed at the counter. */
type SeedProduct = DemoProduct & { openPrice?: boolean };

/**
 * The demo's open-price item: the catalogue's last product becomes a bakery counter item priced by the
 * clerk (its SKU and barcode kept), so the number of products asked for still holds.
 */
function withOpenPriceItem(catalogue: DemoProduct[]): SeedProduct[] {
  const last = catalogue.at(-1);
  if (!last) return catalogue;
  const counter = { ...last, name: 'Bakery counter item', price: 0, taxCode: 'reduced', category: 'Bakery' };
  return [...catalogue.slice(0, -1), { ...counter, openPrice: true }];
}

async function seedCatalogue(tx: Queryable, catalogue: SeedProduct[]): Promise<void> {
  await tx.query(
    `INSERT INTO products (sku, name, price, currency, tax_code, category, open_price)
     SELECT p.sku, p.name, p.price, 'USD', p.tax_code, p.category, p.open_price
     FROM jsonb_to_recordset($1::jsonb)
       AS p(sku text, name text, price bigint, tax_code text, category text, open_price boolean)`,
    [
      JSON.stringify(
        catalogue.map((p) => ({
          sku: p.sku,
          name: p.name,
          price: p.price,
          tax_code: p.taxCode,
          category: p.category,
          open_price: p.openPrice === true,
        })),
      ),
    ],
  );
  await tx.query('INSERT INTO product_barcodes (barcode, sku) SELECT * FROM unnest($1::text[], $2::text[])', [
    catalogue.map((p) => p.barcode),
    catalogue.map((p) => p.sku),
  ]);
  // Opening stock as receipts into the ledger; about one SKU in twenty is out of stock at Riverside.
  const receipts: Movement[] = [];
  for (const p of catalogue) {
    for (const store of STORES) {
      const h = hash(`${store.id}:${p.sku}`);
      const qty = store.id === 'store-2' && h % 20 === 0 ? 0 : 5 + (h % 46);
      if (qty > 0)
        receipts.push({
          storeId: store.id,
          sku: p.sku,
          onHandDelta: qty,
          reservedDelta: 0,
          reason: 'receipt',
        });
    }
  }
  await insertMovements(tx, receipts);
  await applyLevelDeltas(tx, receipts);
}

/** Loyalty points every demo customer starts with, so points can be spent at the counter at once. */
export const DEMO_WELCOME_POINTS = 500;

async function seedCustomers(tx: Queryable, catalogue: SeedProduct[]): Promise<void> {
  for (const [i, name] of CUSTOMERS.entries()) {
    const id = `cus-demo-${i + 1}`;
    const consent = {
      personalization: i % 4 !== 3,
      marketing: i % 2 === 0,
      updatedAt: new Date().toISOString(),
    };
    await tx.query(
      `INSERT INTO customers (id, email, name, phone, consent, loyalty_points, home_store_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        emailOf(name),
        name,
        `+1 555 01${String(i).padStart(2, '0')}`,
        JSON.stringify(consent),
        DEMO_WELCOME_POINTS,
        i % 2 === 0 ? 'store-1' : 'store-2',
      ],
    );
    // The balance is the ledger's sum: the welcome points are its first entry.
    await tx.query(`INSERT INTO loyalty_ledger (customer_id, delta, reason) VALUES ($1, $2, 'welcome')`, [
      id,
      DEMO_WELCOME_POINTS,
    ]);
    // A web history: views over the past days, a cart left two days ago, and a checkout.
    const picks = [0, 1, 2, 3]
      .map((k) => catalogue[(hash(`${id}:${k}`) % catalogue.length) | 0]?.sku)
      .filter(Boolean) as string[];
    const session = `sess-demo-${i + 1}`;
    for (const [k, sku] of picks.entries()) {
      await tx.query(
        `INSERT INTO customer_events (session_id, customer_id, type, sku, qty, at)
         VALUES ($1, $2, 'product_view', $3, NULL, now() - make_interval(days => $4)),
                ($1, $2, 'product_view', $3, NULL, now() - make_interval(days => $4, hours => 1))`,
        [session, id, sku, k + 1],
      );
    }
    const cartSku = picks[0];
    if (cartSku) {
      await tx.query(
        `INSERT INTO customer_events (session_id, customer_id, type, sku, qty, at) VALUES ($1, $2, 'cart_add', $3, 1, now() - interval '2 days')`,
        [session, id, cartSku],
      );
      await tx.query(
        `INSERT INTO carts (session_id, customer_id, lines, status, updated_at) VALUES ($1, $2, $3, 'open', now() - interval '2 days')`,
        [session, id, JSON.stringify({ [cartSku]: 1 })],
      );
    }
  }
}
