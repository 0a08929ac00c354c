/**
 * The print spooler: receipts are written to disk before they are sent, printed one at a time in the
 * order they came, held while the printer cannot print and sent again once it can.
 *
 * A job moves `queued → sending → done`, or to `held` with a reason. Printer faults (`paper_out`,
 * `cover_open`, `offline`, `printer_error`) are retried by themselves: the printer's status is polled
 * every `retryMs` and the job goes out when it is ready (or at once on `resume()`). A job found in
 * `sending` at start-up was being sent when the process died: it may or may not have printed, so it is
 * held as `unknown_outcome` and printed again only when the clerk has looked at the paper and asks for it
 * (`reprint`), or dropped (`discard`). Nothing is ever printed twice on its own.
 *
 * `submit` is idempotent by id: the same sale's receipt submitted twice prints once.
 */
import type { PrinterDriver } from '../core/contracts';
import { faultCodeOf } from '../core/fault';
import type { HoldReason, StoredJob } from './spool-store';
import { jobIdSchema, loadJobs, removeJob, writeJob } from './spool-store';
import { statusFaults } from './status';
import type { Result } from '@till/shared/result';

/** A job as listed (without its bytes). */
export interface SpoolJobInfo {
  id: string;
  title: string;
  state: StoredJob['state'];
  reason: HoldReason | null;
  createdAt: string;
  attempts: number;
}

/** A refused spooler call. */
export interface SpoolError {
  code: 'invalid_job' | 'not_found' | 'not_held' | 'busy' | 'closed' | 'storage_failed';
  message: string;
}

/** What the spooler needs. */
export interface SpoolerOptions {
  /** The folder the jobs live in (created if missing). */
  dir: string;
  /** The printer now, or `null` when none is connected (the job is held as `offline`). */
  printer: () => PrinterDriver | null;
  /** How often a held job's printer is asked whether it is ready again (default 2000 ms). */
  retryMs?: number;
  /** How many finished jobs are kept on disk (default 50); older ones are deleted. */
  keepDone?: number;
  /** Called after every change of any job, with the whole list. */
  onChange?: (jobs: SpoolJobInfo[]) => void;
}

/** The spooler's interface. Every call waits for the jobs on disk to be loaded first. */
export interface Spooler {
  submit(job: { id: string; bytes: Uint8Array; title: string }): Promise<Result<SpoolJobInfo, SpoolError>>;
  list(): Promise<SpoolJobInfo[]>;
  /** Tries held jobs now instead of at the next poll. */
  resume(): Promise<void>;
  /** Queues a held job again (the clerk checked the paper); the only way out of `unknown_outcome`. */
  reprint(id: string): Promise<Result<SpoolJobInfo, SpoolError>>;
  /** Drops a job that is not being sent. */
  discard(id: string): Promise<Result<null, SpoolError>>;
  /** Stops polling and waits for a job being sent; jobs stay on disk for the next start. */
  close(): Promise<void>;
}

const maxJobBytes = 4 * 1024 * 1024;
const retryable = (job: StoredJob) =>
  job.state === 'queued' || (job.state === 'held' && job.reason !== 'unknown_outcome');
const info = ({ id, title, state, reason, createdAt, attempts }: StoredJob): SpoolJobInfo => ({
  id,
  title,
  state,
  reason,
  createdAt,
  attempts,
});
const refuse = (code: SpoolError['code'], message: string) => ({
  ok: false as const,
  error: { code, message },
});

/** The hold reason for a printer fault; a fault outside the list means the printer cannot be reached. */
function reasonOf(error: unknown): HoldReason {
  const code = faultCodeOf(error);
  return code === 'paper_out' || code === 'cover_open' || code === 'printer_error' ? code : 'offline';
}

