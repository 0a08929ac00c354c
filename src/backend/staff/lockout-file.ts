/**
 * `<dataDir>/lockouts.json`: wrong PINs in a row and locks per staff member, kept on disk so that
 * reloading the page or restarting the register does not hand a guesser a fresh set of tries. Readable by
 * this OS account only (0600) and written atomically (temp file, flushed, renamed), like the enrollment.
 */
import { z } from 'zod';
import { privateJsonFile } from '../files/private-json-file';

/** The lockout file's name inside the data folder. */
export const LOCKOUT_FILE = 'lockouts.json';

/** Where one staff member stands. */
export const lockoutEntrySchema = z.object({
  /** Wrong PINs since the last right one or the last lock. */
  failures: z.int().min(0).max(1000),
  /** Locks since the last right PIN: each lasts twice as long as the one before. */
  locks: z.int().min(0).max(1000),
  /** When the current lock ends (ISO 8601), or null. */
  lockedUntil: z.iso.datetime().nullable(),
});

/** Where one staff member stands. */
export type LockoutEntry = z.infer<typeof lockoutEntrySchema>;

const lockoutFileSchema = z.object({
  version: z.literal(1),
  /** Keyed by `<storeId>/<staffId>`. */
  entries: z.record(z.string().max(200), lockoutEntrySchema),
});

/** Reads and replaces the lockout file of one data folder. */
export interface LockoutFile {
  /** The file's full path. */
  readonly path: string;
  /** Every entry; none when there is no file, or only an unreadable one (which is set aside and logged). */
  read(): Promise<Record<string, LockoutEntry>>;
  /** Replaces every entry atomically; the file is readable by this OS account only. */
  write(entries: Record<string, LockoutEntry>): Promise<void>;
}

/** The lockout file of `dataDir`. Nothing touches the disk until `read` or `write` is called. */
export function lockoutFile(dataDir: string, log: (line: string) => void = console.warn): LockoutFile {
  // Only this OS account can write the file, so a damaged one is a crash's doing, not a guesser's: keep it
  // for whoever investigates, and carry on without the old counts.
  const file = privateJsonFile(dataDir, LOCKOUT_FILE, lockoutFileSchema, (name, aside) =>
    log(`[staff] ${name} was unreadable; moved it to ${aside}. Wrong-PIN counts start again.`),
  );
  return {
    path: file.path,
    read: async () => (await file.read())?.entries ?? {},
    write: (entries) => file.write({ version: 1, entries }),
  };
}
