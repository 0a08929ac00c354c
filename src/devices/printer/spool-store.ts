/**
 * The print spooler's jobs on disk: one JSON file per job (`job-<id>.json`), each written atomically
 * (a temporary file, fsync, rename over the old one, fsync of the folder), so after a power cut a job is
 * either its old version or its new one, never half of each. Temporary files left by a crash are removed
 * on load; a job file that does not parse is moved aside (`.corrupt`) rather than deleted or printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Why a job waits: the printer's fault, or `unknown_outcome` (the process died while sending it). */
export const holdReasons = [
  'paper_out',
  'cover_open',
  'offline',
  'printer_error',
  'unknown_outcome',
] as const;

/** A hold reason. */
export type HoldReason = (typeof holdReasons)[number];

/** A job's ids are file names too: letters, digits, `-`, `_` and `.` (a UUID, a receipt number). */
export const jobIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, 'letters, digits, "-", "_" and "." only');

/** One job as stored. `bytes` is base64; `seq` orders jobs first in, first out. */
export const storedJobSchema = z.object({
  id: jobIdSchema,
  title: z.string().max(200),
  state: z.enum(['queued', 'sending', 'done', 'held']),
  reason: z.enum(holdReasons).nullable(),
  createdAt: z.string().max(40),
  attempts: z.number().int().min(0),
  seq: z.number().int().min(0),
  bytes: z.string().max(8 * 1024 * 1024),
});

/** One stored job. */
export type StoredJob = z.infer<typeof storedJobSchema>;

const fileOf = (dir: string, id: string) => join(dir, `job-${id}.json`);

/** Flushes a folder's entries (the rename) to disk; not every file system allows it, so failure is fine. */
async function syncDir(dir: string) {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}

/** Writes `job` atomically: temp file, fsync, rename, fsync of the folder. */
export async function writeJob(dir: string, job: StoredJob): Promise<void> {
  const temp = join(dir, `.job-${job.id}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(job));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, fileOf(dir, job.id));
  await syncDir(dir);
}

/** Deletes a job's file. */
export async function removeJob(dir: string, id: string): Promise<void> {
  await rm(fileOf(dir, id), { force: true });
  await syncDir(dir);
}

/** Loads every job in `dir` (creating it), dropping crash leftovers and setting broken files aside. */
export async function loadJobs(dir: string): Promise<StoredJob[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jobs: StoredJob[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.tmp')) {
      // Written but never renamed: the job it belongs to still has its previous, complete version.
      await rm(path, { force: true });
      continue;
    }
    if (!/^job-.+\.json$/.test(name)) continue;
    let parsed: z.ZodSafeParseResult<StoredJob> | null;
    try {
      parsed = storedJobSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    } catch {
      parsed = null;
    }
    if (parsed?.success && fileOf(dir, parsed.data.id) === path) jobs.push(parsed.data);
    else await rename(path, `${path}.corrupt`).catch(() => undefined);
  }
  return jobs.sort((a, b) => a.seq - b.seq);
}
