/**
 * What the clerk reads after a receipt went to the printer: "Receipt printed.", or why it is held and
 * what happens next, in the counter's words (the spool's own words are for the Hardware screen).
 */
import type { PrintJob } from '@till/shared/devices/records';

/** A held job's reason → what the clerk is told at the counter. */
export const heldReceiptWords: Record<NonNullable<PrintJob['reason']>, string> = {
  paper_out: 'Printer out of paper — the receipt will print when paper is loaded.',
  paper_low: 'The paper roll is nearly finished — the receipt will print shortly.',
  cover_open: 'Printer cover open — the receipt will print when the cover is closed.',
  offline: 'Printer not answering — the receipt will print when it is back.',
  printer_error: 'Printer error — the receipt will print once the printer is fixed.',
  port_busy: 'The printer’s port is busy — the receipt will print once it is free.',
  misconfigured: 'The printer is not set up right — the receipt will print once it is.',
  unknown_outcome:
    'The printer went away while printing — check the paper; reprint it from the Hardware screen if it is missing.',
};

/** The words for one print answer: printed, held (with the job's reason when known) or queued. */
export function printAnswerWords(
  answer: { printed: boolean; state: PrintJob['state']; message: string },
  reason: PrintJob['reason'] | undefined,
): string {
  if (answer.printed || answer.state === 'done') return 'Receipt printed.';
  if (answer.state === 'held' && reason) return heldReceiptWords[reason];
  if (answer.state === 'held') return answer.message;
  return 'The receipt is on its way to the printer.';
}
