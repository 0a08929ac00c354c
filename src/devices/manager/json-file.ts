/**
 * A JSON file in the device service's data folder, read through a zod schema and written atomically (a
 * temporary file flushed to disk, then renamed over the old one), so a power cut during a write leaves the
 * old content or the new, never half of it. A file that does not match the schema is moved aside
 * (`<name>.unreadable-<time>`) for whoever investigates, and the caller goes on with its default.
 * Separate from src/backend/files/private-json-file.ts: the device service may not import the backend.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** One JSON file. */
export interface JsonFile<T> {
  readonly path: string;
  /** The content, or null when there is none (or it was unreadable and moved aside: `onUnreadable`). */
  read(): Promise<T | null>;
  /** Replaces the content atomically. */
  write(value: T): Promise<void>;
}

/** The file `name` of `dir`, holding values of `schema`. Nothing touches the disk until used. */
export function jsonFile<S extends z.ZodType>(
  dir: string,
  name: string,
  schema: S,
  onUnreadable: (file: string, aside: string, why: string) => void,
): JsonFile<z.output<S>> {
  const file = path.join(dir, name);
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
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      const aside = `${file}.unreadable-${Date.now()}`;
      await rename(file, aside);
      onUnreadable(file, aside, json === undefined ? 'not JSON' : (parsed.error.issues[0]?.message ?? ''));
      return null;
    },
    async write(value) {
      const data = schema.parse(value);
      await mkdir(dir, { recursive: true });
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
    },
  };
}
