/**
 * The steps every way of returning takes alike: who and where the return is made (its context), and,
 * right before it is built for good, its receipt number and the register's open shift.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { StoreSettings } from '@till/shared/schemas/settings';
import type { TillDatabase } from '../../../sync/database';
import type { Clerk } from '../session/session-store';
import { openShiftId } from './queries';
import { nextReturnNumber } from './return-number';

/** Where, by whom and for which customer a return is made (its shift comes with `numberAndShift`). */
export function returnContext(
  enrollment: StoredEnrollment,
  clerk: Clerk,
  settings: StoreSettings,
  customerId: string | null,
) {
  return {
    storeId: enrollment.storeId,
    registerId: enrollment.registerId,
    clerkId: clerk.id,
    customerId,
    currency: settings.currency,
  };
}

/** The return's receipt number and the register's open shift (null when none is open). */
export function numberAndShift(
  db: TillDatabase,
  settings: StoreSettings,
  enrollment: StoredEnrollment,
): Promise<[string, string | null]> {
  return Promise.all([
    nextReturnNumber(db, settings.storeCode, enrollment.registerId),
    openShiftId(db, enrollment.registerId),
  ]);
}
