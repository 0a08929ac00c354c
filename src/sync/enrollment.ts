/**
 * Enrollment: an enrollment code becomes a store-scoped token, stored in a small database of its own (local
 * documents only) so the register finds it on the next start. The token is read through a getter by the
 * hub client and never logged: diagnostics get `redactEnrollment`.
 *
 * Re-enrollment (a new code, say after a token was revoked) keeps the replica when the store stays the
 * same, so sales not yet pushed go out with the new token. Moving to another store opens another replica;
 * that is refused while sales still wait for the hub, so none is stranded.
 */
import { type RxDatabase, type RxStorage, addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { type Result, fail, ok } from '@till/shared/result';
import { type HubClient, HubError } from './hub-client';

/** What the register remembers about its enrollment. */
export interface StoredEnrollment {
  hubUrl: string;
  registerId: string;
  storeId: string;
  token: string;
  name: string;
  enrolledAt: string;
}

const KEY = 'enrollment';

addRxPlugin(RxDBLocalDocumentsPlugin);

/** Opens the register's small settings database (no collections, local documents only). */
export async function openMetaDatabase(
  storage: RxStorage<unknown, unknown>,
  name = 'till-meta',
): Promise<RxDatabase> {
  return createRxDatabase({
    name,
    storage,
    multiInstance: false,
    localDocuments: true,
    closeDuplicates: true,
  });
}

/** Loads, saves and clears the enrollment. */
export function enrollmentStore(meta: RxDatabase) {
  return {
    async load(): Promise<StoredEnrollment | null> {
      const doc = await meta.getLocal<StoredEnrollment>(KEY);
      return doc ? (doc.toJSON().data as StoredEnrollment) : null;
    },
    async save(enrollment: StoredEnrollment): Promise<void> {
      await meta.upsertLocal(KEY, enrollment);
    },
    async clear(): Promise<void> {
      const doc = await meta.getLocal(KEY);
      await doc?.remove();
    },
  };
}

/** The enrollment store of a register. */
export type EnrollmentStore = ReturnType<typeof enrollmentStore>;

/**
 * The replica's database name for an enrollment: one per hub and store (RxDB names are lower-case letters,
 * digits, `_`, `$`, `-` and must start with a letter).
 */
export function replicaNameFor(enrollment: Pick<StoredEnrollment, 'hubUrl' | 'storeId'>): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `till-${hashText(enrollment.hubUrl)}-${slug(enrollment.storeId)}`.slice(0, 100);
}

/** The enrollment with its token hidden, for logs and the diagnostics export. */
export function redactEnrollment(e: StoredEnrollment): Omit<StoredEnrollment, 'token'> & { token: string } {
  return { ...e, token: `…${e.token.slice(-4)}` };
}

/**
 * Enrolls (or re-enrolls) with `code`. `pendingSales` is how many sales still wait for the hub in the
 * current replica: moving to another store with some waiting is refused (`sales_pending`).
 */
export async function enroll(args: {
  client: Pick<HubClient, 'enroll'>;
  store: EnrollmentStore;
  hubUrl: string;
  code: string;
  name: string;
  pendingSales: number;
  now?: () => Date;
}): Promise<Result<StoredEnrollment>> {
  const code = args.code.trim();
  if (!/^[A-Za-z0-9-]{4,64}$/.test(code))
    return fail('code_invalid', 'an enrollment code is 4–64 letters, digits or dashes');
  const previous = await args.store.load();
  if (previous && previous.hubUrl !== args.hubUrl && args.pendingSales > 0) {
    return fail('sales_pending', pendingMessage(args.pendingSales));
  }
  let answer;
  try {
    answer = await args.client.enroll(code, args.name);
  } catch (error) {
    if (error instanceof HubError && error.status === 403)
      return fail('code_refused', 'the hub does not accept this code (unknown or already used)');
    if (error instanceof HubError && error.status === 0)
      return fail('hub_unreachable', 'the hub cannot be reached; check its address and the network');
    if (error instanceof HubError) return fail(error.code, error.message);
    throw error;
  }
  const moving =
    previous !== null && (previous.storeId !== answer.storeId || previous.hubUrl !== args.hubUrl);
  if (moving && args.pendingSales > 0) {
    // The hub has used the code by now; a manager issues another once the waiting sales are through.
    return fail('sales_pending', pendingMessage(args.pendingSales));
  }
  const enrollment: StoredEnrollment = {
    hubUrl: args.hubUrl,
    registerId: answer.registerId,
    storeId: answer.storeId,
    token: answer.token,
    name: args.name,
    enrolledAt: (args.now?.() ?? new Date()).toISOString(),
  };
  await args.store.save(enrollment);
  return ok(enrollment);
}

function pendingMessage(n: number): string {
  return `${n} sales have not reached the hub yet; let them sync before moving this register to another store or hub`;
}

/** A short stable hash (FNV-1a, hex) so a hub URL fits in a database name. Not for security. */
function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
