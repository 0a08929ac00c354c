/**
 * A small JSON file only this OS account may read, in the process host's data folder: read and checked with
 * a zod schema, written atomically (a temporary file flushed to disk, then renamed over the old one, then the
 * folder flushed), so a crash or power cut leaves either the old content or the new, never half of it. The
 * enrollment, the staff keys and the PIN lockouts each keep one.
 * The device service has its own (src/devices/manager/json-file.ts): it may not import the backend.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** One private JSON file. */
export interface PrivateJsonFile<T> {
  readonly path: string;
  /**
   * The file's content, or null when there is none. A file that does not match the schema is moved aside
   * (`<name>.unreadable-<time>`, kept for whoever investigates), `onUnreadable` is told where, and null comes
   * back: only this account can write the file, so a damaged one is a crash's doing, and the register must go
   * on without it.
   */
  read(): Promise<T | null>;
  /** Replaces the content atomically; the file is created with mode 0600 and its folder with 0700. */
  write(value: T): Promise<void>;
}

/** The file `name` of `dataDir` holding documents of `schema`. Nothing touches the disk until used. */
export function privateJsonFile<S extends z.ZodType>(
  dataDir: string,
  name: string,
  schema: S,
  onUnreadable: (file: string, aside: string) => void,
): PrivateJsonFile<z.output<S>> {
  const file = path.join(dataDir, name);
  return {
    path: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const parsed = schema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data;
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      onUnreadable(file, aside);
      return null;
    },
    async write(value) {
      const data = schema.parse(value);
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
