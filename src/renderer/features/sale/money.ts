/**
 * Money on the sale screen: minor units formatted with `Intl.NumberFormat` in the store's locale and
 * currency (from the store's settings in the replica).
 */
import { useCallback } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { useEnrollment } from '../../app/sync-provider';
import { useStoreSettings } from './queries';

/** Formats minor units of the store's currency; a neutral `en-US`/`USD` until the settings arrive. */
export function useMoney(): (amount: number) => string {
  const enrollment = useEnrollment();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data;
  const currency = settings?.currency ?? 'USD';
  const locale = settings?.locale ?? 'en-US';
  return useCallback((amount: number) => formatMoney(amount, currency, locale), [currency, locale]);
}
