/**
 * The scanner's slot: a serial scanner (suffix framing over a serial transport) or a HID POS scanner
 * (node-hid), whose scans become `scanner:scan` events. Frames the driver refuses (garbage, truncated) never
 * become scans; they are recorded as errors for diagnostics.
 */
import type { ScannerConfig } from '@till/shared/devices/config';
import type { ScanEvent } from '@till/shared/devices/records';
import type { ScannerDriver } from '../core/contracts';
import { createHidScanner, openNodeHidDevice } from '../scanner/hid-scanner';
import { createSerialScanner } from '../scanner/serial-scanner';
import { createSerialTransport } from '../transports/serial';
import { type DeviceSlot, type SlotOptions, createDeviceSlot } from './device-slot';

/** The scanner's device id. */
export const scannerId = (config: ScannerConfig): string =>
  config.virtual ? 'scanner:virtual' : `scanner:${config.connection.type}`;

/** Builds the scanner's slot. */
export function createScannerSlot(
  config: ScannerConfig,
  common: Pick<SlotOptions<ScannerDriver>, 'onStatus' | 'recorder' | 'reconnectDelaysMs'>,
  onScan: (scan: ScanEvent) => void,
): DeviceSlot<ScannerDriver> {
  const id = scannerId(config);
  const { connection } = config;
  const log = (message: string): void => common.recorder.error(id, message);
  const description =
    connection.type === 'hid'
      ? `hid ${connection.path}`
      : `serial ${connection.path} ${connection.baudRate} 8N1`;
  return createDeviceSlot<ScannerDriver>({
    ...common,
    id,
    role: 'scanner',
    name: config.virtual ? 'Virtual serial scanner' : 'Barcode scanner',
    virtual: config.virtual,
    connection: description,
    create: () =>
      connection.type === 'hid'
        ? createHidScanner({ description, openDevice: () => openNodeHidDevice(connection.path), log })
        : createSerialScanner({
            transport: createSerialTransport({ path: connection.path, baudRate: connection.baudRate }),
            framing: { suffix: connection.suffix, aimPrefix: connection.aimPrefix },
            log,
          }),
    attach: (driver) =>
      driver.onScan((scan) => {
        const event: ScanEvent = { deviceId: id, ...scan };
        common.recorder.scan(event);
        onScan(event);
      }),
  });
}