/** Starts a spooler on `options.dir`: loads its jobs, and carries on with any that were waiting. */
export function createSpooler(options: SpoolerOptions): Spooler {
  const { dir } = options;
  const keepDone = options.keepDone ?? 50;
  const jobs = new Map<string, StoredJob>();
  const submitting = new Map<string, Promise<Result<SpoolJobInfo, SpoolError>>>();
  let nextSeq = 0;
  let closed = false;
  let pumping: Promise<void> | null = null;
  let again = false;

  const ordered = () => [...jobs.values()].sort((a, b) => a.seq - b.seq);
  const changed = () => options.onChange?.(ordered().map(info));
  const save = async (job: StoredJob, patch: Partial<StoredJob>) => {
    Object.assign(job, patch);
    // Discarded while the printer was being asked: do not write it back.
    if (jobs.get(job.id) !== job) return;
    await writeJob(dir, job);
    changed();
  };

  let loadError: string | null = null;
  const loaded = (async () => {
    for (const job of await loadJobs(dir)) {
      jobs.set(job.id, job);
      nextSeq = Math.max(nextSeq, job.seq + 1);
      // It was on its way to the printer when the process stopped: only a person can tell if it printed.
      if (job.state === 'sending') await save(job, { state: 'held', reason: 'unknown_outcome' });
    }
  })().catch((error: unknown) => {
    loadError = `cannot use the print queue in ${dir}: ${(error as Error).message}`;
  });

  const prune = async () => {
    const done = ordered().filter((job) => job.state === 'done');
    for (const job of done.slice(0, Math.max(0, done.length - keepDone))) {
      jobs.delete(job.id);
      await removeJob(dir, job.id);
    }
  };

  /** Sends the first waiting job; false when there is nothing to do now (or the printer is not ready). */
  const step = async (): Promise<boolean> => {
    const job = ordered().find(retryable);
    if (!job || closed) return false;
    const printer = options.printer();
    if (!printer) {
      if (job.reason !== 'offline') await save(job, { state: 'held', reason: 'offline' });
      return false;
    }
    if (job.state === 'held') {
      // Ask before sending again, so a printer still out of paper does not count as an attempt.
      let fault: HoldReason | undefined;
      try {
        fault = statusFaults(await printer.status())[0];
      } catch (error) {
        fault = reasonOf(error);
      }
      if (fault) {
        if (fault !== job.reason) await save(job, { reason: fault });
        return false;
      }
    }
    // On disk as `sending` before a byte leaves, so a crash from here on is an unknown outcome.
    await save(job, { state: 'sending', reason: null, attempts: job.attempts + 1 });
    try {
      await printer.send(Buffer.from(job.bytes, 'base64'));
    } catch (error) {
      await save(job, { state: 'held', reason: reasonOf(error) });
      return false;
    }
    await save(job, { state: 'done' });
    await prune();
    return true;
  };

  /** Runs `step` until there is nothing more to do; one run at a time, re-run if asked meanwhile. */
  const pump = (): Promise<void> => {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      await loaded;
      do {
        again = false;
        while (await step());
      } while (again && !closed);
    })()
      .catch(() => undefined) // a disk error leaves the job as it was on disk; the next poll tries again
      .finally(() => {
        pumping = null;
      });
    return pumping;
  };

  // Held jobs wait for the printer; queued ones are normally sent at once, but a disk error may have
  // stopped a run, so they are picked up here too.
  const timer = setInterval(() => {
    if ([...jobs.values()].some(retryable)) void pump();
  }, options.retryMs ?? 2000);
  timer.unref();
  void pump();

  return {
    async submit(job) {
      await loaded;
      if (closed) return refuse('closed', 'the spooler is closed');
      if (loadError) return refuse('storage_failed', loadError);
      const id = jobIdSchema.safeParse(job?.id);
      if (!id.success) return refuse('invalid_job', `job id: ${id.error.issues[0]?.message ?? 'invalid'}`);
      if (typeof job.title !== 'string' || job.title.length > 200) {
        return refuse('invalid_job', 'the title must be text of at most 200 characters');
      }
      if (!(job.bytes instanceof Uint8Array) || job.bytes.length === 0 || job.bytes.length > maxJobBytes) {
        return refuse('invalid_job', `a job must be 1 byte to ${maxJobBytes} bytes`);
      }
      const existing = jobs.get(id.data);
      if (existing) return { ok: true, value: info(existing) };
      // The same id submitted again while the first is still being written: the same answer.
      const pending = submitting.get(id.data);
      if (pending) return pending;
      const stored: StoredJob = {
        id: id.data,
        title: job.title,
        state: 'queued',
        reason: null,
        createdAt: new Date().toISOString(),
        attempts: 0,
        seq: nextSeq++,
        bytes: Buffer.from(job.bytes).toString('base64'),
      };
      const accept = (async (): Promise<Result<SpoolJobInfo, SpoolError>> => {
        try {
          await writeJob(dir, stored);
        } catch (error) {
          // Not on disk, so not accepted: the caller still has the receipt and can try again.
          return refuse('storage_failed', `cannot save the print job: ${(error as Error).message}`);
        }
        jobs.set(stored.id, stored);
        changed();
        void pump();
        return { ok: true, value: info(stored) };
      })();
      submitting.set(stored.id, accept);
      try {
        return await accept;
      } finally {
        submitting.delete(stored.id);
      }
    },

    async list() {
      await loaded;
      return ordered().map(info);
    },

    async resume() {
      await pump();
    },

    async reprint(id) {
      await loaded;
      const job = jobs.get(id);
      if (!job) return refuse('not_found', `no print job ${String(id).slice(0, 128)}`);
      if (job.state !== 'held') return refuse('not_held', `job ${id} is ${job.state}, not held`);
      await save(job, { state: 'queued', reason: null });
      void pump();
      return { ok: true, value: info(job) };
    },

    async discard(id) {
      await loaded;
      const job = jobs.get(id);
      if (!job) return refuse('not_found', `no print job ${String(id).slice(0, 128)}`);
      if (job.state === 'sending') return refuse('busy', `job ${id} is being sent`);
      jobs.delete(id);
      await removeJob(dir, id);
      changed();
      return { ok: true, value: null };
    },

    async close() {
      closed = true;
      clearInterval(timer);
      await loaded;
      await pumping;
    },
  };
}
