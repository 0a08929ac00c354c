/**
 * USB HID POS barcode scanners (usage page 0x8C, "HID Point of Sale Usage Tables"): the scanned-data input
 * report, and putting back together a barcode the scanner split over several reports.
 *
 * The report most HID POS scanners send (Honeywell, Zebra, Datalogic, Access-IS…), 64 bytes with its ID:
 *
 * | byte  | what                                                                  |
 * |-------|-----------------------------------------------------------------------|
 * | 0     | report ID, 0x02                                                       |
 * | 1     | how many bytes of the data field are used in this report (0–56)       |
 * | 2–4   | AIM symbology identifier, e.g. `]E0` (zeros when the scanner has none) |
 * | 5–60  | the decoded data, zero-padded                                         |
 * | 61    | the vendor's own symbology identifier                                 |
 * | 62    | reserved                                                              |
 * | 63    | bit 0: more data follows in the next report                           |
 *
 * node-hid hands over reports with their ID first on every platform, so byte 0 is the ID here too.
 */
import type { ScanData } from '../core/contracts';
import { scanWithAim } from './aim';

/** The scanned-data report's ID and sizes. */
export const hidPos = {
  reportId: 0x02,
  reportLength: 64,
  dataOffset: 5,
  dataCapacity: 56,
  vendorSymbologyOffset: 61,
  flagsOffset: 63,
  /** Bit of the last byte that says the data continues in the next report. */
  continuedBit: 0x01,
} as const;

/** The most bytes one barcode may have once assembled (a large 2D code); beyond it the scan is dropped. */
export const maxScanBytes = 4096;

/** One scanned-data report, read. */
export interface HidPosReport {
  data: Uint8Array;
  /** The AIM identifier, or undefined when the scanner left it empty. */
  aim?: string;
  /** More data follows in the next report. */
  continued: boolean;
}

/** Why a report was refused. */
export type HidPosReportError =
  { code: 'not_scan_report'; message: string } | { code: 'malformed_report'; message: string };

/** Reads one input report; other report IDs are `not_scan_report`, broken ones `malformed_report`. */
export function parseHidPosReport(
  report: Uint8Array,
): { ok: true; value: HidPosReport } | { ok: false; error: HidPosReportError } {
  if (report.length === 0 || report[0] !== hidPos.reportId) {
    const id = report.length === 0 ? 'none' : `0x${report[0]?.toString(16).padStart(2, '0')}`;
    return { ok: false, error: { code: 'not_scan_report', message: `report ID ${id} is not scanned data` } };
  }
  if (report.length < hidPos.reportLength) {
    return fail(`report of ${report.length} bytes, expected ${hidPos.reportLength}`);
  }
  const length = report[1] ?? 0;
  if (length > hidPos.dataCapacity) {
    return fail(`data length ${length} is beyond the report's ${hidPos.dataCapacity} data bytes`);
  }
  const aimBytes = report.subarray(2, hidPos.dataOffset);
  let aim: string | undefined;
  if (aimBytes.some((byte) => byte !== 0)) {
    aim = String.fromCharCode(...aimBytes);
    if (!/^\][\x21-\x7e]{2}$/.test(aim))
      return fail(`symbology identifier ${JSON.stringify(aim)} is not AIM`);
  }
  const flags = report[hidPos.flagsOffset] ?? 0;
  return {
    ok: true,
    value: {
      data: report.slice(hidPos.dataOffset, hidPos.dataOffset + length),
      ...(aim === undefined ? {} : { aim }),
      continued: (flags & hidPos.continuedBit) !== 0,
    },
  };
}

function fail(message: string): { ok: false; error: HidPosReportError } {
  return { ok: false, error: { code: 'malformed_report', message } };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Puts reports together into scans. */
export interface HidPosAssembler {
  /** Takes one input report; returns the scan it completes, or null (more to come, or refused: logged). */
  push(report: Uint8Array): ScanData | null;
  /** Whether part of a barcode is waiting for its next report. */
  readonly pending: boolean;
  /** Drops a partial barcode (its next report never came), logging why. */
  reset(reason: string): void;
}

/** An assembler that logs every refused report or dropped barcode with `log`. */
export function createHidPosAssembler(log: (message: string) => void): HidPosAssembler {
  let parts: Uint8Array[] = [];
  let size = 0;
  let aim: string | undefined;
  /** After a broken report: the rest of its barcode is still coming and must not pass for a scan. */
  let skipping = false;

  function clear(): void {
    parts = [];
    size = 0;
    aim = undefined;
  }

  /** Whether the barcode a broken report belongs to may continue (its flag is unreadable, or says so). */
  function mayContinue(report: Uint8Array, wasPending: boolean): boolean {
    if (report.length < hidPos.reportLength) return wasPending || report[0] === hidPos.reportId;
    return ((report[hidPos.flagsOffset] ?? 0) & hidPos.continuedBit) !== 0;
  }

  return {
    get pending() {
      return parts.length > 0 || skipping;
    },
    reset(reason) {
      if (parts.length > 0) log(`HID POS scan dropped (${size} bytes so far): ${reason}`);
      clear();
      skipping = false;
    },
    push(report) {
      const parsed = parseHidPosReport(report);
      if (!parsed.ok) {
        if (parsed.error.code === 'not_scan_report' && parts.length === 0 && !skipping) {
          log(`HID POS report ignored: ${parsed.error.message}`);
          return null;
        }
        // A broken report spoils the barcode it belongs to: never emit a scan with a hole in it, nor
        // its tail as a scan of its own.
        const dropped = parts.length > 0 ? `; the partial scan of ${size} bytes is dropped` : '';
        log(`HID POS report ignored (${parsed.error.code}): ${parsed.error.message}${dropped}`);
        skipping = mayContinue(report, parts.length > 0 || skipping);
        clear();
        return null;
      }
      const { value } = parsed;
      if (skipping) {
        // Still the broken barcode: drop through its last report.
        skipping = value.continued;
        if (!value.continued) log('HID POS report ignored: the end of a barcode whose report was broken');
        return null;
      }
      if (parts.length === 0) aim = value.aim;
      parts.push(value.data);
      size += value.data.length;
      if (size > maxScanBytes) {
        log(`HID POS scan dropped: longer than ${maxScanBytes} bytes`);
        clear();
        return null;
      }
      if (value.continued) return null;
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      const scanAim = aim;
      clear();
      let data: string;
      try {
        data = utf8.decode(bytes);
      } catch {
        // Not UTF-8: a legacy scanner sending Latin-1; each byte is one character.
        data = String.fromCharCode(...bytes);
      }
      if (data.length === 0) {
        log('HID POS report ignored: a scan with no data');
        return null;
      }
      return scanWithAim(data, scanAim);
    },
  };
}
