/**
 * Handlers of the `register` area (src/shared/ipc/channels/register.ts): the stored enrollment, enrolling
 * with a code, and the demo enrollment a fresh `npm start` makes by itself.
 */
import { hostname } from 'node:os';
import { ipcOk } from '@till/shared/ipc/contract';
import type { IpcEventPayload, IpcResult } from '@till/shared/ipc/contract';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { AreaHandlers } from '../ipc/handler-types';
import { openStaffKeyStore } from '../keys/open-staff-key-store';
import type { KeyEncryptor } from '../keys/staff-key-store';
import { enrollRegister } from './enroll-register';
import { enrollmentFile } from './enrollment-file';

/** A hub and code the process enrolls with by itself when nothing is stored (the demo's). */
export interface DemoEnrollment {
  hubUrl: string;
  code: string;
}

/** What the `register` handlers need from the process that hosts them. */
export interface RegisterContext {
  /** The process's data folder: Electron's `userData`, or the host's `TILL_DATA_DIR`. */
  dataDir: string;
  /** Enroll with this when nothing is stored (`TILL_HUB_URL` + `TILL_ENROLL_CODE`); null for none. */
  demoEnrollment: DemoEnrollment | null;
  /** Told after `register:enroll` stored a new enrollment; the process sends `register:enrollment-changed`. */
  onEnrollmentChanged?: (enrollment: StoredEnrollment) => void;
  /** Electron main's `safeStorage`, to seal the store's staff key; absent in browser mode (a 0600 file). */
  keyEncryptor?: KeyEncryptor;
  /** Sends an `app:notice` to the page (e.g. the staff key could not be sealed by the OS). */
  onNotice?: (notice: IpcEventPayload<'app:notice'>) => void;
  /** The register's name for the demo enrollment (default: "Till on <host name>"). */
  registerName?: string;
  /** The network; tests may pass their own. */
  fetch?: typeof globalThis.fetch;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/** Builds the `register` handlers. */
export function createRegisterHandlers(context: RegisterContext): AreaHandlers<'register'> {
  const store = enrollmentFile(context.dataDir);
  const staffKeys = openStaffKeyStore({
    dataDir: context.dataDir,
    ...(context.keyEncryptor && { encryptor: context.keyEncryptor }),
    ...(context.onNotice && { onNotice: context.onNotice }),
  });
  const name = (context.registerName ?? `Till on ${hostname()}`).slice(0, 120);
  // One enrollment at a time: each reads the stored one before writing its own, and a page that asks twice
  // (React's development double effects, a retry) must not enroll the demo register twice.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const options = {
    staffKeys,
    ...(context.fetch && { fetch: context.fetch }),
    ...(context.now && { now: context.now }),
  };

  return {
    'register:enrollment': () =>
      serially(async (): Promise<IpcResult<StoredEnrollment | null>> => {
        const stored = await store.load();
        if (stored || !context.demoEnrollment) return ipcOk(stored);
        const { hubUrl, code } = context.demoEnrollment;
        return enrollRegister({ store, hubUrl, code, name, pendingSales: 0, ...options });
      }),
    'register:enroll': (request) =>
      serially(async () => {
        const result = await enrollRegister({ store, ...request, ...options });
        if (result.ok) context.onEnrollmentChanged?.(result.value);
        return result;
      }),
  };
}
