import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dispatchIpc } from '../ipc/dispatch';
import { createIpcHandlers } from '../ipc/handlers';
import { createSimulatedTerminal } from './simulated-terminal';

// The real handler map with the simulated terminal, sped up (its rules do not depend on the delays).
function handlers(timeoutMs = 30) {
  return createIpcHandlers({
    version: '1.2.3',
    mode: 'browser',
    platform: 'linux',
    dataDir: '/nonexistent/till-payment-test',
    demoEnrollment: null,
    cardTerminal: createSimulatedTerminal({ processingMs: 5, timeoutMs }),
  });
}

const charge = (h: ReturnType<typeof handlers>, saleId: string, amount: number, currency = 'USD') =>
  dispatchIpc(h, 'payment:card-charge', { saleId, amount, currency });

describe('payment channels through dispatchIpc (simulated terminal)', () => {
  it('approves an ordinary amount with a reference, and a repeat answers the same charge', async () => {
    const h = handlers();
    const saleId = randomUUID();
    const first = await charge(h, saleId, 1250);
    expect(first).toMatchObject({
      ok: true,
      value: { outcome: 'approved', reference: expect.stringMatching(/^SIM-/) },
    });
    expect(await charge(h, saleId, 1250)).toEqual(first);
  });

  it('joins a charge still waiting for the terminal instead of charging twice', async () => {
    const h = handlers();
    const saleId = randomUUID();
    const [a, b] = await Promise.all([charge(h, saleId, 500), charge(h, saleId, 500)]);
    expect(a).toMatchObject({ ok: true, value: { outcome: 'approved' } });
    expect(b).toEqual(a);
  });

  it('declines amounts ending in 13, and a later charge of the sale is a new attempt', async () => {
    const h = handlers();
    const saleId = randomUUID();
    expect(await charge(h, saleId, 1013)).toEqual({
      ok: true,
      value: { outcome: 'declined', message: 'Declined by the card issuer.' },
    });
    expect(await charge(h, saleId, 1000)).toMatchObject({ ok: true, value: { outcome: 'approved' } });
  });

  it('times out on amounts ending in 17 and keeps the sale in doubt until resolved', async () => {
    const h = handlers();
    const saleId = randomUUID();
    expect(await charge(h, saleId, 2017)).toMatchObject({ ok: true, value: { outcome: 'unknown' } });
    // A retry — even of another amount — never starts a second charge while one is in doubt.
    expect(await charge(h, saleId, 2000)).toMatchObject({ ok: true, value: { outcome: 'unknown' } });
    const resolved = await dispatchIpc(h, 'payment:card-resolve', {
      saleId,
      approved: true,
      reference: 'AUTH-778',
    });
    expect(resolved).toEqual({ ok: true, value: { outcome: 'approved', reference: 'AUTH-778' } });
    expect(await charge(h, saleId, 2017)).toEqual(resolved);
    // The resolved charge can be refunded like any other.
    const refund = await dispatchIpc(h, 'payment:card-refund', {
      saleId: randomUUID(),
      amount: 2000,
      currency: 'USD',
      originalReference: 'AUTH-778',
    });
    expect(refund).toMatchObject({ ok: true, value: { outcome: 'approved' } });
  });

  it('records a "no" after a time-out as declined, and resolving twice is refused', async () => {
    const h = handlers();
    const saleId = randomUUID();
    await charge(h, saleId, 117);
    expect(await dispatchIpc(h, 'payment:card-resolve', { saleId, approved: false })).toMatchObject({
      ok: true,
      value: { outcome: 'declined' },
    });
    expect(await dispatchIpc(h, 'payment:card-resolve', { saleId, approved: true })).toMatchObject({
      ok: false,
      error: { code: 'card_nothing_to_resolve' },
    });
  });

  it('cancels a charge waiting for the terminal: the charge answers declined', async () => {
    const h = handlers(5_000);
    const saleId = randomUUID();
    const waiting = charge(h, saleId, 4217);
    expect(await dispatchIpc(h, 'payment:card-cancel', { saleId })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await waiting).toEqual({
      ok: true,
      value: { outcome: 'declined', message: 'Cancelled at the register.' },
    });
    expect(await dispatchIpc(h, 'payment:card-cancel', { saleId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('refunds no more than was charged on a reference, idempotently per return', async () => {
    const h = handlers();
    const paid = await charge(h, randomUUID(), 3000);
    if (!paid.ok) throw new Error('charge failed');
    const reference = (paid.value as { reference: string }).reference;
    const returnId = randomUUID();
    const refund = (saleId: string, amount: number) =>
      dispatchIpc(h, 'payment:card-refund', {
        saleId,
        amount,
        currency: 'USD',
        originalReference: reference,
      });
    const first = await refund(returnId, 2000);
    expect(first).toMatchObject({ ok: true, value: { outcome: 'approved' } });
    expect(await refund(returnId, 2000)).toEqual(first);
    expect(await refund(randomUUID(), 1001)).toMatchObject({
      ok: false,
      error: { code: 'refund_exceeds_charge' },
    });
    expect(await refund(randomUUID(), 1000)).toMatchObject({ ok: true, value: { outcome: 'approved' } });
    expect(await refund(randomUUID(), 1)).toMatchObject({
      ok: false,
      error: { code: 'refund_exceeds_charge' },
    });
  });

  it('refuses refunds to unknown references or in another currency', async () => {
    const h = handlers();
    expect(
      await dispatchIpc(h, 'payment:card-refund', {
        saleId: randomUUID(),
        amount: 100,
        currency: 'USD',
        originalReference: 'SIM-nope',
      }),
    ).toMatchObject({ ok: false, error: { code: 'card_reference_unknown' } });
    const paid = await charge(h, randomUUID(), 100);
    const reference = (paid as { value: { reference: string } }).value.reference;
    expect(
      await dispatchIpc(h, 'payment:card-refund', {
        saleId: randomUUID(),
        amount: 100,
        currency: 'EUR',
        originalReference: reference,
      }),
    ).toMatchObject({ ok: false, error: { code: 'currency_mismatch' } });
  });

  it('refuses malformed requests before the terminal sees them', async () => {
    const h = handlers();
    const saleId = randomUUID();
    const bad: [string, unknown][] = [
      ['payment:card-charge', { saleId, amount: 0, currency: 'USD' }],
      ['payment:card-charge', { saleId, amount: 10.5, currency: 'USD' }],
      ['payment:card-charge', { saleId: 'not-a-uuid', amount: 100, currency: 'USD' }],
      ['payment:card-charge', { saleId, amount: 100, currency: 'usd' }],
      ['payment:card-charge', { saleId, amount: 100, currency: 'USD', tip: 5 }],
      ['payment:card-refund', { saleId, amount: 100, currency: 'USD' }],
      ['payment:card-resolve', { saleId }],
      ['payment:card-cancel', undefined],
    ];
    for (const [channel, payload] of bad) {
      expect(await dispatchIpc(h, channel, payload), `${channel} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
  });
});
