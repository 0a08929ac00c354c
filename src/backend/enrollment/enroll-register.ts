/**
 * Enrollment's rules: an enrollment code becomes a store-scoped token, stored so the register finds it on
 * the next start. Re-enrollment (a new code, say after a token was revoked) keeps the replica when the hub
 * and store stay the same, so sales not yet pushed go out with the new token; the old token is sent along
 * (to the same hub only) and the hub revokes it. Moving to another store or hub opens another replica;
 * that is refused while sales still wait for the hub, so none is stranded.
 */
import { type IpcResult, ipcErr, ipcOk } from '@till/shared/ipc/contract';
import { MAX_FORMER_REGISTER_IDS, type StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { StaffKeyStore } from '../keys/staff-key-store';
import type { EnrollmentFile } from './enrollment-file';
import { type HubEnrollOutcome, enrollWithHub } from './hub-enroll';

/** One enrollment attempt. */
export interface EnrollArgs {
  store: EnrollmentFile;
  /** Where the store's staff key from the answer goes; tests of the rules alone may leave it out. */
  staffKeys?: StaffKeyStore;
  hubUrl: string;
  code: string;
  name: string;
  /** Sales in the current replica that have not reached the hub. */
  pendingSales: number;
  /** Calls the hub; tests of the rules alone may pass their own. */
  enroll?: (request: {
    hubUrl: string;
    code: string;
    name: string;
    replacesToken?: string;
  }) => Promise<HubEnrollOutcome>;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

/** The shape of an enrollment code: 4–64 letters, digits or dashes. */
const CODE = /^[A-Za-z0-9-]{4,64}$/;

/**
 * Enrolls (or re-enrolls) and stores the result. Moving to another store or hub with sales waiting is
 * refused (`sales_pending`) before the hub is asked when the hub changes, and after when only the store does.
 */
export async function enrollRegister(args: EnrollArgs): Promise<IpcResult<StoredEnrollment>> {
  const code = args.code.trim();
  if (!CODE.test(code))
    return ipcErr('code_invalid', 'An enrollment code is 4–64 letters, digits or dashes.');
  const hubUrl = normalizeHubUrl(args.hubUrl);
  const previous = await args.store.load();
  if (previous && previous.hubUrl !== hubUrl && args.pendingSales > 0) {
    return ipcErr('sales_pending', pendingMessage(args.pendingSales));
  }
  const call =
    args.enroll ?? ((request) => enrollWithHub({ ...request, ...(args.fetch && { fetch: args.fetch }) }));
  // The current token goes only to the hub that issued it, which revokes it once the new one exists.
  const replacesToken = previous?.hubUrl === hubUrl ? previous.token : undefined;
  const answer = await call({ hubUrl, code, name: args.name, ...(replacesToken && { replacesToken }) });
  if (!answer.ok) {
    return ipcErr(answer.reason === 'refused' ? 'code_refused' : 'hub_unreachable', answer.message);
  }
  const moving =
    previous !== null && (previous.storeId !== answer.value.storeId || previous.hubUrl !== hubUrl);
  if (moving && args.pendingSales > 0) {
    // The hub has used the code by now; a manager issues another once the waiting sales are through.
    return ipcErr('sales_pending', pendingMessage(args.pendingSales));
  }
  // The store's staff key goes to the key store, first (an enrollment stored without it would leave the
  // register unable to check PINs), and never into the enrollment, which the page and enrollment.json see.
  await args.staffKeys?.put(hubUrl, answer.value.storeId, answer.value.staffKey);
  const enrollment: StoredEnrollment = {
    hubUrl,
    registerId: answer.value.registerId,
    storeId: answer.value.storeId,
    token: answer.value.token,
    name: args.name,
    enrolledAt: (args.now?.() ?? new Date()).toISOString(),
  };
  // Same hub and store: the replica stays, and its unsent sales may name the ids it had before.
  const former = previous && !moving ? formerIds(previous, enrollment.registerId) : [];
  if (former.length > 0) enrollment.formerRegisterIds = former;
  await args.store.save(enrollment);
  return ipcOk(enrollment);
}

/** A hub URL as stored: its origin and path, without trailing slashes (`http://hub:4000/` → `http://hub:4000`). */
export function normalizeHubUrl(hubUrl: string): string {
  const url = new URL(hubUrl.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function pendingMessage(n: number): string {
  return `${n} sales have not reached the hub yet; let them sync before moving this register to another store or hub.`;
}

/** The ids `previous` had, its own last, without `current`, the newest MAX_FORMER_REGISTER_IDS of them. */
function formerIds(previous: StoredEnrollment, current: string): string[] {
  const ids = [...(previous.formerRegisterIds ?? []), previous.registerId].filter((id) => id !== current);
  return [...new Set(ids)].slice(-MAX_FORMER_REGISTER_IDS);
}
