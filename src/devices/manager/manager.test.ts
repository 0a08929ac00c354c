/**
 * The device manager against the real virtual twins: the ESC/POS emulator on a real TCP socket, and a
 * serial scanner on a socat pty pair read by the real serialport driver. Nothing is mocked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceEvent, DeviceEventPayload } from '@till/shared/devices/protocol';
import { eventually } from '../../../test/support/eventually';
import { type EscposEmulator, renderPreview, startEscposEmulator } from '../virtual/escpos';
import { type PtyPair, openPtyPair } from '../virtual/pty-pair';
import { virtualDevicesConfig } from '../virtual/rig';
import { type VirtualSerialScanner, openVirtualSerialScanner } from '../virtual/serial-scanner';
import { createConfigStore } from './config-store';
import { type DeviceManager, createDeviceManager } from './manager';

type Event = { [E in DeviceEvent]: { event: E; payload: DeviceEventPayload<E> } }[DeviceEvent];

let dataDir: string;
let emulator: EscposEmulator;
let pair: PtyPair;
let scanner: VirtualSerialScanner;
let manager: DeviceManager | null;
let events: Event[];

const lines = (text: string) => [
  { text: text.padEnd(42) },
  { text: 'Total'.padEnd(36) + '12.50'.padStart(6), style: 'bold' as const },
  { text: ' '.repeat(42), kind: 'cut' as const },
];

function startManager(): DeviceManager {
  events = [];
  const started = createDeviceManager({
    dataDir,
    emit: (event, payload) => events.push({ event, payload } as Event),
    log: () => {},
    reconnectDelaysMs: [50, 100],
    statusPollMs: 100,
    retryMs: 100,
    printWaitMs: 4_000,
    drawerPollMs: 100,
  });
  manager = started;
  return started;
}

const scans = () => events.filter((e) => e.event === 'scanner:scan').map((e) => e.payload);
const scannerState = () => manager?.devices().find((d) => d.role === 'scanner');

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'till-manager-'));
  emulator = await startEscposEmulator({ port: 0 });
  pair = await openPtyPair({ dir: dataDir, names: ['scanner', 'scanner-peer'] });
  scanner = await openVirtualSerialScanner({ peerPath: pair.peerPath, framing: { suffix: 'cr' } });
  const config = virtualDevicesConfig(emulator.port, pair.devicePath, path.join(dataDir, 'no-display'));
  await createConfigStore(dataDir, () => {}).save({ ...config, display: null });
  await startManager().start();
  await eventually(() => manager!.devices().every((d) => d.state === 'enabled'), 10_000, 'devices enabled');
});

afterEach(async () => {
  await manager?.stop();
  manager = null;
  await scanner.close();
  await pair.close();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the device manager with the virtual twins', () => {
  it('prints a receipt that the emulator decodes, and answers printed', async () => {
    const result = await manager!.print({
      jobId: 'sale-1',
      title: 'Receipt 1',
      lines: lines('Till Downtown'),
      columns: 42,
    });
    expect(result).toMatchObject({ ok: true, value: { id: 'sale-1', state: 'done', message: 'Printed.' } });
    expect(emulator.receipts()).toHaveLength(1);
    expect(renderPreview(emulator.receipts()[0]!, { columns: 42 })).toContain('Till Downtown');
  });

  it('holds a job while the paper is out and prints it once when paper is loaded', async () => {
    emulator.setCondition({ paperOut: true });
    await eventually(
      () => manager!.devices().some((d) => d.role === 'printer' && d.faults.includes('paper_out')),
      5_000,
      'paper_out fault',
    );
    const held = await manager!.print({
      jobId: 'sale-2',
      title: 'Receipt 2',
      lines: lines('Held one'),
      columns: 42,
    });
    expect(held).toMatchObject({ ok: true, value: { state: 'held', reason: 'paper_out' } });
    expect(held.ok && held.value.message).toMatch(/out of paper/);
    expect(emulator.receipts()).toHaveLength(0);

    emulator.setCondition({ paperOut: false });
    await eventually(
      async () => (await manager!.jobs()).some((j) => j.id === 'sale-2' && j.state === 'done'),
      5_000,
      'done',
    );
    // Sent again with the same id (a retried request): still one receipt.
    const again = await manager!.print({
      jobId: 'sale-2',
      title: 'Receipt 2',
      lines: lines('Held one'),
      columns: 42,
    });
    expect(again).toMatchObject({ ok: true, value: { state: 'done' } });
    expect(emulator.receipts()).toHaveLength(1);
    expect(renderPreview(emulator.receipts()[0]!, { columns: 42 })).toContain('Held one');
  });

  it('kicks the drawer once per key, even asked twice at once and after a restart', async () => {
    const [first, second] = await Promise.all([manager!.kick('sale-9'), manager!.kick('sale-9')]);
    expect([first, second]).toEqual([
      { ok: true, value: { kicked: true } },
      { ok: true, value: { kicked: false } },
    ]);
    expect(emulator.kicks()).toHaveLength(1);

    await manager!.stop();
    await startManager().start();
    await eventually(() => manager!.devices().every((d) => d.state === 'enabled'), 10_000, 'devices enabled');
    expect(await manager!.kick('sale-9')).toEqual({ ok: true, value: { kicked: false } });
    expect(await manager!.kick('sale-10')).toEqual({ ok: true, value: { kicked: true } });
    expect(emulator.kicks()).toHaveLength(2);
  });

  it('turns a scan written to the pty into a scanner:scan event', async () => {
    await scanner.scan('4006381333931');
    await eventually(() => scans().length === 1, 5_000, 'scan event');
    expect(scans()[0]).toEqual({ deviceId: 'scanner:virtual', data: '4006381333931', symbology: 'unknown' });
  });

  it('reconnects the scanner when its pty is closed and opened again', async () => {
    await scanner.close();
    await pair.close();
    await eventually(() => scannerState()?.state === 'closed', 5_000, 'scanner lost');
    expect(scannerState()?.faults).toContain('offline');

    pair = await openPtyPair({ dir: dataDir, names: ['scanner', 'scanner-peer'] });
    scanner = await openVirtualSerialScanner({ peerPath: pair.peerPath, framing: { suffix: 'cr' } });
    await eventually(() => scannerState()?.state === 'enabled', 10_000, 'scanner back');
    await scanner.scan('96385074');
    await eventually(() => scans().some((s) => s.data === '96385074'), 5_000, 'scan after replug');
  });

  it('drops garbage on the scanner port without an event, and records it for diagnostics', async () => {
    await scanner.writeRaw('\u0001\u0002\u0000\u00ff\u0007\r');
    await scanner.scan('12345670');
    await eventually(() => scans().length === 1, 5_000, 'the good scan');
    expect(scans().map((s) => s.data)).toEqual(['12345670']);
    expect(manager!.recorder.errors().some((e) => e.deviceId === 'scanner:virtual')).toBe(true);
  });
});
