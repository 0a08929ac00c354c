/**
 * The register's calls to the hub's counter API for web-order returns: orders by a key the customer gives,
 * the returns already made against an order at any store, and where one return's refund stands. Answers
 * are checked with zod; a hub that cannot be reached is the coded error `offline`, never a throw.
 */
import { z } from 'zod';
import { type Result, fail } from '@till/shared/result';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { type SaleDocument, saleShapeSchema } from '@till/shared/schemas/sale';
import { type WebOrder, webOrderSchema } from '@till/shared/schemas/web-order';
import { orderReturnSchema } from '@till/shared/schemas/web-order-return';
import type { OrderLookup } from './order-lookup';

/** A return's refund as the hub reports it. */
export const refundAnswerSchema = orderReturnSchema.extend({ orderId: z.string(), currency: z.string() });
/** A return's refund as the hub reports it. */
export type RefundAnswer = z.infer<typeof refundAnswerSchema>;

const TIMEOUT_MS = 4000;

async function hubGet<S extends z.ZodType>(
  enrollment: StoredEnrollment,
  path: string,
  schema: S,
): Promise<Result<z.output<S>>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(`${enrollment.hubUrl.replace(/\/+$/, '')}${path}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${enrollment.token}` },
      signal: controller.signal,
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      return fail(
        typeof error?.code === 'string' ? error.code : `http_${response.status}`,
        typeof error?.message === 'string' ? error.message : `the hub answered ${response.status}`,
      );
    }
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : fail('bad_response', 'the hub answered something unexpected');
  } catch {
    return fail('offline', 'the hub cannot be reached');
  } finally {
    clearTimeout(timer);
  }
}

/** Web orders matching `lookup`, from the hub. */
export function fetchOrders(enrollment: StoredEnrollment, lookup: OrderLookup): Promise<Result<WebOrder[]>> {
  const query = new URLSearchParams({ [lookup.by]: lookup.value });
  // One odd order must not hide the others: each is read on its own.
  const loose = z.object({ orders: z.array(z.unknown()).max(50) });
  return hubGet(enrollment, `/api/v1/counter/orders?${query}`, loose).then((r) =>
    r.ok ? { ok: true, value: r.value.orders.flatMap((o) => parseOr(webOrderSchema, o)) } : r,
  );
}

/** Every return the hub holds against an order (any store's). */
export function fetchOrderReturns(
  enrollment: StoredEnrollment,
  orderId: string,
): Promise<Result<SaleDocument[]>> {
  const loose = z.object({ returns: z.array(z.unknown()).max(500) });
  return hubGet(enrollment, `/api/v1/counter/orders/${encodeURIComponent(orderId)}/returns`, loose).then(
    (r) => (r.ok ? { ok: true, value: r.value.returns.flatMap((d) => parseOr(saleShapeSchema, d)) } : r),
  );
}

/** Where the refund of one of this store's returns stands. */
export function fetchRefund(enrollment: StoredEnrollment, returnId: string): Promise<Result<RefundAnswer>> {
  return hubGet(
    enrollment,
    `/api/v1/counter/returns/${encodeURIComponent(returnId)}`,
    z.object({ refund: refundAnswerSchema }),
  ).then((r) => (r.ok ? { ok: true, value: r.value.refund } : r));
}

function parseOr<T>(schema: z.ZodType<T>, value: unknown): T[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [parsed.data] : [];
}
