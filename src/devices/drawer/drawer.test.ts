import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import { createEscposPrinter } from '../printer/escpos-printer';
import type { EscposPrinter } from '../printer/escpos-printer';
import type { TestingPrinter } from '../printer/testing-printer';
import { startTestingPrinter } from '../printer/testing-printer';
import { createSerialTransport } from '../transports/serial';
import { createTcpTransport } from '../transports/tcp';
import { openPtyPair } from '../virtual/pty-pair';
import { createPrinterDrawer } from './printer-drawer';
import { createSerialDrawer } from './serial-drawer';
import { watchDrawer } from './watch';

describe('drawer on the printer', () => {
  let device: TestingPrinter;
  let printer: EscposPrinter;

  beforeEach(async () => {
    device = await startTestingPrinter();
    printer = createEscposPrinter({
      transport: createTcpTransport({ host: '127.0.0.1', port: device.port }),
      columns: 42,
      language: 'esc-pos',
      statusTimeoutMs: 300,
    });
    await printer.open();
  });

  afterEach(async () => {
    await printer.close();
    await device.close();
  });

  it('kicks pin 2 with ESC p and both timing bytes, even with the paper out', async () => {
    device.state.paper = false;
    const drawer = createPrinterDrawer(printer, { pin: 2, onMs: 120, offMs: 240, openWhenSignalHigh: true });
    await drawer.kick();
    await eventually(() => device.state.kicks.length === 1, 2000, 'the kick');
    expect(device.state.kicks).toEqual([[0, 60, 120]]);
    expect(await drawer.health()).toEqual([]); // the paper does not matter to the drawer
  });

  it('kicks pin 5 with m = 1', async () => {
    const drawer = createPrinterDrawer(printer, { pin: 5, onMs: 100, offMs: 100, openWhenSignalHigh: true });
    await drawer.kick();
    await eventually(() => device.state.kicks.length === 1, 2000, 'the kick');
    expect(device.state.kicks[0]?.[0]).toBe(1);
  });

  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, true],
  ])('pin 3 high %s with openWhenSignalHigh %s reads open %s', async (high, openWhenSignalHigh, open) => {
    device.state.drawerPin3High = high;
    const drawer = createPrinterDrawer(printer, { pin: 2, onMs: 100, offMs: 100, openWhenSignalHigh });
    expect(await drawer.isOpen()).toBe(open);
  });

  it('is misconfigured with bad timing, and kicks nothing', async () => {
    const drawer = createPrinterDrawer(printer, { pin: 2, onMs: 0, offMs: 100, openWhenSignalHigh: true });
    await expect(drawer.kick()).rejects.toMatchObject({ code: 'misconfigured' });
    expect(await drawer.health()).toEqual(['misconfigured']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(device.state.kicks).toEqual([]);
  });

  it('is offline when the printer does not answer', async () => {
    device.state.mute = true;
    const drawer = createPrinterDrawer(printer, { pin: 2, onMs: 100, offMs: 100, openWhenSignalHigh: true });
    expect(await drawer.health()).toEqual(['offline']);
    await expect(drawer.isOpen()).rejects.toMatchObject({ code: 'offline' });
  });

  it('warns once when the drawer is left open, and says when it closes', async () => {
    device.state.drawerPin3High = true;
    const drawer = createPrinterDrawer(printer, { pin: 2, onMs: 100, offMs: 100, openWhenSignalHigh: true });
    let clock = 1_000;
    const warnings: number[] = [];
    let closed = 0;
    const watch = watchDrawer(drawer, {
      warnAfterMs: 30_000,
      pollMs: 60_000, // the test drives check() itself
      now: () => clock,
      onOpenTooLong: (ms) => warnings.push(ms),
      onClosed: () => (closed += 1),
    });
    try {
      await watch.check(); // seen open at 1 000
      clock += 29_999;
      await watch.check();
      expect(warnings).toEqual([]);
      clock += 1;
      await watch.check();
      clock += 5_000;
      await watch.check();
      expect(warnings).toEqual([30_000]);
      device.state.drawerPin3High = false;
      await watch.check();
      expect(closed).toBe(1);
      // A new opening starts a new count.
      device.state.drawerPin3High = true;
      await watch.check();
      clock += 30_000;
      await watch.check();
      expect(warnings).toEqual([30_000, 30_000]);
    } finally {
      watch.stop();
    }
  });
});

describe('serial drawer over a pty pair', () => {
  it('sends its kick bytes and cannot tell its state on a pty', async () => {
    const pair = await openPtyPair();
    const peer = new SerialPort({ path: pair.peerPath, baudRate: 9600 });
    const received: number[] = [];
    peer.on('data', (chunk: Buffer) => received.push(...chunk));
    const drawer = createSerialDrawer(createSerialTransport({ path: pair.devicePath, baudRate: 9600 }), {
      kickBytes: Uint8Array.of(0x07),
      openWhenSignalHigh: true,
    });
    try {
      await drawer.open();
      expect(await drawer.health()).toEqual([]);
      await drawer.kick();
      await eventually(() => received.length === 1, 3000, 'the kick byte');
      expect(received).toEqual([0x07]);
      expect(await drawer.isOpen()).toBeNull();
    } finally {
      await drawer.close();
      await new Promise<void>((resolve) => peer.close(() => resolve()));
      await pair.close();
    }
    expect(await drawer.health()).toEqual(['offline']);
  });

  it('is misconfigured without kick bytes', async () => {
    const drawer = createSerialDrawer(createSerialTransport({ path: '/dev/null', baudRate: 9600 }), {
      kickBytes: new Uint8Array(),
      openWhenSignalHigh: true,
    });
    await expect(drawer.open()).rejects.toMatchObject({ code: 'misconfigured' });
    expect(await drawer.health()).toEqual(['misconfigured']);
  });
});
