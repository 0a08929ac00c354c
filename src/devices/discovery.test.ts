import { afterEach, describe, expect, it, vi } from 'vitest';
import { listHidScanners, listSerialPorts } from './discovery';
import { openPtyPair } from './virtual/pty-pair';

// No USB hardware on a test machine: node-hid's listing is replaced by what a register with a HID POS
// scanner, a keyboard and a keyboard-wedge scanner reports.
vi.mock('node-hid', () => ({
  devicesAsync: async () => [
    {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw3',
      usagePage: 0x8c,
      usage: 2,
      product: 'Voyager',
      manufacturer: 'Honeywell',
      serialNumber: 'S1',
      release: 1,
      interface: 0,
    },
    {
      vendorId: 0x046d,
      productId: 0xc31c,
      path: '/dev/hidraw0',
      usagePage: 0x01,
      usage: 6,
      product: 'USB Keyboard',
      release: 1,
      interface: 0,
    },
    {
      vendorId: 0x05e0,
      productId: 0x1200,
      path: '/dev/hidraw1',
      usagePage: 0x01,
      usage: 6,
      product: 'Symbol Bar Code Scanner',
      release: 1,
      interface: 0,
    },
  ],
}));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('discovery', () => {
  it('lists the virtual pty links of a folder as virtual serial ports, and forgets them when closed', async () => {
    const pair = await openPtyPair({ names: ['scanner', 'scanner-peer'] });
    const dir = pair.devicePath.slice(0, pair.devicePath.lastIndexOf('/'));
    cleanups.push(() => pair.close());
    const listed = await listSerialPorts(dir);
    expect(listed.filter((port) => port.virtual)).toEqual([
      { path: pair.devicePath, kind: 'serial', product: 'virtual serial port', virtual: true },
      { path: pair.peerPath, kind: 'serial', product: 'virtual serial port', virtual: true },
    ]);
    expect(listed.filter((port) => !port.virtual).every((port) => port.kind === 'serial')).toBe(true);
    await pair.close();
    expect((await listSerialPorts(dir)).filter((port) => port.virtual)).toEqual([]);
  });

  it('lists only HID POS scanners (usage page 0x8C), not keyboards or keyboard-wedge scanners', async () => {
    expect(await listHidScanners()).toEqual([
      {
        path: '/dev/hidraw3',
        kind: 'hid',
        vendorId: '0c2e',
        productId: '0b61',
        manufacturer: 'Honeywell',
        product: 'Voyager',
        serialNumber: 'S1',
        virtual: false,
      },
    ]);
  });
});
