/**
 * `<dataDir>/staff-keys.json`: the stores' staff keys this register holds, one entry per hub and store,
 * each plain (protected only by the file's mode 0600) or sealed by the OS (Electron's `safeStorage`).
 * Kept beside `enrollment.json`, never in it and never in the replica, so neither the page nor a copy of
 * the replica holds a key. Written atomically (temp file, flushed, renamed), like the enrollment.
 */
import { z } from 'zod';
import { privateJsonFile } from '../files/private-json-file';

/** The key file's name inside the data folder. */
export const STAFF_KEY_FILE = 'staff-keys.json';

/** One stored key. */
export const keyEntrySchema = z.object({
  hubUrl: z.string().min(1).max(2048),
  storeId: z.string().min(1).max(64),
  /** `none`: `key` is the staff key itself; `safe-storage`: base64 of what the OS sealed it into. */
  protection: z.enum(['none', 'safe-storage']),
  key: z.string().min(1).max(4096),
  savedAt: z.string().max(32),
});

/** One stored key. */
export type KeyEntry = z.infer<typeof keyEntrySchema>;

const keyFileSchema = z.object({ version: z.literal(1), keys: z.array(keyEntrySchema).max(100) });

/** Reads and replaces the key file of one data folder. */
export interface KeyFile {
  /** The file's full path. */
  readonly path: string;
  /** Every entry; none when there is no file, or only an unreadable one (which is set aside and logged). */
  read(): Promise<KeyEntry[]>;
  /** Replaces every entry atomically; the file is readable by this OS account only. */
  write(entries: KeyEntry[]): Promise<void>;
}

/** The key file of `dataDir`. Nothing touches the disk until `read` or `write` is called. */
export function keyFile(dataDir: string, log: (line: string) => void): KeyFile {
  // A damaged file costs only offline sign-in until the next enrollment brings the key again.
  const file = privateJsonFile(dataDir, STAFF_KEY_FILE, keyFileSchema, (name, aside) =>
    log(`[keys] ${name} was unreadable; moved it to ${aside}. Enroll again to check PINs offline.`),
  );
  return {
    path: file.path,
    read: async () => (await file.read())?.keys ?? [],
    write: (entries) => file.write({ version: 1, keys: entries }),
  };
}
