/**
 * `<dataDir>/staff-keys.json`: the stores' staff keys this register holds, one entry per hub and store,
 * each plain (protected only by the file's mode 0600) or sealed by the OS (Electron's `safeStorage`).
 * Kept beside `enrollment.json`, never in it and never in the replica, so neither the page nor a copy of
 * the replica holds a key. Written atomically (temp file, flushed, renamed), like the enrollment.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

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
  const file = path.join(dataDir, STAFF_KEY_FILE);
  return {
    path: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const parsed = keyFileSchema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data.keys;
      // A damaged file costs only offline sign-in until the next enrollment brings the key again.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log(`[keys] ${file} was unreadable; moved it to ${aside}. Enroll again to check PINs offline.`);
      return [];
    },
    async write(entries) {
      const data = keyFileSchema.parse({ version: 1, keys: entries });
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
