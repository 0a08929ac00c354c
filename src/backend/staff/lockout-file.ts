/**
 * `<dataDir>/lockouts.json`: wrong PINs in a row and locks per staff member, kept on disk so that
 * reloading the page or restarting the register does not hand a guesser a fresh set of tries. Readable by
 * this OS account only (0600) and written atomically (temp file, flushed, renamed), like the enrollment.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

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
  const file = path.join(dataDir, LOCKOUT_FILE);
  return {
    path: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
        throw error;
      }
      const parsed = lockoutFileSchema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data.entries;
      // Only this OS account can write the file, so a damaged one is a crash's doing, not a guesser's:
      // keep it for whoever investigates, and carry on without the old counts.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log(`[staff] ${file} was unreadable; moved it to ${aside}. Wrong-PIN counts start again.`);
      return {};
    },
    async write(entries) {
      const data = lockoutFileSchema.parse({ version: 1, entries });
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await syncFolder(dataDir);
    },
  };
}

/** Flushes the folder entry of the rename, where the platform allows it (Windows cannot open folders). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file itself was flushed before the rename.
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
