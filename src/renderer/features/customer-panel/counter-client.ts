/**
 * The register's reads of the hub's counter look-ups (docs/architecture.md, Hub API): customers by loyalty
 * card, e-mail or phone, a web order by its receipt QR, and a customer's history. The page asks the hub
 * directly with the register's token, the way replication does; every answer is checked with a bounded
 * zod schema, and every failure is a coded result (`offline` when the hub cannot be reached).
 */
import { z } from 'zod';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type Result, fail, ok } from '@till/shared/result';

const name = z.string().max(200);
const sku = z.string().max(64);

/** A customer as the hub's look-up answers. */
export const hubCustomerSchema = z.object({
  id: z.string().max(64),
  name,
  email: z.string().max(254).nullable(),
  phone: z.string().max(40).nullable(),
  loyaltyPoints: z.int().min(0),
  consent: z.looseObject({ personalization: z.boolean().optional() }),
});

/** A customer found on the hub. */
export type HubCustomer = z.infer<typeof hubCustomerSchema>;

const docSummarySchema = z.looseObject({
  id: z.string().max(64),
  number: z.string().max(64).optional(),
  createdAt: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  kind: z.string().max(20).optional(),
  totals: z.looseObject({ gross: z.int() }).optional(),
  lines: z
    .array(z.looseObject({ sku, name: name.optional(), qty: z.int() }))
    .max(500)
    .optional(),
});

/** A customer's history as the hub answers it (personal parts empty without consent). */
export const hubHistorySchema = z.object({
  customer: z.object({
    id: z.string().max(64),
    name,
    email: z.string().max(254).nullable(),
    consent: z.looseObject({ personalization: z.boolean().optional() }),
  }),
  loyalty: z.object({
    points: z.int().min(0),
    lifetime: z.int().min(0).optional(),
    tier: z.enum(['bronze', 'silver', 'gold']).optional(),
  }),
  orders: z.array(docSummarySchema).max(1000),
  sales: z.array(docSummarySchema).max(1000),
  abandonedCarts: z
    .array(
      z.looseObject({
        sessionId: z.string().max(128),
        lines: z.record(sku, z.int()),
        items: z
          .array(z.looseObject({ sku, name, qty: z.int() }))
          .max(200)
          .optional(),
        updatedAt: z.string().max(40),
      }),
    )
    .max(50),
  recentlyViewed: z.array(z.object({ sku, name, views: z.int() })).max(100),
  offers: z
    .array(z.object({ sku, name, discountBp: z.int().min(0).max(10_000), reason: z.string().max(200) }))
    .max(20),
  personalization: z.boolean(),
});

/** A customer's history from the hub. */
export type HubHistory = z.infer<typeof hubHistorySchema>;

const orderRefSchema = z.object({
  orders: z
    .array(z.looseObject({ id: z.string().max(64), customer: z.looseObject({ email: z.string().max(254) }) }))
    .max(100),
});

/** How a customer is looked up at the counter. */
export type CustomerKey = { card: string } | { email: string } | { phone: string };

type Fetch = typeof globalThis.fetch;

async function getJson<S extends z.ZodType>(
  enrollment: StoredEnrollment,
  path: string,
  schema: S,
  fetchFn: Fetch,
): Promise<Result<z.output<S>>> {
  let response: Response;
  try {
    response = await fetchFn(`${enrollment.hubUrl}${path}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${enrollment.token}` },
      signal: AbortSignal.timeout(8_000),
    });
  } catch {
    return fail('offline', 'The hub cannot be reached right now.');
  }
  if (response.status === 404) return fail('not_found', 'The hub knows no such customer.');
  if (!response.ok) return fail('hub_error', `The hub answered ${response.status}.`);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  return parsed.success ? ok(parsed.data) : fail('bad_response', 'The hub’s answer was not understood.');
}

/** Customers with exactly this card, e-mail or phone. */
export async function findCustomersOnHub(
  enrollment: StoredEnrollment,
  key: CustomerKey,
  fetchFn: Fetch = globalThis.fetch.bind(globalThis),
): Promise<Result<HubCustomer[]>> {
  const query = new URLSearchParams(key as Record<string, string>).toString();
  const found = await getJson(
    enrollment,
    `/api/v1/counter/customers?${query}`,
    z.object({ customers: z.array(hubCustomerSchema).max(100) }),
    fetchFn,
  );
  return found.ok ? ok(found.value.customers) : found;
}

/** The e-mail of the customer who placed the web order a receipt QR (`till:order:<number>`) names. */
export async function orderEmailOnHub(
  enrollment: StoredEnrollment,
  qr: string,
  fetchFn: Fetch = globalThis.fetch.bind(globalThis),
): Promise<Result<string>> {
  const found = await getJson(
    enrollment,
    `/api/v1/counter/orders?qr=${encodeURIComponent(qr)}`,
    orderRefSchema,
    fetchFn,
  );
  if (!found.ok) return found;
  const order = found.value.orders[0];
  return order ? ok(order.customer.email) : fail('not_found', 'No web order has that code.');
}

/** A customer's history. */
export function historyOnHub(
  enrollment: StoredEnrollment,
  customerId: string,
  fetchFn: Fetch = globalThis.fetch.bind(globalThis),
): Promise<Result<HubHistory>> {
  return getJson(
    enrollment,
    `/api/v1/counter/customers/${encodeURIComponent(customerId)}/history`,
    hubHistorySchema,
    fetchFn,
  );
}
