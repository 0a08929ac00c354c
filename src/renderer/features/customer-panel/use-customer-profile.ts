/**
 * The attached customer's profile: asked of the hub once per attach (and on Refresh), kept on the register
 * for offline use, and each look-up audited (`customer_lookup`, with whether personal data was shown).
 * When the hub cannot be reached the kept profile is shown, marked as possibly out of date.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { TillDatabase } from '../../../sync/database';
import { recordAudit } from '../../../sync/record-audit';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { useCartStore } from '../sale/cart-store';
import { useActiveClerk } from '../session/session-store';
import { historyOnHub } from './counter-client';
import { type CustomerProfile, profileFromHistory } from './profile';
import { cacheProfile, cachedProfile } from './profile-cache';

/** A profile and where it came from. */
export interface LoadedProfile {
  profile: CustomerProfile | null;
  /** True when the hub could not answer and this is the register's kept copy (or nothing). */
  stale: boolean;
  /** Words for the clerk when the hub could not answer. */
  problem: string | null;
}

/** Fetches, keeps and audits one look-up. */
export async function loadProfile(
  db: TillDatabase,
  enrollment: StoredEnrollment,
  customerId: string,
  staffId: string | null,
): Promise<LoadedProfile> {
  const history = await historyOnHub(enrollment, customerId);
  if (history.ok) {
    const profile = profileFromHistory(history.value);
    await cacheProfile(db, profile).catch(() => undefined);
    await recordAudit(db, enrollment, {
      action: 'customer_lookup',
      staffId,
      details: { customerId, personalData: profile.consent, source: 'hub' },
    });
    return { profile, stale: false, problem: null };
  }
  const kept = await cachedProfile(db, customerId);
  await recordAudit(db, enrollment, {
    action: 'customer_lookup',
    staffId,
    details: { customerId, personalData: kept?.consent ?? false, source: 'register' },
  });
  return { profile: kept, stale: true, problem: history.error.message };
}

/** The profile of `customerId` (null: none attached). */
export function useCustomerProfile(customerId: string | null) {
  const db = useReplica();
  const enrollment = useEnrollment();
  const clerk = useActiveClerk();
  const queryClient = useQueryClient();
  // A customer detached, or their sale recorded (the cart starts empty): their balance has moved, so
  // attaching them again asks the hub again rather than trusting the points shown before.
  useEffect(
    () =>
      useCartStore.subscribe((state, previous) => {
        if (previous.customerId === null || state.customerId === previous.customerId) return;
        queryClient.removeQueries({
          queryKey: ['customer-profile', db?.name ?? 'none', previous.customerId],
        });
      }),
    [queryClient, db],
  );
  return useQuery({
    queryKey: ['customer-profile', db?.name ?? 'none', customerId],
    queryFn: () =>
      loadProfile(db as TillDatabase, enrollment as StoredEnrollment, customerId ?? '', clerk?.id ?? null),
    enabled: customerId !== null && db !== null && enrollment !== null,
    // One look-up (and one audit entry) per attach; Refresh asks again.
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
}
