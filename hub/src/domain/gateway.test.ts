/**
 * The simulated gateway behaves as a real one does where the hub relies on it: declines by token,
 * charges and refunds idempotent by key, never refunding more than is left of a charge, and naming the
 * card's last four digits.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedGateway, simulatedLast4 } from './gateway';

const charge = (gateway: SimulatedGateway, amount: number, key: string, token = 'tok_visa') =>
  gateway.charge({ amount, currency: 'EUR', token, idempotencyKey: key });

async function charged(gateway: SimulatedGateway, amount: number, key = 'k1'): Promise<string> {
  const result = await charge(gateway, amount, key);
  if (!result.ok) throw new Error(`charge refused: ${result.message}`);
  return result.reference;
}

describe('simulatedLast4', () => {
  it('names the test cards, else the token’s trailing four digits, else 4242', () => {
    expect(simulatedLast4('tok_visa')).toBe('4242');
    expect(simulatedLast4('tok_mastercard')).toBe('4444');
    expect(simulatedLast4('tok_card_5556')).toBe('5556');
    expect(simulatedLast4('tok_card_12345')).toBe('2345');
    expect(simulatedLast4('tok_556x')).toBe('4242');
    expect(simulatedLast4('tok_other')).toBe('4242');
  });
});

describe('SimulatedGateway.charge', () => {
  it('charges a card with a ch_ reference and its last four digits', async () => {
    const result = await charge(new SimulatedGateway(), 1999, 'k1', 'tok_mastercard');
    expect(result).toEqual({
      ok: true,
      reference: expect.stringMatching(/^ch_[0-9a-f]{32}$/),
      last4: '4444',
    });
  });

  it('declines a tok_decline… token', async () => {
    const gateway = new SimulatedGateway();
    const result = await charge(gateway, 1000, 'k1', 'tok_decline_insufficient');
    expect(result).toEqual({ ok: false, code: 'card_declined', message: 'the card was declined' });
    // A token merely containing the word is charged.
    expect(await charge(gateway, 1000, 'k2', 'tok_visa_decline')).toMatchObject({ ok: true });
  });

  it('answers a retried key with the first result, charging once', async () => {
    const gateway = new SimulatedGateway();
    const first = await charge(gateway, 1000, 'same');
    const again = await charge(gateway, 5000, 'same', 'tok_decline');
    expect(again).toEqual(first);
    // Only the first charge exists: 1000 can be refunded, a cent more cannot.
    const reference = (first as { reference: string }).reference;
    expect(await gateway.refund({ reference, amount: 1001, idempotencyKey: 'r1' })).toMatchObject({
      ok: false,
    });
    expect(await gateway.refund({ reference, amount: 1000, idempotencyKey: 'r2' })).toMatchObject({
      ok: true,
    });
  });

  it('keeps a declined answer for its key too', async () => {
    const gateway = new SimulatedGateway();
    await charge(gateway, 1000, 'k', 'tok_decline');
    expect(await charge(gateway, 1000, 'k', 'tok_visa')).toMatchObject({ ok: false, code: 'card_declined' });
  });
});

describe('SimulatedGateway.refund', () => {
  it('refunds in parts up to the charge, never beyond, naming the card', async () => {
    const gateway = new SimulatedGateway();
    const reference = await charged(gateway, 1000);
    const part = await gateway.refund({ reference, amount: 600, idempotencyKey: 'r1' });
    expect(part).toEqual({ ok: true, reference: expect.stringMatching(/^re_[0-9a-f]{32}$/), last4: '4242' });
    const refused = await gateway.refund({ reference, amount: 401, idempotencyKey: 'r2' });
    expect(refused).toEqual({
      ok: false,
      code: 'refund_refused',
      message: 'nothing left to refund on that charge',
    });
    // Exactly what is left is refunded; then nothing is.
    expect(await gateway.refund({ reference, amount: 400, idempotencyKey: 'r3' })).toMatchObject({
      ok: true,
    });
    expect(await gateway.refund({ reference, amount: 1, idempotencyKey: 'r4' })).toMatchObject({ ok: false });
  });

  it('answers a retried key with the first result, refunding once', async () => {
    const gateway = new SimulatedGateway();
    const reference = await charged(gateway, 1000);
    const first = await gateway.refund({ reference, amount: 700, idempotencyKey: 'r' });
    expect(await gateway.refund({ reference, amount: 700, idempotencyKey: 'r' })).toEqual(first);
    // Had the retry refunded again, 1400 would be out; 300 is left.
    expect(await gateway.refund({ reference, amount: 300, idempotencyKey: 'r2' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses an unknown charge, a zero or negative amount', async () => {
    const gateway = new SimulatedGateway();
    const reference = await charged(gateway, 1000);
    for (const [ref, amount] of [
      ['ch_unknown', 100],
      [reference, 0],
      [reference, -100],
    ] as const) {
      const result = await gateway.refund({ reference: ref, amount, idempotencyKey: `${ref}:${amount}` });
      expect(result).toMatchObject({ ok: false, code: 'refund_refused' });
    }
    // The refusals took nothing: the whole charge is still refundable.
    expect(await gateway.refund({ reference, amount: 1000, idempotencyKey: 'all' })).toMatchObject({
      ok: true,
    });
  });
});
