/**
 * Printing a receipt at the counter: laid out at the PRINTER's width (`printer:status` columns, the screen's
 * 42 when none is set up), spooled under a job id (a sale's id, so asking twice never prints twice), and
 * answered in the clerk's words; and watching a held receipt until it prints. Failures come back as words,
 * never as throws: the sale is recorded whatever the printer says.
 */
import type { ReceiptColumns, ReceiptLine } from '@till/shared/domain/receipt-layout';
import { printAnswerWords } from './print-words';

/** The screen's width, used when no printer is set up (its answer then says so). */
const fallbackColumns: ReceiptColumns = 42;

/** The printer's paper width, or the screen's when none is set up or the process does not answer. */
export async function printerColumns(): Promise<ReceiptColumns> {
  const status = await window.till.invoke('printer:status');
  return status.ok && status.value.columns !== null ? status.value.columns : fallbackColumns;
}

/** How one print went. */
export interface PrintOutcome {
  printed: boolean;
  /** Held (out of paper, cover open…): it prints by itself once the printer can. */
  held: boolean;
  jobId: string | null;
  /** For the clerk. */
  message: string;
}

/**
 * Lays the receipt out for the printer's width and prints it; `jobId` makes a retry print once; `columns`
 * fixes the width (paper that cannot be laid out again, such as a report).
 */
export async function printAtPrinterWidth(
  layout: (columns: ReceiptColumns) => ReceiptLine[],
  options: { jobId?: string; title?: string; columns?: ReceiptColumns } = {},
): Promise<PrintOutcome> {
  const columns = options.columns ?? (await printerColumns());
  const answer = await window.till.invoke('printer:print', {
    lines: layout(columns),
    columns,
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.title ? { title: options.title } : {}),
  });
  if (!answer.ok) return { printed: false, held: false, jobId: null, message: answer.error.message };
  const { value } = answer;
  const reason = value.state === 'held' ? await heldReason(value.jobId) : undefined;
  return {
    printed: value.printed,
    held: value.state === 'held',
    jobId: value.jobId,
    message: printAnswerWords(value, reason),
  };
}

/** Why the spool holds a job, from the overview (undefined when it cannot tell). */
async function heldReason(jobId: string) {
  const overview = await window.till.invoke('hardware:overview');
  if (!overview.ok) return undefined;
  return overview.value.jobs.find((job) => job.id === jobId)?.reason ?? undefined;
}

/**
 * Calls `onSettled(true)` once the job `jobId` is printed, or `onSettled(false)` once it left the spool
 * otherwise (discarded, or pruned before this page saw it done); asked again on every spool change.
 * Returns what stops watching. For the after-sale words: "held" becomes "Receipt printed." when paper is
 * loaded.
 */
export function watchHeldJob(jobId: string, onSettled: (printed: boolean) => void): () => void {
  let stopped = false;
  const check = async () => {
    const overview = await window.till.invoke('hardware:overview');
    if (stopped || !overview.ok) return;
    const job = overview.value.jobs.find((j) => j.id === jobId);
    if (job && job.state !== 'done') return;
    stop();
    onSettled(job?.state === 'done');
  };
  const off = window.till.on('hardware:changed', (change) => {
    if (change.what === 'jobs') void check();
  });
  const stop = () => {
    stopped = true;
    off();
  };
  return stop;
}
