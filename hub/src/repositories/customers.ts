/** Customers: sign-ups and edits from registers, customers made by web orders, and counter look-ups. */
import type { Customer } from '@till/shared/schemas/customer';
import type { Queryable } from '../db/port';

/** A customer as a counter look-up shows it. */
export interface CustomerContact {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  loyaltyPoints: number;
  consent: Customer['consent'];
}

/** The hub's version of a customer, with the store whose registers own it. */
export interface CustomerMaster {
  doc: Customer;
  homeStoreId: string | null;
}

const iso = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).toISOString();

/** Reads and writes customers. */
export class CustomersRepository {
  constructor(private readonly db: Queryable) {}

  /** Customers with exactly this e-mail (any case) or phone; at most ten. */
  async findByContact(
    email: string | null,
    phone: string | null,
    tx: Queryable = this.db,
  ): Promise<CustomerContact[]> {
    return tx.query<CustomerContact>(
      `SELECT id, name, email, phone, loyalty_points AS "loyaltyPoints", consent FROM customers
       WHERE ($1::text IS NOT NULL AND lower(email) = lower($1)) OR ($2::text IS NOT NULL AND phone = $2) LIMIT 10`,
      [email, phone],
    );
  }

  /** One customer by id, or null. */
  async byId(id: string, tx: Queryable = this.db): Promise<CustomerContact | null> {
    const rows = await tx.query<CustomerContact>(
      `SELECT id, name, email, phone, loyalty_points AS "loyaltyPoints", consent FROM customers WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks a customer for a register's edit and returns the hub's version, or null when it is new. */
  async lockMaster(id: string, tx: Queryable = this.db): Promise<CustomerMaster | null> {
    const rows = await tx.query<Record<string, unknown>>(
      `SELECT id, email, name, phone, consent, loyalty_points, home_store_id, created_at, updated_at
       FROM customers WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    const doc: Customer = {
      id: String(r.id),
      email: (r.email as string | null) ?? null,
      name: String(r.name),
      phone: (r.phone as string | null) ?? null,
      consent: r.consent as Customer['consent'],
      loyaltyPoints: Number(r.loyalty_points),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    };
    return { doc, homeStoreId: (r.home_store_id as string | null) ?? null };
  }

  /**
   * A sign-up at a register of `storeId`. Points are the hub's: a sign-up starts at zero. False when
   * nothing was inserted: the id was taken meanwhile, or the e-mail is another customer's.
   */
  async insertFromRegister(doc: Customer, storeId: string, tx: Queryable = this.db): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO customers (id, email, name, phone, consent, loyalty_points, home_store_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [
        doc.id,
        doc.email,
        doc.name,
        doc.phone,
        JSON.stringify(doc.consent),
        storeId,
        doc.createdAt,
        doc.updatedAt,
      ],
    );
    return rows.length > 0;
  }

  /** An edit of name, contact and consent at a register of `storeId` (points stay the hub's). */
  async updateFromRegister(doc: Customer, storeId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `UPDATE customers SET email = $2, name = $3, phone = $4, consent = $5, home_store_id = $6, updated_at = $7
       WHERE id = $1`,
      [doc.id, doc.email, doc.name, doc.phone, JSON.stringify(doc.consent), storeId, doc.updatedAt],
    );
  }

  /** The id of the customer with this e-mail (any case), or null. */
  async idByEmail(email: string, tx: Queryable = this.db): Promise<string | null> {
    const rows = await tx.query<{ id: string }>('SELECT id FROM customers WHERE lower(email) = lower($1)', [
      email,
    ]);
    return rows[0]?.id ?? null;
  }

  /**
   * Adds a customer a web order made; returns its id, or null when another order with the same e-mail
   * inserted one first (the unique index lets exactly one win).
   */
  async insertFromWeb(
    customer: {
      id: string;
      email: string;
      name: string;
      phone: string | null;
      consent: Customer['consent'];
      homeStoreId: string | null;
    },
    tx: Queryable = this.db,
  ): Promise<string | null> {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO customers (id, email, name, phone, consent, home_store_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        customer.id,
        customer.email,
        customer.name,
        customer.phone,
        JSON.stringify(customer.consent),
        customer.homeStoreId,
      ],
    );
    return rows[0]?.id ?? null;
  }
}
