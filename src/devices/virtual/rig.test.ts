/**
 * The virtual rig with its real parts: the ESC/POS emulator on a TCP port, socat pty pairs, and the
 * configuration file it keeps pointing at them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import { createConfigStore } from '../manager/config-store';
import { createSerialTransport } from '../transports/serial';
import { type VirtualRig, startVirtualRig } from './rig';

let dataDir: string;
let rig: VirtualRig | null = null;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'till-rig-'));
});

afterEach(async () => {
  await rig?.close();
  rig = null;
  await rm(dataDir, { recursive: true, force: true });
});

describe('the virtual rig', () => {
  it('writes a devices.json using all four twins when there is none', async () => {
    rig = await startVirtualRig(dataDir, () => {});
    expect(rig.wroteConfig).toBe(path.join(dataDir, 'devices.json'));
    const config = JSON.parse(await readFile(rig.wroteConfig!, 'utf8'));
    expect(config.printer.connection).toEqual({ type: 'tcp', host: '127.0.0.1', port: rig.printer.port });
    expect(config.scanner.connection.path).toBe(rig.scannerPath);
    expect(config.display.connection.path).toBe(rig.displayPath);
    expect(config.drawer).toMatchObject({ virtual: true, connection: { type: 'printer', pin: 2 } });
    expect(rig.state()).toMatchObject({
      printer: { receipts: [], kicks: 0 },
      display: { lines: [' '.repeat(20), ' '.repeat(20)] },
    });
  });

  it('retargets only the virtual roles of an existing file, leaving real devices alone', async () => {
    const store = createConfigStore(dataDir, () => {});
    await store.save({
      version: 1,
      scanner: { virtual: false, connection: { type: 'hid', path: '/dev/hidraw7' } },
      printer: {
        virtual: true,
        connection: { type: 'tcp', host: '127.0.0.1', port: 1 },
        language: 'esc-pos',
        columns: 48,
        codepage: 'auto',
        logo: false,
      },
      drawer: null,
      display: null,
    });
    rig = await startVirtualRig(dataDir, () => {});
    const config = await store.load();
    expect(config.scanner).toEqual({ virtual: false, connection: { type: 'hid', path: '/dev/hidraw7' } });
    expect(config.printer).toMatchObject({ columns: 48, connection: { port: rig.printer.port } });
    expect(config.display).toBeNull();
  });

  it('types a scan that arrives, framed with CR, at the scanner device end of its pty', async () => {
    rig = await startVirtualRig(dataDir, () => {});
    const device = createSerialTransport({ path: rig.scannerPath, baudRate: 9600 });
    await device.open();
    let received = '';
    device.onData((chunk) => (received += Buffer.from(chunk).toString('latin1')));
    await rig.scan('4006381333931');
    await eventually(() => received === '4006381333931\r', 5_000, 'the framed scan');
    await device.close();
  });
});
