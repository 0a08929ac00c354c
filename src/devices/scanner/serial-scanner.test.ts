import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanData, ScannerDriver } from '../core/contracts';
import { createSerialTransport } from '../transports/serial';
import { openPtyPair, type PtyPair } from '../virtual/pty-pair';
import { openVirtualSerialScanner, type VirtualSerialScanner } from '../virtual/serial-scanner';
import type { ScanFraming } from './framing';
import { createSerialScanner } from './serial-scanner';

let dir: string;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'till-serial-scanner-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Waits until `condition` holds, polling; fails the test after `ms`. */
async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Rig {
  pair: PtyPair;
  driver: ScannerDriver;
  peer: VirtualSerialScanner;
  scans: ScanData[];
  logged: string[];
  lost: string[];
}

async function rig(framing: ScanFraming, baudRate?: number): Promise<Rig> {
  const pair = await openPtyPair({ dir });
  cleanups.push(() => pair.close());
  const logged: string[] = [];
  const scans: ScanData[] = [];
  const lost: string[] = [];
  const transport = createSerialTransport({ path: pair.devicePath, baudRate: baudRate ?? 9600 });
  const driver = createSerialScanner({ transport, framing, log: (m) => logged.push(m) });
  driver.onScan((scan) => scans.push(scan));
  driver.onLost((reason) => lost.push(reason));
  await driver.open();
  cleanups.push(() => driver.close());
  const peer = await openVirtualSerialScanner({ peerPath: pair.peerPath, framing, baudRate });
  cleanups.push(() => peer.close());
  return { pair, driver, peer, scans, logged, lost };
}

describe('the serial scanner over a real pty pair', () => {
  it('reads CR-terminated scans at 9600 baud, paced like the line', async () => {
    const { peer, scans, logged } = await rig({ suffix: 'cr' }, 9600);
    await peer.scan('4006381333931');
    await peer.scan('SKU-0042');
    await until(() => scans.length === 2);
    expect(scans).toEqual([
      { data: '4006381333931', symbology: 'unknown' },
      { data: 'SKU-0042', symbology: 'unknown' },
    ]);
    expect(logged).toEqual([]);
  });

  it('reads CR LF frames, and an STX prefix when configured', async () => {
    const { peer, scans } = await rig({ suffix: 'crlf', prefix: '\u0002' });
    await peer.scan('96385074');
    await peer.writeRaw('\u0002123\r\n\u00024006381333931\r\n');
    await until(() => scans.length === 3);
    expect(scans.map((s) => s.data)).toEqual(['96385074', '123', '4006381333931']);
  });

  it('reads the AIM identifier and maps it to the symbology', async () => {
    const { peer, scans } = await rig({ suffix: 'cr', aimPrefix: true });
    await peer.scan('4006381333931', 'ean13');
    await peer.scan('https://shop.example/p/1', 'qr');
    await until(() => scans.length === 2);
    expect(scans).toEqual([
      { data: '4006381333931', symbology: 'ean13', aim: ']E0' },
      { data: 'https://shop.example/p/1', symbology: 'qr', aim: ']Q1' },
    ]);
  });

  it('drops garbage and truncated frames with a log line and no scan', async () => {
    const { peer, scans, logged } = await rig({ suffix: 'cr', gapMs: 80 });
    // Line noise (a wrong baud rate looks like this), and a frame longer than any barcode.
    await peer.writeRaw(Uint8Array.of(0x34, 0x30, 0x00, 0x81, 0xfe, 0x07, 0x0d));
    await peer.writeRaw(`${'9'.repeat(600)}\r`);
    await peer.scan('4006381333931');
    await until(() => scans.length === 1);
    // A frame cut off before its CR.
    await peer.writeRaw('40063813');
    await until(() => logged.length === 3);
    expect(logged[0]).toMatch(/not printable/);
    expect(logged[1]).toMatch(/over 512/);
    expect(logged[2]).toMatch(/truncated/);
    expect(scans).toEqual([{ data: '4006381333931', symbology: 'unknown' }]);
  });

  it('ends frames on a pause when the scanner sends no suffix', async () => {
    const { peer, scans } = await rig({ suffix: 'none', gapMs: 60 });
    await peer.scan('4006381333931');
    await until(() => scans.length === 1);
    await peer.scan('96385074');
    await until(() => scans.length === 2);
    expect(scans.map((s) => s.data)).toEqual(['4006381333931', '96385074']);
  });

  it('reports an unplug through onLost, and scans again after a replug on the same path', async () => {
    const { pair, driver, peer, scans, lost } = await rig({ suffix: 'cr' });
    await peer.scan('111');
    await until(() => scans.length === 1);
    await pair.close();
    await until(() => lost.length === 1);
    expect(await driver.health()).toEqual(['offline']);
    await expect(driver.open()).rejects.toMatchObject({ code: 'offline' });

    const replugged = await openPtyPair({ dir });
    cleanups.push(() => replugged.close());
    expect(replugged.devicePath).toBe(pair.devicePath);
    await driver.open();
    const peerAgain = await openVirtualSerialScanner({
      peerPath: replugged.peerPath,
      framing: { suffix: 'cr' },
    });
    cleanups.push(() => peerAgain.close());
    await peerAgain.scan('222');
    await until(() => scans.length === 2);
    expect(scans.map((s) => s.data)).toEqual(['111', '222']);
    expect(lost).toHaveLength(1);
  });
});
