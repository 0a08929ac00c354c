/**
 * Push handlers of the smaller collections: customers (sign-ups and edits at the counter), shifts (open →
 * closed) and audit (insert-only). Mutable documents are requests: when the register's assumed master
 * state is not the hub's, the hub's document comes back as a conflict for the register's handler.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { auditEntrySchema } from '@till/shared/schemas/audit';
import { type Customer, customerSchema } from '@till/shared/schemas/customer';
import { type Shift, shiftSchema } from '@till/shared/schemas/shift';
import type { Queryable } from '../db/port';
import { forbidden } from '../http/errors';
import { notifyChanges } from './changes';
import {
  type DocumentProblem,
  type PushHandler,
  type PushRow,
  documentId,
  rejectIfAny,
  rejectOtherStores,
} from './push-rows';

/** Parses every row's document with `schema`; throws the 400 naming each bad one. */
export function checkDocuments<S extends z.ZodType>(rows: readonly PushRow[], schema: S, collection: string) {
  const problems: DocumentProblem[] = [];
  const out: { doc: z.infer<S>; assumed: Record<string, unknown> | null }[] = [];
  for (const row of rows) {
    const state = row.newDocumentState as Record<string, unknown>;
    if (state._deleted === true) {
      problems.push({
        id: documentId(state),
        code: 'delete_not_allowed',
        message: `${collection} are never deleted`,
      });
      continue;
    }
    const parsed = schema.safeParse(state);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.');
        problems.push({
          id: documentId(state),
          code: 'schema',
          message: path ? `${path}: ${issue.message}` : issue.message,
        });
      }
      continue;
    }
    const assumed = row.assumedMasterState;
    out.push({
      doc: parsed.data,
      assumed: assumed && typeof assumed === 'object' ? (assumed as Record<string, unknown>) : null,
    });
  }
  rejectIfAny(problems, collection);
  return out;
}

/**
 * The master's version differs from what the register assumed: a conflict. Versions are compared by
 * `updatedAt`, which the hub keeps as the register wrote it and changes only when it changes the document.
 */
function stale(master: { updatedAt: string }, assumed: Record<string, unknown> | null): boolean {
  return assumed === null || assumed.updatedAt !== master.updatedAt;
}

const iso = (d: unknown) => (d instanceof Date ? d : new Date(String(d))).toISOString();

async function customerMaster(tx: Queryable, id: string) {
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

/** Customers: sign-ups insert; edits of name, contact and consent need the current version. */
export const pushCustomers: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, customerSchema, 'customers');
  return ctx.db.transaction(async (tx) => {
    const conflicts: unknown[] = [];
    let changed = false;
    for (const { doc, assumed } of items) {
      const master = await customerMaster(tx, doc.id);
      if (master && master.homeStoreId !== null && master.homeStoreId !== ctx.identity.storeId) {
        throw forbidden('forbidden_store', `customer ${doc.id} belongs to another store's registers`);
      }
      if (master && stale(master.doc, assumed)) {
        conflicts.push({ ...master.doc, _deleted: false });
        continue;
      }
      if (!master) {
        // Loyalty points are the hub's: a sign-up starts at zero whatever the register sent.
        await tx.query(
          `INSERT INTO customers (id, email, name, phone, consent, loyalty_points, home_store_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            doc.id,
            doc.email,
            doc.name,
            doc.phone,
            JSON.stringify(doc.consent),
            ctx.identity.storeId,
            doc.createdAt,
            doc.updatedAt,
          ],
        );
      } else {
        await tx.query(
          `UPDATE customers SET email = $2, name = $3, phone = $4, consent = $5, home_store_id = $6, updated_at = $7
           WHERE id = $1`,
          [
            doc.id,
            doc.email,
            doc.name,
            doc.phone,
            JSON.stringify(doc.consent),
            ctx.identity.storeId,
            doc.updatedAt,
          ],
        );
      }
      changed = true;
    }
    if (changed) await notifyChanges(tx, [['customers', ctx.identity.storeId]], []);
    return conflicts;
  });
};

/** Shifts: opened, then closed once; a closed shift never reopens. */
export const pushShifts: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, shiftSchema, 'shifts');
  rejectOtherStores(
    items.map((i) => ({ id: i.doc.id, storeId: i.doc.storeId })),
    ctx.identity,
  );
  return ctx.db.transaction(async (tx) => {
    const conflicts: unknown[] = [];
    let changed = false;
    for (const { doc, assumed } of items) {
      const found = await tx.query<{ doc: Shift }>('SELECT doc FROM shifts WHERE id = $1 FOR UPDATE', [
        doc.id,
      ]);
      const master = found[0]?.doc;
      if (master && (stale(master, assumed) || (master.status === 'closed' && doc.status === 'open'))) {
        conflicts.push({ ...master, _deleted: false });
        continue;
      }
      await tx.query(
        `INSERT INTO shifts (id, store_id, register_id, status, doc) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc, updated_at = now()`,
        [doc.id, doc.storeId, doc.registerId, doc.status, JSON.stringify(doc)],
      );
      changed = true;
    }
    if (changed) await notifyChanges(tx, [['shifts', ctx.identity.storeId]], []);
    return conflicts;
  });
};

/** Audit entries: insert-only, a re-sent entry is a no-op. */
export const pushAudit: PushHandler = async (ctx, rows) => {
  const items = checkDocuments(rows, auditEntrySchema, 'audit');
  rejectOtherStores(
    items.map((i) => ({ id: i.doc.id, storeId: i.doc.storeId })),
    ctx.identity,
  );
  if (items.length === 0) return [];
  await ctx.db.query(
    `INSERT INTO audit (id, store_id, register_id, action, at, doc)
     SELECT x.id, x.store_id, x.register_id, x.action, x.at, x.doc
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, store_id text, register_id text, action text, at timestamptz, doc jsonb)
     ON CONFLICT (id) DO NOTHING`,
    [
      JSON.stringify(
        items.map(({ doc }) => ({
          id: doc.id,
          store_id: doc.storeId,
          register_id: doc.registerId,
          action: doc.action,
          at: doc.at,
          doc,
        })),
      ),
    ],
  );
  return [];
};

/** A fresh id for hub-made documents. */
export const newId = (prefix: string) => `${prefix}-${randomUUID()}`;
