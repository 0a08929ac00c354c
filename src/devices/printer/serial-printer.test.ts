import { SerialPort } from 'serialport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import type { Transport } from '../core/contracts';
import { createSerialTransport } from '../transports/serial';
import { createUsbLpTransport } from '../transports/usblp';
import { openPtyPair } from '../virtual/pty-pair';
import type { PtyPair } from '../virtual/pty-pair';
import { encodeReceipt } from './encode';
import { createEscposPrinter } from './escpos-printer';
import type { PrinterBrain } from './testing-printer';
import { createPrinterBrain } from './testing-printer';

// A socat pty pair stands in for the cable: the driver opens one end, the stand-in printer the other.
let pair: PtyPair;
let peer: SerialPort;
let brain: PrinterBrain;

beforeEach(async () => {
  pair = await openPtyPair();
  peer = new SerialPort({ path: pair.peerPath, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => peer.open((error) => (error ? reject(error) : resolve())));
  brain = createPrinterBrain((bytes) => peer.write(Buffer.from(bytes)));
  peer.on('data', (chunk: Buffer) => brain.receive(new Uint8Array(chunk)));
  peer.on('error', () => undefined);
});

afterEach(async () => {
  if (peer.isOpen) await new Promise<void>((resolve) => peer.close(() => resolve()));
  await pair.close();
});

const receipt = (() => {
  const lines = [{ text: 'Serial works'.padEnd(42) }, { text: ' '.repeat(42), kind: 'cut' as const }];
  const result = encodeReceipt(lines, { language: 'esc-pos', columns: 42 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

async function printOver(transport: Transport) {
  const printer = createEscposPrinter({ transport, columns: 42, language: 'esc-pos', statusTimeoutMs: 500 });
  await printer.open();
  try {
    brain.state.paper = false;
    expect(await printer.health()).toEqual(['paper_out']);
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'paper_out' });
    brain.state.paper = true;
    await printer.send(receipt);
    await eventually(() => brain.state.receipts.length === 1, 3000, 'the receipt');
    expect(Buffer.from(brain.state.receipts[0]!).includes('Serial works')).toBe(true);
    expect(brain.state.lost).toBe(0);
  } finally {
    await printer.close();
  }
}

describe('printing over a pty pair', () => {
  it('prints through the serial transport, with status', async () => {
    await printOver(createSerialTransport({ path: pair.devicePath, baudRate: 9600 }));
  });

  it('prints through the usblp transport (a character device opened read/write)', async () => {
    await printOver(createUsbLpTransport({ path: pair.devicePath, pollMs: 5 }));
  });

  it('usblp: reports the device going away', async () => {
    const transport = createUsbLpTransport({ path: pair.devicePath, pollMs: 5 });
    const reasons: string[] = [];
    transport.onClose((reason) => reasons.push(reason));
    await transport.open();
    await new Promise<void>((resolve) => peer.close(() => resolve()));
    await pair.close();
    await eventually(() => reasons.length === 1, 3000, 'onClose');
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'offline' });
  });

  it('usblp: a missing file is offline, a relative path misconfigured', async () => {
    await expect(createUsbLpTransport({ path: '/dev/usb/lp-none' }).open()).rejects.toMatchObject({
      code: 'offline',
    });
    await expect(createUsbLpTransport({ path: 'lp0' }).open()).rejects.toMatchObject({
      code: 'misconfigured',
    });
  });
});
