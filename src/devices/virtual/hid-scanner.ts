/**
 * A virtual USB HID POS scanner: the node-hid device surface the HID scanner driver uses (`on('data')`,
 * `on('error')`, `close()`), emitting the same 64-byte scanned-data input reports a real scanner sends,
 * split over several reports when the barcode is longer than one report holds. `unplug()` fails it the way
 * node-hid reports a device that was pulled out: an 'error' event.
 */
import { EventEmitter } from 'node:events';
import type { Symbology } from '../core/contracts';
import { aimOfSymbology } from '../scanner/aim';
import { hidPos } from '../scanner/hid-pos';
import type { HidDeviceLike } from '../scanner/hid-scanner';

/** The HID POS input reports a scanner sends for one barcode (UTF-8 data, AIM identifier in each report). */
export function encodeHidPosReports(data: string, aim: string): Buffer[] {
  const bytes = Buffer.from(data, 'utf8');
  const reports: Buffer[] = [];
  for (let at = 0; at === 0 || at < bytes.length; at += hidPos.dataCapacity) {
    const part = bytes.subarray(at, at + hidPos.dataCapacity);
    const report = Buffer.alloc(hidPos.reportLength);
    report[0] = hidPos.reportId;
    report[1] = part.length;
    report.write(aim.slice(0, 3), 2, 'latin1');
    part.copy(report, hidPos.dataOffset);
    if (at + hidPos.dataCapacity < bytes.length) report[hidPos.flagsOffset] = hidPos.continuedBit;
    reports.push(report);
  }
  return reports;
}

/** A virtual HID POS scanner. */
export interface VirtualHidScanner extends HidDeviceLike {
  /** Whether the driver has it open (not closed, not unplugged). */
  readonly isOpen: boolean;
  /** Sends a barcode as HID POS reports; returns them (for tests that look at the bytes). */
  scan(data: string, symbology: Symbology): Buffer[];
  /** Sends raw report bytes as they are (a broken report, another report ID). */
  sendReport(report: Uint8Array): void;
  /** Pulls it out: an 'error' like node-hid's, and no more reports. */
  unplug(): void;
}

/** A virtual scanner, open (as node-hid's `new HID(path)` returns one). */
export function createVirtualHidScanner(): VirtualHidScanner {
  const emitter = new EventEmitter();
  let open = true;

  function emitReport(report: Uint8Array): void {
    if (open) emitter.emit('data', Buffer.from(report));
  }

  const scanner: VirtualHidScanner = {
    get isOpen() {
      return open;
    },
    on(event: 'data' | 'error', listener: (...args: never[]) => void) {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return scanner;
    },
    removeAllListeners(event?: string) {
      emitter.removeAllListeners(event);
      return scanner;
    },
    close() {
      open = false;
    },
    scan(data, symbology) {
      const reports = encodeHidPosReports(data, aimOfSymbology(symbology));
      for (const report of reports) emitReport(report);
      return reports;
    },
    sendReport: emitReport,
    unplug() {
      if (!open) return;
      open = false;
      emitter.emit('error', new Error('could not read from HID device'));
    },
  };
  return scanner;
}
