/** The spooler's jobs in the protocol's words (src/shared/devices/records.ts). */
import { jobHoldWords } from '@till/shared/devices/records';
import type { PrintJob } from '@till/shared/devices/records';
import type { SpoolJobInfo } from '../printer/spooler';

/** One job as the protocol carries it, with what to tell a person. */
export function toPrintJob(job: SpoolJobInfo): PrintJob {
  return {
    id: job.id,
    title: job.title.slice(0, 200),
    state: job.state,
    reason: job.state === 'held' ? job.reason : null,
    message: jobMessage(job),
    createdAt: job.createdAt,
    attempts: job.attempts,
  };
}

function jobMessage(job: SpoolJobInfo): string {
  switch (job.state) {
    case 'done':
      return 'Printed.';
    case 'sending':
      return 'Printing…';
    case 'queued':
      return 'Waiting for the printer.';
    case 'held':
      return `Not printed yet, kept to print later. ${jobHoldWords[job.reason ?? 'offline']}`;
  }
}
