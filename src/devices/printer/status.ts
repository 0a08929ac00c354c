/**
 * ESC/POS real-time status: the request `DLE EOT n` (0x10 0x04 n) and the one-byte reply the printer
 * answers at once, even in the middle of a job.
 *
 * Every reply has the same fixed bits (bit 1 and bit 4 set, bit 0 and bit 7 clear): a byte without them
 * is not a status (line noise, a late byte of something else, a printer in another command set) and is
 * rejected, never read as "paper out" or "all is well".
 *
 * | n | what                | bits used here                                                     |
 * |---|---------------------|--------------------------------------------------------------------|
 * | 1 | printer status      | 2 drawer connector pin 3 high, 3 offline                           |
 * | 2 | offline cause       | 2 cover open, 3 paper fed by the FEED button, 5 stopped: paper end, 6 error |
 * | 3 | error cause         | 3 autocutter error, 5 unrecoverable error, 6 auto-recoverable error |
 * | 4 | roll paper sensor   | 2 and 3 paper near end, 5 and 6 paper out                          |
 */
import type { PrinterStatus } from '../core/contracts';
import type { Result } from '@till/shared/result';

/** Which status a `DLE EOT` asks for. */
export type StatusKind = 1 | 2 | 3 | 4;

/** The request for status `n`: DLE EOT n. */
export function statusRequest(n: StatusKind): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** The reply to DLE EOT 1. */
export interface PrinterStatusReply {
  online: boolean;
  /** The level of pin 3 of the drawer kick connector, as the printer reads it (no polarity applied). */
  drawerPin3High: boolean;
}

/** The reply to DLE EOT 2. */
export interface OfflineCauseReply {
  coverOpen: boolean;
  feedButton: boolean;
  paperOutStop: boolean;
  error: boolean;
}

/** The reply to DLE EOT 3. */
export interface ErrorCauseReply {
  autocutterError: boolean;
  unrecoverableError: boolean;
  autoRecoverableError: boolean;
}

/** The reply to DLE EOT 4. */
export interface PaperSensorReply {
  nearEnd: boolean;
  paperOut: boolean;
}

/** The parsed reply for each kind. */
export interface StatusReplies {
  1: PrinterStatusReply;
  2: OfflineCauseReply;
  3: ErrorCauseReply;
  4: PaperSensorReply;
}

/** A byte that is not a status reply. */
export interface StatusParseError {
  code: 'invalid_status_byte';
  message: string;
}

/** Bits 0, 1, 4 and 7 are fixed in every reply: 0, 1, 1, 0. */
const fixedMask = 0b1001_0011;
const fixedValue = 0b0001_0010;

/** Whether `byte` carries the fixed bits of a DLE EOT reply. */
export function isStatusByte(byte: number): boolean {
  return Number.isInteger(byte) && byte >= 0 && byte <= 0xff && (byte & fixedMask) === fixedValue;
}

const bit = (byte: number, n: number) => (byte & (1 << n)) !== 0;

/** Parses the reply `byte` to `DLE EOT n`; a byte without the fixed bits is an error, not a status. */
export function parseStatusByte<N extends StatusKind>(
  n: N,
  byte: number,
): Result<StatusReplies[N], StatusParseError> {
  if (!isStatusByte(byte)) {
    const shown = Number.isInteger(byte) ? `0x${byte.toString(16).padStart(2, '0')}` : String(byte);
    return {
      ok: false,
      error: { code: 'invalid_status_byte', message: `${shown} is not a reply to DLE EOT ${n}` },
    };
  }
  const replies: { [K in StatusKind]: () => StatusReplies[K] } = {
    1: () => ({ online: !bit(byte, 3), drawerPin3High: bit(byte, 2) }),
    2: () => ({
      coverOpen: bit(byte, 2),
      feedButton: bit(byte, 3),
      paperOutStop: bit(byte, 5),
      error: bit(byte, 6),
    }),
    3: () => ({
      autocutterError: bit(byte, 3),
      unrecoverableError: bit(byte, 5),
      autoRecoverableError: bit(byte, 6),
    }),
    // Printers set both bits of a pair; some set only one, so either counts.
    4: () => ({ nearEnd: bit(byte, 2) || bit(byte, 3), paperOut: bit(byte, 5) || bit(byte, 6) }),
  };
  return { ok: true, value: replies[n]() as StatusReplies[N] };
}

/** Combines the replies to DLE EOT 1, 2 and 4 into the driver's `PrinterStatus`. */
export function combineStatus(
  printer: PrinterStatusReply,
  cause: OfflineCauseReply,
  paper: PaperSensorReply,
): PrinterStatus {
  return {
    online: printer.online,
    coverOpen: cause.coverOpen,
    paperNearEnd: paper.nearEnd,
    paperOut: paper.paperOut || cause.paperOutStop,
    drawerSignal: printer.drawerPin3High,
    error: cause.error,
  };
}

/**
 * What keeps the printer from printing, most specific first: a clerk can fix the cover and the paper, so
 * those are named before a generic error or `offline` (which the printer also reports for both).
 */
export function statusFaults(
  status: PrinterStatus,
): ('cover_open' | 'paper_out' | 'printer_error' | 'offline')[] {
  const faults: ('cover_open' | 'paper_out' | 'printer_error' | 'offline')[] = [];
  if (status.coverOpen) faults.push('cover_open');
  if (status.paperOut) faults.push('paper_out');
  if (status.error) faults.push('printer_error');
  if (!status.online && faults.length === 0) faults.push('offline');
  return faults;
}
