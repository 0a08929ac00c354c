/**
 * The payment gateway the hub charges web orders through. `SimulatedGateway` stands in for a real one in
 * the demo and tests: a token starting `tok_decline` is declined; every other token is charged. Charges
 * and refunds are idempotent by key, as real gateways are, so a retried request never charges twice, and
 * a refund never takes more than is left of its charge. Results name the card's last four digits (a real
 * gateway reports them with the charge) so a receipt can say where the money went.
 */
import { randomUUID } from 'node:crypto';

/** A charge request. `token` is what the web store's payment form produced. */
export interface ChargeRequest {
  amount: number;
  currency: string;
  token: string;
  idempotencyKey: string;
  description?: string;
}

/** The outcome of a charge or refund. */
export type GatewayResult =
  | { ok: true; reference: string; last4?: string }
  | { ok: false; code: 'card_declined' | 'refund_refused'; message: string };

/** The test cards' last digits by token (the storefront's demo pays with `tok_visa`). */
const TEST_CARDS: Readonly<Record<string, string>> = { tok_visa: '4242', tok_mastercard: '4444' };

/** The last four digits the simulated card behind `token` has: a known test card, trailing digits, or 4242. */
export function simulatedLast4(token: string): string {
  return TEST_CARDS[token] ?? /([0-9]{4})$/.exec(token)?.[1] ?? '4242';
}

/** What the hub needs of a card gateway; a real gateway's adapter implements this. */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<GatewayResult>;
  refund(request: { reference: string; amount: number; idempotencyKey: string }): Promise<GatewayResult>;
}

/** An in-process gateway with the behaviour of a real one, minus the money. */
export class SimulatedGateway implements PaymentGateway {
  private readonly byKey = new Map<string, GatewayResult>();
  private readonly charges = new Map<string, { amount: number; refunded: number; last4: string }>();

  async charge(request: ChargeRequest): Promise<GatewayResult> {
    const previous = this.byKey.get(`charge:${request.idempotencyKey}`);
    if (previous) return previous;
    const result: GatewayResult = request.token.startsWith('tok_decline')
      ? { ok: false, code: 'card_declined', message: 'the card was declined' }
      : { ok: true, reference: `ch_${randomUUID().replace(/-/g, '')}`, last4: simulatedLast4(request.token) };
    if (result.ok) {
      this.charges.set(result.reference, { amount: request.amount, refunded: 0, last4: result.last4 ?? '' });
    }
    this.byKey.set(`charge:${request.idempotencyKey}`, result);
    return result;
  }

  async refund(request: {
    reference: string;
    amount: number;
    idempotencyKey: string;
  }): Promise<GatewayResult> {
    const previous = this.byKey.get(`refund:${request.idempotencyKey}`);
    if (previous) return previous;
    const charge = this.charges.get(request.reference);
    let result: GatewayResult;
    if (!charge || charge.refunded + request.amount > charge.amount || request.amount <= 0) {
      result = { ok: false, code: 'refund_refused', message: 'nothing left to refund on that charge' };
    } else {
      charge.refunded += request.amount;
      result = { ok: true, reference: `re_${randomUUID().replace(/-/g, '')}`, last4: charge.last4 };
    }
    this.byKey.set(`refund:${request.idempotencyKey}`, result);
    return result;
  }
}
