/**
 * Recent customer profiles kept on the register, as the RxDB local document `customer-profiles` of the
 * replica (never replicated, not in localStorage), so the panel still shows a customer while the hub
 * cannot be reached — marked as possibly out of date. The newest profiles are kept, at most MAX_PROFILES.
 */
import { z } from 'zod';
import type { TillDatabase } from '../../../sync/database';
import { type CustomerProfile, customerProfileSchema } from './profile';

/** The local document's id. */
export const PROFILE_CACHE_ID = 'customer-profiles';

/** How many recent profiles a register keeps. */
export const MAX_PROFILES = 50;

const cacheSchema = z.object({ profiles: z.array(customerProfileSchema).max(MAX_PROFILES) });

// One write at a time: RxDB refuses a write racing another on the same local document.
let queue: Promise<unknown> = Promise.resolve();

async function readAll(db: TillDatabase): Promise<CustomerProfile[]> {
  const doc = await db.getLocal<{ profiles: CustomerProfile[] }>(PROFILE_CACHE_ID);
  if (!doc) return [];
  const parsed = cacheSchema.safeParse(doc.toJSON().data);
  // An unreadable cache is only a cache: start a new one.
  return parsed.success ? parsed.data.profiles : [];
}

/** Keeps `profile` as the newest, replacing the customer's older one and dropping the oldest beyond the limit. */
export function cacheProfile(db: TillDatabase, profile: CustomerProfile): Promise<void> {
  const run = queue.then(async () => {
    const kept = (await readAll(db)).filter((p) => p.id !== profile.id);
    const profiles = [customerProfileSchema.parse(profile), ...kept].slice(0, MAX_PROFILES);
    await db.upsertLocal(PROFILE_CACHE_ID, { profiles });
  });
  queue = run.catch((error: unknown) => console.error('[customer] could not keep the profile', error));
  return run;
}

/** The kept profile of a customer, or null. */
export async function cachedProfile(db: TillDatabase, customerId: string): Promise<CustomerProfile | null> {
  await queue.catch(() => undefined);
  return (await readAll(db)).find((p) => p.id === customerId) ?? null;
}
