/**
 * The contracts between the device service's parts: a byte transport (serial, raw TCP, a USB printer
 * file), the drivers built on transports (scanner, receipt printer, cash drawer, customer display) and the
 * device manager that runs them through the UnifiedPOS lifecycle (open → claim → enable → release → close).
 *
 * Drivers never throw at their callers for hardware trouble: they report it as a coded `DeviceFault`
 * (`offline`, `paper_out`…) in their status and in rejected promises carrying that code, so the manager can
 * tell the clerk in words and the spooler can hold a job. Types only; no runtime code lives here.
 */
import type { DeviceCategory } from '@till/shared/devices/protocol';

// ---------------------------------------------------------------------------------------------------------
// Faults

/** What can be wrong with a device, in the words the register shows (faultWords in the manager). */
export type DeviceFaultCode =
  /** The device does not answer or its port/socket is gone (unplugged, powered off, network down). */
  | 'offline'
  /** The printer's cover is open. */
  | 'cover_open'
  /** The printer has run out of paper. */
  | 'paper_out'
  /** A printer error it reports itself (cutter jam, overheating): it needs a person. */
  | 'printer_error'
  /** The port is used by another program, or permission was denied (udev rules, ModemManager). */
  | 'port_busy'
  /** The configuration does not describe a device this driver can open. */
  | 'misconfigured';

/** An error a driver rejects with; `code` says what to tell the clerk. */
export interface DeviceFault extends Error {
  code: DeviceFaultCode;
}

// ---------------------------------------------------------------------------------------------------------
// Transports

/** A bidirectional byte stream to one device: a serial port, a TCP socket (port 9100) or /dev/usb/lp*. */
export interface Transport {
  /** For people and diagnostics, e.g. `serial /dev/ttyUSB0 9600 8N1` or `tcp 192.168.1.50:9100`. */
  readonly description: string;
  /** Whether it is open now. */
  readonly isOpen: boolean;
  /** Opens it; rejects with a `DeviceFault` (`offline`, `port_busy`, `misconfigured`). */
  open(): Promise<void>;
  /** Writes bytes and resolves once they are handed to the OS (drained); rejects with `offline`. */
  write(bytes: Uint8Array): Promise<void>;
  /** Bytes as they arrive; returns an unsubscribe. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when it closes by itself (unplugged, peer closed), with why; not after `close()`. */
  onClose(listener: (reason: string) => void): () => void;
  /** Closes it; never rejects. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------
// Drivers

/** What every driver offers the manager. The manager owns the lifecycle state; drivers only act. */
export interface DeviceDriver {
  readonly category: DeviceCategory;
  /** Opens the underlying transport (UnifiedPOS `open` + `claim`: Till never shares a device). */
  open(): Promise<void>;
  /** Closes it (UnifiedPOS `release` + `close`). Never rejects. */
  close(): Promise<void>;
  /**
   * A quick health check: resolves with the faults it sees now (empty when fine). A device that cannot be
   * reached resolves with `['offline']`; never rejects.
   */
  health(): Promise<DeviceFaultCode[]>;
  /** Called once when the device goes away by itself (unplugged); the manager reconnects. */
  onLost(listener: (reason: string) => void): () => void;
}

/** AIM symbology identifiers Till names (]E0 EAN-13/UPC-A, ]C0 Code 128, ]Q1 QR…); others pass as-is. */
export type Symbology =
  'ean13' | 'upca' | 'ean8' | 'upce' | 'code128' | 'code39' | 'qr' | 'datamatrix' | 'unknown';

/** One decoded scan. */
export interface ScanData {
  /** The barcode's content, without prefix, suffix or AIM identifier. */
  data: string;
  symbology: Symbology;
  /** The raw AIM identifier when the scanner sent one, e.g. `]E0`. */
  aim?: string;
}

/** A barcode scanner (HID POS or serial). */
export interface ScannerDriver extends DeviceDriver {
  readonly category: 'scanner';
  /** Each complete scan, once. Garbage and truncated frames never reach here (they are logged). */
  onScan(listener: (scan: ScanData) => void): () => void;
}

/** What a receipt printer reports about itself (DLE EOT n=1…4, or the Star equivalent). */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  /** The drawer kick connector's pin 3 (a drawer wired to the printer), as the printer reads it. */
  drawerSignal: boolean | null;
  /** An error the printer reports itself (DLE EOT 2 bit 6: cutter jam, head too hot); absent if unknown. */
  error?: boolean;
}

/** A receipt printer. */
export interface PrinterDriver extends DeviceDriver {
  readonly category: 'printer';
  /** The paper's width in characters (32 on 58 mm; 42 or 48 on 80 mm). */
  readonly columns: 32 | 42 | 48;
  /** Asks the printer for its status; rejects with `offline` when it does not answer in time. */
  status(): Promise<PrinterStatus>;
  /** Sends an encoded job; rejects with a `DeviceFault` when the printer cannot take it. */
  send(bytes: Uint8Array): Promise<void>;
}

/** A cash drawer: kicked through the printer's connector or through a serial interface. */
export interface DrawerDriver extends DeviceDriver {
  readonly category: 'drawer';
  /** Kicks it open once. */
  kick(): Promise<void>;
  /** Whether it is open, where the hardware reports it (polarity applied); `null` where it cannot tell. */
  isOpen(): Promise<boolean | null>;
}

/** A customer pole display (two lines of 20 characters). */
export interface DisplayDriver extends DeviceDriver {
  readonly category: 'display';
  /** Shows two lines (each padded or cut to the display's width). */
  show(lines: readonly [string, string]): Promise<void>;
}
