/**
 * Web-order fixtures for hub tests: an order placed as the web store places it, the increasing clock of a
 * register stamping its changes, and a watch on the refunds the hub asks its card gateway for (which can
 * make the gateway refuse them, or be unreachable).
 */
import { expect } from 'vitest';
import type { WebOrder } from '@till/shared/schemas/web-order';
import type { PaymentGateway } from '../../hub/src/domain/gateway';
import type { TestHub } from './hub';

/** The demo web store's key, as the storefront routes want it. */
export const STOREFRONT = { authorization: 'Bearer demo-storefront-key' } as const;

/** Who orders and how the order is fulfilled (a card-paid pickup at store-1 unless told otherwise). */
export interface WebOrderOptions {
  customer?: { email: string; name: string; phone?: string | null };
  fulfilment?: { type: 'pickup'; storeId: string } | { type: 'ship' };
  /** The payment form's card token (`tok_decline…` is declined). */
  token?: string;
}

/** Places a web order through the storefront route; fails the test unless it is placed (201). */
export async function placeWebOrder(
  hub: TestHub,
  lines: readonly { sku: string; qty: number }[],
  options: WebOrderOptions = {},
): Promise<WebOrder> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/api/v1/storefront/orders',
    headers: STOREFRONT,
    payload: {
      customer: options.customer ?? { email: 'pat@example.com', name: 'Pat Pickup', phone: null },
      lines,
      fulfilment: options.fulfilment ?? { type: 'pickup', storeId: 'store-1' },
      payment: { method: 'card', token: options.token ?? 'tok_visa' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().order;
}

/** A register's clock for `updatedAt`: each call a second later than the one before. */
export function registerClock(): () => string {
  let tick = 0;
  return () => new Date(Date.now() + ++tick * 1000).toISOString();
}

/** One refund the hub asked for. */
export interface RefundAsked {
  reference: string;
  idempotencyKey: string;
  amount: number;
}

/** The refunds asked of a hub's gateway; set `failure` to make it refuse them or be unreachable. */
export interface RefundWatch {
  readonly asked: RefundAsked[];
  failure: 'refuse' | 'down' | null;
}

/** Watches (and, when asked, cuts off) the refunds of the hub's own gateway. */
export function watchRefunds(hub: TestHub): RefundWatch {
  const watch: RefundWatch = { asked: [], failure: null };
  const gateway: PaymentGateway = hub.app.hub.gateway;
  const refund = gateway.refund.bind(gateway);
  gateway.refund = async (request) => {
    watch.asked.push({ ...request });
    if (watch.failure === 'down') throw new Error('gateway unreachable');
    if (watch.failure === 'refuse')
      return { ok: false, code: 'refund_refused', message: 'the card account is closed' };
    return refund(request);
  };
  return watch;
}
