/**
 * What the device service remembers for diagnostics: the last 50 errors (a device that failed to open, a
 * garbled scan, a print that failed) and the last 50 scans. In memory only: the report is taken while the
 * problem is fresh, and nothing here is a secret (scans are barcodes, not card data).
 */
import type { z } from 'zod';
import type { deviceErrorRecordSchema, recentScanSchema, ScanEvent } from '@till/shared/devices/records';

/** How many of each are kept. */
export const recordedLimit = 50;

/** An error record. */
export type ErrorRecord = z.infer<typeof deviceErrorRecordSchema>;
/** A scan record. */
export type ScanRecord = z.infer<typeof recentScanSchema>;

/** The recorder. */
export interface Recorder {
  /** Records an error (also written to the service's log). */
  error(deviceId: string | null, message: string): void;
  scan(scan: ScanEvent): void;
  errors(): ErrorRecord[];
  scans(): ScanRecord[];
}

/** A recorder that also prints each error with `log`. */
export function createRecorder(log: (line: string) => void, now: () => Date = () => new Date()): Recorder {
  const errors: ErrorRecord[] = [];
  const scans: ScanRecord[] = [];
  const push = <T>(list: T[], item: T): void => {
    list.push(item);
    if (list.length > recordedLimit) list.shift();
  };
  return {
    error(deviceId, message) {
      log(`[devices] ${deviceId ?? 'service'}: ${message}`);
      push(errors, { at: now().toISOString(), deviceId, message: message.slice(0, 500) });
    },
    scan(scan) {
      push(scans, { ...scan, at: now().toISOString() });
    },
    errors: () => [...errors],
    scans: () => [...scans],
  };
}
