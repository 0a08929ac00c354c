/**
 * Finds the devices a register could use, for the Hardware screen's pick lists: serial ports (the OS's,
 * plus the virtual pty links of a folder) and USB HID POS scanners.
 *
 * Only scanners in HID POS mode (usage page 0x8C) are listed. A scanner in keyboard-wedge mode is an
 * ordinary USB keyboard to the OS and cannot be told apart from one; it needs no driver, since the sale
 * screen reads its keystrokes, and it is not listed here.
 */
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/** One device found. */
export interface DiscoveredDevice {
  /** What to put in the configuration: `/dev/ttyUSB0`, `COM3`, a hidraw path, or a pty link. */
  path: string;
  kind: 'serial' | 'hid';
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  /** A pty link of a virtual device rather than hardware. */
  virtual: boolean;
}

/** The HID usage page of barcode scanners ("HID Point of Sale Usage Tables"). */
export const hidPosUsagePage = 0x8c;

/** Why keyboard-wedge scanners are not in `listHidScanners()`, for the Hardware screen to say. */
export const keyboardWedgeNote =
  'Scanners in keyboard (wedge) mode type like a keyboard and cannot be told apart from one, so they are ' +
  'not listed; they work without setup. Switch a scanner to USB HID POS mode to have it listed here.';

function hex4(id: number | string | undefined): string | undefined {
  if (id === undefined || id === '') return undefined;
  const value = typeof id === 'number' ? id : Number.parseInt(id, 16);
  return Number.isFinite(value) ? value.toString(16).padStart(4, '0') : undefined;
}

/** Drops keys whose value is undefined, so entries compare and serialise cleanly. */
function defined(device: DiscoveredDevice): DiscoveredDevice {
  return Object.fromEntries(Object.entries(device).filter(([, v]) => v !== undefined)) as DiscoveredDevice;
}

/** The pty links in `dir` (what `openPtyPair` makes): symbolic links to `/dev/pts/*`. */
async function ptyLinks(dir: string): Promise<DiscoveredDevice[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const found: DiscoveredDevice[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      if (!(await lstat(path)).isSymbolicLink()) continue;
      if (!(await readlink(path)).startsWith('/dev/pts/')) continue;
      found.push({ path, kind: 'serial', product: 'virtual serial port', virtual: true });
    } catch {
      // It vanished while we looked (the pair closed): not there.
    }
  }
  return found;
}

/**
 * Serial ports the OS knows (serialport's `SerialPort.list()`), then the virtual pty links in `virtualDir`
 * when given. Never rejects: a listing that fails (no udev in a container) lists nothing.
 */
export async function listSerialPorts(virtualDir?: string): Promise<DiscoveredDevice[]> {
  let ports: DiscoveredDevice[] = [];
  try {
    const { SerialPort } = await import('serialport');
    const listed = await SerialPort.list();
    ports = listed.map((port) =>
      defined({
        path: port.path,
        kind: 'serial',
        vendorId: hex4(port.vendorId),
        productId: hex4(port.productId),
        manufacturer: port.manufacturer,
        serialNumber: port.serialNumber,
        virtual: false,
      }),
    );
  } catch (error) {
    console.error(`[devices] listing serial ports failed: ${error instanceof Error ? error.message : error}`);
  }
  return virtualDir === undefined ? ports : [...ports, ...(await ptyLinks(virtualDir))];
}

/** USB HID POS scanners (usage page 0x8C) node-hid sees. Never rejects. */
export async function listHidScanners(): Promise<DiscoveredDevice[]> {
  try {
    const { devicesAsync } = await import('node-hid');
    const devices = await devicesAsync();
    return devices
      .filter((device) => device.usagePage === hidPosUsagePage && device.path)
      .map((device) =>
        defined({
          path: device.path ?? '',
          kind: 'hid',
          vendorId: hex4(device.vendorId),
          productId: hex4(device.productId),
          manufacturer: device.manufacturer,
          product: device.product,
          serialNumber: device.serialNumber,
          virtual: false,
        }),
      );
  } catch (error) {
    console.error(`[devices] listing HID devices failed: ${error instanceof Error ? error.message : error}`);
    return [];
  }
}
