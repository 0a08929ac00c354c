/**
 * Handlers of the `staff` area (src/shared/ipc/channels/staff.ts): `staff:verify-pin` checks a PIN with
 * the store's staff key from the register's key store, under a lockout kept in `<dataDir>/lockouts.json`
 * so that neither a page reload nor a restart of the register resets it.
 */
import { type IpcError, type IpcResult, ipcErr, ipcOk } from '@till/shared/ipc/contract';
import type { IpcResponse } from '@till/shared/ipc/contract';
import { enrollmentFile } from '../enrollment/enrollment-file';
import type { AreaHandlers } from '../ipc/handler-types';
import { openStaffKeyStore } from '../keys/open-staff-key-store';
import type { KeyEncryptor } from '../keys/staff-key-store';
import { CLEAR, afterWrongPin, attemptsLeft, lockedUntil } from './lockout';
import { lockoutFile } from './lockout-file';
import { verifyPin } from './verify-pin';

/** What the `staff` handlers need from the process that hosts them. */
export interface StaffContext {
  /** The process's data folder: the enrollment, the staff keys and the lockouts live there. */
  dataDir: string;
  /** Electron main's `safeStorage`, which sealed the staff keys; absent in browser mode. */
  keyEncryptor?: KeyEncryptor;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Where damaged files are reported (default console.warn). */
  log?: (line: string) => void;
}

/** Builds the `staff` handlers. */
export function createStaffHandlers(context: StaffContext): AreaHandlers<'staff'> {
  const now = context.now ?? (() => new Date());
  const log = context.log ?? console.warn;
  const enrollment = enrollmentFile(context.dataDir, log);
  const lockouts = lockoutFile(context.dataDir, log);
  const staffKeys = openStaffKeyStore({
    dataDir: context.dataDir,
    ...(context.keyEncryptor && { encryptor: context.keyEncryptor }),
    log,
  });

  // One check at a time, lock check to count written: each costs ~0.25 s and 128 MiB, and two wrong PINs
  // checked side by side must both be counted before a third is let through.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    'staff:verify-pin': (request) =>
      serially(async (): Promise<IpcResult<IpcResponse<'staff:verify-pin'>>> => {
        // The lockout is per staff member, whichever verifier the page sends: the page chooses whom it
        // signs in anyway, so this slows a guesser holding the register, not a hostile page.
        const key = `${request.storeId}/${request.staffId}`;
        const entries = await lockouts.read();
        const entry = entries[key] ?? CLEAR;
        const until = lockedUntil(entry, now());
        if (until) return lockedError(until);

        const enrolled = await enrollment.load();
        const staffKey = enrolled ? await staffKeys.get(enrolled.hubUrl, request.storeId) : null;
        const checked = await verifyPin(request.pinHash, request.pin, staffKey);
        if (!checked.ok) {
          const code = checked.error.code === 'staff_key_invalid' ? 'staff_key_missing' : checked.error.code;
          return ipcErr(code, checked.error.message);
        }

        if (checked.value.matches) {
          if (entry.failures > 0 || entry.locks > 0 || entry.lockedUntil !== null) {
            const { [key]: _cleared, ...rest } = entries;
            await lockouts.write(rest);
          }
          return ipcOk({ matches: true });
        }
        const next = afterWrongPin(entry, now());
        await lockouts.write({ ...entries, [key]: next });
        const lockedNow = lockedUntil(next, now());
        if (lockedNow) return lockedError(lockedNow);
        const left = attemptsLeft(next);
        return failure({
          code: 'pin_wrong',
          message: `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left.`,
          details: { attemptsLeft: left },
        });
      }),
  };
}

function lockedError(until: Date): IpcResult<never> {
  return failure({
    code: 'locked',
    message: `Locked until ${until.toISOString()} after too many wrong PINs.`,
    details: { until: until.toISOString() },
  });
}

function failure(error: IpcError): IpcResult<never> {
  return { ok: false, error };
}
