import { describe, expect, it, vi } from 'vitest';
import type { ScanData } from '../core/contracts';
import { createVirtualHidScanner } from '../virtual/hid-scanner';
import { createHidScanner } from './hid-scanner';

function setup(partialTimeoutMs = 500) {
  const device = createVirtualHidScanner();
  const logged: string[] = [];
  const scans: ScanData[] = [];
  const lost: string[] = [];
  const driver = createHidScanner({
    description: 'virtual HID POS',
    openDevice: () => device,
    partialTimeoutMs,
    log: (message) => logged.push(message),
  });
  driver.onScan((scan) => scans.push(scan));
  driver.onLost((reason) => lost.push(reason));
  return { device, driver, logged, scans, lost };
}

describe('the HID POS scanner driver with the virtual HID scanner', () => {
  it('emits each scan once, with its symbology, from real HID POS report bytes', async () => {
    const { device, driver, scans } = setup();
    await driver.open();
    const reports = device.scan('4006381333931', 'ean13');
    expect(reports).toHaveLength(1);
    expect([...(reports[0] ?? Buffer.alloc(0)).subarray(0, 5)]).toEqual([0x02, 13, 0x5d, 0x45, 0x30]);
    device.scan('SKU-0042', 'code128');
    expect(scans).toEqual([
      { data: '4006381333931', symbology: 'ean13', aim: ']E0' },
      { data: 'SKU-0042', symbology: 'code128', aim: ']C0' },
    ]);
    expect(await driver.health()).toEqual([]);
  });

  it('assembles a long 2D code the virtual scanner splits over several reports', async () => {
    const { device, driver, scans } = setup();
    await driver.open();
    const url = `https://shop.example/returns/${'0123456789'.repeat(13)}`;
    const reports = device.scan(url, 'qr');
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => r[63])).toEqual([1, 1, 0]);
    expect(scans).toEqual([{ data: url, symbology: 'qr', aim: ']Q1' }]);
  });

  it('logs a malformed report and scans nothing', async () => {
    const { device, driver, scans, logged } = setup();
    await driver.open();
    const broken = new Uint8Array(64);
    broken.set([0x02, 99, 0x5d, 0x45, 0x30]);
    device.sendReport(broken);
    expect(scans).toEqual([]);
    expect(logged).toEqual([expect.stringMatching(/^virtual HID POS: .*malformed_report/)]);
  });

  it('drops a split barcode whose next report never comes', async () => {
    vi.useFakeTimers();
    try {
      const { device, driver, scans, logged } = setup(200);
      await driver.open();
      const [first] = device.scan('x'.repeat(100), 'qr').slice(0, 1);
      // Replay only the first report of a new barcode, as if the scanner stopped mid-way.
      device.sendReport(first ?? new Uint8Array());
      vi.advanceTimersByTime(250);
      expect(logged).toEqual([expect.stringMatching(/dropped .*next report did not come/)]);
      device.scan('96385074', 'ean8');
      expect(scans.map((s) => s.data)).toEqual(['x'.repeat(100), '96385074']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an unplug (node-hid error) through onLost once, and reopens on replug', async () => {
    const { device, driver, scans, lost } = setup();
    await driver.open();
    device.unplug();
    expect(lost).toEqual(['virtual HID POS: could not read from HID device']);
    expect(await driver.health()).toEqual(['offline']);
    const replugged = createVirtualHidScanner();
    const again = createHidScanner({ description: 'virtual HID POS', openDevice: () => replugged });
    again.onScan((scan) => scans.push(scan));
    await again.open();
    replugged.scan('4006381333931', 'ean13');
    expect(scans).toHaveLength(1);
    await again.close();
    expect(replugged.isOpen).toBe(false);
  });

  it('rejects open with a coded fault when the device cannot be opened', async () => {
    const driver = createHidScanner({
      description: 'hidraw9',
      openDevice: () => {
        throw new Error('cannot open device with path /dev/hidraw9');
      },
    });
    await expect(driver.open()).rejects.toMatchObject({ code: 'offline' });
    const denied = createHidScanner({
      description: 'hidraw9',
      openDevice: () => Promise.reject(new Error('Permission denied')),
    });
    await expect(denied.open()).rejects.toMatchObject({ code: 'port_busy' });
  });
});
