/**
 * Where the process host keeps the register's enrollment: `<dataDir>/enrollment.json`, readable by this OS
 * account only (mode 0600). Written atomically (a temp file, flushed, then renamed over the old one), so a
 * crash or power cut leaves the old enrollment or the new one, never half of either.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { type StoredEnrollment, storedEnrollmentSchema } from '@till/shared/ipc/channels/register';

/** The enrollment file's name inside the data folder. */
export const ENROLLMENT_FILE = 'enrollment.json';

/** Loads and saves one data folder's enrollment. */
export interface EnrollmentFile {
  /** The file's full path. */
  readonly path: string;
  /** The stored enrollment; null when there is none (or only an unreadable one, which is set aside). */
  load(): Promise<StoredEnrollment | null>;
  /** Replaces the stored enrollment atomically. */
  save(enrollment: StoredEnrollment): Promise<void>;
}

/** The enrollment file of `dataDir`. Nothing touches the disk until `load` or `save` is called. */
export function enrollmentFile(dataDir: string, log: (line: string) => void = console.warn): EnrollmentFile {
  const file = path.join(dataDir, ENROLLMENT_FILE);
  return {
    path: file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const parsed = storedEnrollmentSchema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data;
      // A damaged file must not stop the register for good: it enrolls again, and the old file stays for
      // whoever wants to know what happened.
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      log(`[enrollment] ${file} was unreadable; moved it to ${aside}. The register must enroll again.`);
      return null;
    },
    async save(enrollment) {
      const data = storedEnrollmentSchema.parse(enrollment);
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
