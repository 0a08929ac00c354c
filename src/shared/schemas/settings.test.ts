import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CASH_VARIANCE_APPROVAL,
  DEFAULT_IDLE_LOCK_MINUTES,
  cashVarianceApprovalOf,
  idleLockMinutesOf,
  storeSettingsSchema,
} from './settings';

const settings = {
  storeId: 'store-1',
  storeCode: '1',
  name: 'Main Street',
  currency: 'USD',
  locale: 'en-US',
  priceMode: 'tax-exclusive',
  taxRates: [{ code: 'std', name: 'Sales tax', ratePpm: 88_750 }],
  approvals: { lineDiscountBp: 2000, cartDiscountBp: 1500, discountAmount: 5000, overrideDropBp: 2500 },
  receiptHeader: ['Main Street'],
  receiptFooter: [],
  updatedAt: '2026-11-27T08:00:00.000Z',
};

describe('store settings', () => {
  it('a document without the idle lock or the variance threshold stays valid and reads the defaults', () => {
    const parsed = storeSettingsSchema.parse(settings);
    expect(parsed).toEqual(settings);
    expect(idleLockMinutesOf(parsed)).toBe(DEFAULT_IDLE_LOCK_MINUTES);
    expect(cashVarianceApprovalOf(parsed)).toBe(DEFAULT_CASH_VARIANCE_APPROVAL);
    expect([DEFAULT_IDLE_LOCK_MINUTES, DEFAULT_CASH_VARIANCE_APPROVAL]).toEqual([5, 500]);
  });

  it('no settings yet (before the first sync) read the defaults too', () => {
    expect(idleLockMinutesOf(null)).toBe(5);
    expect(cashVarianceApprovalOf(null)).toBe(500);
  });

  it('a store’s own values win', () => {
    const parsed = storeSettingsSchema.parse({
      ...settings,
      idleLockMinutes: 15,
      cashVarianceApproval: 2000,
    });
    expect(idleLockMinutesOf(parsed)).toBe(15);
    expect(cashVarianceApprovalOf(parsed)).toBe(2000);
    expect(cashVarianceApprovalOf({ cashVarianceApproval: 0 })).toBe(0);
  });

  it.each([
    ['idleLockMinutes', 0],
    ['idleLockMinutes', 241],
    ['idleLockMinutes', 2.5],
    ['idleLockMinutes', '5'],
    ['cashVarianceApproval', -1],
    ['cashVarianceApproval', 1.5],
  ])('refuses %s = %j', (field, value) => {
    const parsed = storeSettingsSchema.safeParse({ ...settings, [field]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it('accepts the bounds of the idle lock', () => {
    for (const idleLockMinutes of [1, 240])
      expect(storeSettingsSchema.safeParse({ ...settings, idleLockMinutes }).success).toBe(true);
  });
});
