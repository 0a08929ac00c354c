import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { type TillDatabase, openTillDatabase } from '../../../sync/database';
import type { HubHistory } from './counter-client';
import { lookupKeyOf } from './lookup-key';
import { panelView, profileFromHistory } from './profile';
import { MAX_PROFILES, cacheProfile, cachedProfile } from './profile-cache';

const history = (personalization: boolean): HubHistory => ({
  customer: { id: 'cus-1', name: 'Ada Lovelace', email: 'ada@example.com', consent: { personalization } },
  loyalty: { points: 510, lifetime: 600, tier: 'silver' },
  orders: [
    {
      id: 'ord-1',
      number: 'W-1001',
      createdAt: '2026-01-02T00:00:00.000Z',
      status: 'collected',
      totals: { gross: 1500 },
    },
  ],
  sales: [
    {
      id: 'sale-1',
      number: 'S1-R1-7',
      kind: 'sale',
      createdAt: '2026-01-03T00:00:00.000Z',
      totals: { gross: 900 },
      lines: [{ sku: 'SKU-00001', name: 'Oat Milk', qty: 2 }],
    },
  ],
  abandonedCarts: [
    {
      sessionId: 's-1',
      lines: { 'SKU-00002': 2, 'SKU-00003': 1 },
      items: [{ sku: 'SKU-00002', name: 'Rye Bread', qty: 2 }],
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  recentlyViewed: [{ sku: 'SKU-00004', name: 'Honey', views: 3 }],
  offers: [{ sku: 'SKU-00004', name: 'Honey', discountBp: 1000, reason: 'viewed online' }],
  personalization,
});

describe('the customer panel’s consent gating', () => {
  it('keeps history, views, the cart and offers of a consenting customer, newest purchase first', () => {
    const profile = profileFromHistory(history(true), new Date('2026-01-05T00:00:00.000Z'));
    expect(profile).toMatchObject({ name: 'Ada Lovelace', points: 510, consent: true, tier: 'silver' });
    expect(profile.purchases.map((p) => [p.kind, p.number])).toEqual([
      ['store', 'S1-R1-7'],
      ['web', 'W-1001'],
    ]);
    expect(profile.purchases[0]?.items).toEqual(['2 × Oat Milk']);
    expect(profile.abandonedCart?.items).toEqual([
      { sku: 'SKU-00002', name: 'Rye Bread', qty: 2 },
      { sku: 'SKU-00003', name: 'SKU-00003', qty: 1 },
    ]);
    expect(profile.recentlyViewed).toEqual([{ sku: 'SKU-00004', name: 'Honey' }]);
    expect(profile.offers).toHaveLength(1);
    expect(panelView(profile)).toEqual(profile);
  });

  it('keeps nothing beyond name and balance without consent, even if the hub sent more', () => {
    const profile = profileFromHistory(history(false));
    expect(profile).toMatchObject({
      name: 'Ada Lovelace',
      points: 510,
      consent: false,
      tier: null,
      purchases: [],
      recentlyViewed: [],
      abandonedCart: null,
      offers: [],
    });
  });

  it('hides a kept profile at once when the counter holds a “no” given since', () => {
    const profile = profileFromHistory(history(true));
    const shown = panelView(profile, false);
    expect(shown).toMatchObject({
      name: 'Ada Lovelace',
      points: 510,
      consent: false,
      purchases: [],
      offers: [],
    });
    expect(shown.abandonedCart).toBeNull();
    expect(panelView(profile, true)).toEqual(profile);
  });
});

describe('lookupKeyOf', () => {
  it.each([
    ['till:customer:cus-demo-1', { by: 'card', card: 'till:customer:cus-demo-1' }],
    ['till:order:W-1001', { by: 'order', qr: 'till:order:W-1001' }],
    [' Ada.Lovelace@Example.com ', { by: 'email', email: 'ada.lovelace@example.com' }],
    ['+1 555 0100', { by: 'phone', phone: '+1 555 0100' }],
    ['Ada', null],
    ['12', null],
  ])('reads %s', (text, key) => {
    expect(lookupKeyOf(text)).toEqual(key);
  });
});

describe('the kept profiles', () => {
  const opened: TillDatabase[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.remove()));
  });

  it('keeps the newest profile per customer, at most MAX_PROFILES, in the replica', async () => {
    const db = await openTillDatabase({
      name: `prof${Math.random().toString(36).slice(2, 10)}`,
      storage: getRxStorageMemory(),
    });
    opened.push(db);
    const base = profileFromHistory(history(true));
    await cacheProfile(db, { ...base, points: 1 });
    await cacheProfile(db, { ...base, points: 2 });
    expect((await cachedProfile(db, 'cus-1'))?.points).toBe(2);
    for (let i = 0; i < MAX_PROFILES; i++) await cacheProfile(db, { ...base, id: `other-${i}` });
    expect(await cachedProfile(db, 'cus-1')).toBeNull();
    expect(await cachedProfile(db, `other-${MAX_PROFILES - 1}`)).not.toBeNull();
    expect(await cachedProfile(db, 'nobody')).toBeNull();
  });
});
