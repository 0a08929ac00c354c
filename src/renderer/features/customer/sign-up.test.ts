import { describe, expect, it } from 'vitest';
import { memoryReplicas } from '../../../../test/support/memory-replicas';
import type { Customer } from '@till/shared/schemas/customer';
import { matchesCustomer } from './customer-match';
import { type SignUpInput, customerFromForm, signUpCustomer } from './sign-up';

const { open } = memoryReplicas('cus');

const form: SignUpInput = {
  name: '  Mary Somerville ',
  email: ' Mary@Example.com',
  phone: '',
  personalization: false,
  marketing: true,
};

describe('customerFromForm', () => {
  it('builds a valid document with points at zero and the consent chosen', () => {
    const built = customerFromForm(form, new Date('2026-01-02T03:04:05.000Z'));
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value).toMatchObject({
      name: 'Mary Somerville',
      email: 'mary@example.com',
      phone: null,
      loyaltyPoints: 0,
      consent: { personalization: false, marketing: true, updatedAt: '2026-01-02T03:04:05.000Z' },
    });
  });

  it.each([
    [{ name: ' ' }, 'name_missing'],
    [{ email: '', phone: '' }, 'contact_missing'],
    [{ email: 'not-an-email' }, 'email_invalid'],
    [{ email: '', phone: 'call me' }, 'phone_invalid'],
  ])('refuses %o with %s', (change, code) => {
    const built = customerFromForm({ ...form, ...change });
    expect(built.ok ? null : built.error.code).toBe(code);
  });
});

describe('signUpCustomer', () => {
  it('inserts the customer into the replica', async () => {
    const db = await open();
    const signed = await signUpCustomer(db, form);
    expect(signed.ok).toBe(true);
    if (!signed.ok) return;
    const doc = await db.customers.findOne(signed.value.id).exec();
    expect(doc?.name).toBe('Mary Somerville');
  });

  it('saves nothing for invalid input or an e-mail another customer has', async () => {
    const db = await open();
    const bad = await signUpCustomer(db, { ...form, email: 'nope' });
    expect(bad.ok ? null : bad.error.code).toBe('email_invalid');
    expect(await db.customers.count().exec()).toBe(0);

    expect((await signUpCustomer(db, form)).ok).toBe(true);
    const again = await signUpCustomer(db, { ...form, name: 'Someone Else' });
    expect(again.ok ? null : again.error.code).toBe('email_taken');
    expect(await db.customers.count().exec()).toBe(1);
  });
});

describe('matchesCustomer', () => {
  const ada: Customer = {
    id: 'cus-1',
    name: 'Ada Lovelace',
    email: 'ada.lovelace@example.com',
    phone: '+1 555 0100',
    consent: { personalization: true, marketing: false, updatedAt: '2026-01-01T00:00:00.000Z' },
    loyaltyPoints: 12,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('matches by name, e-mail or phone digits, in any case', () => {
    expect(matchesCustomer(ada, 'lovel')).toBe(true);
    expect(matchesCustomer(ada, 'ADA.LOVELACE@')).toBe(true);
    expect(matchesCustomer(ada, '555-0100')).toBe(true);
    expect(matchesCustomer(ada, 'grace')).toBe(false);
    expect(matchesCustomer(ada, 'x 1')).toBe(false);
  });
});
