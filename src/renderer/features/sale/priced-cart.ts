/**
 * The cart priced with the store's settings from the replica: the one place the sale and tender screens
 * get totals from, so both show the same cents (`priceCart` from the shared domain).
 */
import { useMemo } from 'react';
import { type PricedCart, priceCart } from '@till/shared/domain/pricing';
import type { CodedError } from '@till/shared/result';
import { useEnrollment } from '../../app/sync-provider';
import { useCartStore } from './cart-store';
import { useStoreSettings } from './queries';

/** The priced cart, or why it cannot be priced (`settings_missing` until the store's settings arrive). */
export interface PricedCartState {
  priced: PricedCart | null;
  error: CodedError | null;
}

/** Prices the cart in progress; recomputed when the lines, the cart discount or the settings change. */
export function usePricedCart(): PricedCartState {
  const enrollment = useEnrollment();
  const settings = useStoreSettings(enrollment?.storeId ?? null).data ?? null;
  const lines = useCartStore((s) => s.lines);
  const cartDiscount = useCartStore((s) => s.cartDiscount);
  return useMemo(() => {
    if (!settings) {
      return {
        priced: null,
        error: {
          code: 'settings_missing',
          message: 'the store’s settings have not reached this register yet',
        },
      };
    }
    const result = priceCart({ lines, cartDiscount }, settings);
    return result.ok ? { priced: result.value, error: null } : { priced: null, error: result.error };
  }, [settings, lines, cartDiscount]);
}
