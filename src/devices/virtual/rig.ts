/**
 * The virtual hardware rig: the twins a demo or test register drives instead of hardware — an ESC/POS
 * network printer (with a drawer on its kick connector) on a free loopback port, a serial scanner and a
 * pole display on socat pseudo-terminal pairs. It runs in the process host's care (its own child process,
 * ./rig-process.ts), not in the device service, so a crash of the service leaves the twins running.
 *
 * It keeps `devices.json` pointing at them: with no file it writes one using all four twins; in an existing
 * file, it updates the connection of each role marked `virtual: true` (the printer's port changes with each
 * start) and leaves the real devices alone.
 */
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { DevicesConfig } from '@till/shared/devices/config';
import type { z } from 'zod';
import type {
  hardwareVirtualSchema,
  virtualPrinterConditionSchema,
} from '@till/shared/ipc/channels/hardware';
import { createConfigStore } from '../manager/config-store';
import { virtualPortsFolder } from '../manager/manager';
import { type EscposEmulator, renderPreview, renderPreviewHtml, startEscposEmulator } from './escpos';
import { type VirtualPoleDisplay, openVirtualPoleDisplay } from './pole-display';
import { type PtyPair, openPtyPair } from './pty-pair';
import { type VirtualSerialScanner, openVirtualSerialScanner } from './serial-scanner';

/** How many receipts the state carries, newest last. */
const shownReceipts = 20;

/** The running rig. */
export interface VirtualRig {
  readonly printer: { host: string; port: number };
  readonly scannerPath: string;
  readonly displayPath: string;
  /** The configuration file it wrote or updated, or null when it left it as it was. */
  readonly wroteConfig: string | null;
  readonly emulator: EscposEmulator;
  state(): z.infer<typeof hardwareVirtualSchema>;
  /** Types one barcode into the scanner (framed with CR, as the default configuration expects). */
  scan(data: string): Promise<void>;
  setPrinter(condition: z.infer<typeof virtualPrinterConditionSchema>): void;
  close(): Promise<void>;
}

/** The configuration using the twins (the defaults of every other setting). */
export function virtualDevicesConfig(
  printerPort: number,
  scannerPath: string,
  displayPath: string,
): DevicesConfig {
  return {
    version: 1,
    scanner: {
      virtual: true,
      connection: { type: 'serial', path: scannerPath, baudRate: 9600, suffix: 'cr', aimPrefix: false },
    },
    printer: {
      virtual: true,
      connection: { type: 'tcp', host: '127.0.0.1', port: printerPort },
      language: 'esc-pos',
      columns: 42,
      codepage: 'auto',
      logo: false,
    },
    drawer: {
      virtual: true,
      connection: { type: 'printer', pin: 2, onMs: 100, offMs: 100 },
      openWhenSignalHigh: true,
      openTooLongSeconds: 60,
    },
    display: {
      virtual: true,
      connection: { type: 'serial', path: displayPath, baudRate: 9600 },
      commandSet: 'epson',
      columns: 20,
    },
  };
}

/** Points the virtual roles of `config` at the twins; real devices stay as they are. */
function retarget(config: DevicesConfig, twins: DevicesConfig): DevicesConfig {
  return {
    ...config,
    scanner: config.scanner?.virtual ? twins.scanner : config.scanner,
    printer:
      config.printer?.virtual && twins.printer
        ? { ...config.printer, connection: twins.printer.connection }
        : config.printer,
    drawer: config.drawer,
    display: config.display?.virtual ? twins.display : config.display,
  };
}

/** Starts the twins for the device data folder `dataDir`; rejects when socat or a port is missing. */
export async function startVirtualRig(
  dataDir: string,
  log: (line: string) => void = console.warn,
): Promise<VirtualRig> {
  const portsDir = path.join(dataDir, virtualPortsFolder);
  await mkdir(portsDir, { recursive: true });
  const opened: { close(): Promise<void> }[] = [];
  try {
    const emulator = await startEscposEmulator({ host: '127.0.0.1', port: 0 });
    opened.push(emulator);
    const scannerPair: PtyPair = await openPtyPair({ dir: portsDir, names: ['scanner', 'scanner-peer'] });
    opened.push(scannerPair);
    const displayPair: PtyPair = await openPtyPair({ dir: portsDir, names: ['display', 'display-peer'] });
    opened.push(displayPair);
    const scanner: VirtualSerialScanner = await openVirtualSerialScanner({
      peerPath: scannerPair.peerPath,
      framing: { suffix: 'cr' },
    });
    opened.unshift(scanner);
    const display: VirtualPoleDisplay = await openVirtualPoleDisplay({
      peerPath: displayPair.peerPath,
      commandSet: 'epson',
      columns: 20,
    });
    opened.unshift(display);

    const twins = virtualDevicesConfig(emulator.port, scannerPair.devicePath, displayPair.devicePath);
    const store = createConfigStore(dataDir, log);
    const exists = await access(store.path).then(
      () => true,
      () => false,
    );
    const current = exists ? await store.load() : null;
    const next = current ? retarget(current, twins) : twins;
    const changed = JSON.stringify(next) !== JSON.stringify(current);
    if (changed) await store.save(next);
    const columns = next.printer?.columns ?? 42;

    return {
      printer: { host: '127.0.0.1', port: emulator.port },
      scannerPath: scannerPair.devicePath,
      displayPath: displayPair.devicePath,
      wroteConfig: changed ? store.path : null,
      emulator,
      state() {
        const { paperOut, paperNearEnd, coverOpen, offline, drawerOpen } = emulator.condition();
        return {
          printer: {
            receipts: emulator
              .receipts()
              .slice(-shownReceipts)
              .map((elements) => ({
                text: renderPreview(elements, { columns }),
                html: renderPreviewHtml(elements, { columns }),
              })),
            kicks: emulator.kicks().length,
            condition: { paperOut, paperNearEnd, coverOpen, offline, drawerOpen },
          },
          display: { lines: display.decoder.lines() },
        };
      },
      scan: (data) => scanner.scan(data),
      setPrinter: (condition) => emulator.setCondition(condition),
      async close() {
        for (const part of opened) await part.close();
      },
    };
  } catch (error) {
    for (const part of opened) await part.close().catch(() => undefined);
    throw error;
  }
}
