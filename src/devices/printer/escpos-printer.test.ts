import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import { createTcpTransport } from '../transports/tcp';
import { encodeReceipt } from './encode';
import type { EscposPrinter } from './escpos-printer';
import { createEscposPrinter } from './escpos-printer';
import type { TestingPrinter } from './testing-printer';
import { startTestingPrinter } from './testing-printer';

const receipt = (() => {
  const lines = [{ text: 'Thank you'.padEnd(32) }, { text: ' '.repeat(32), kind: 'cut' as const }];
  const result = encodeReceipt(lines, { language: 'esc-pos', columns: 32 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
})();

let device: TestingPrinter;
let printer: EscposPrinter;

beforeEach(async () => {
  device = await startTestingPrinter();
  printer = createEscposPrinter({
    transport: createTcpTransport({ host: '127.0.0.1', port: device.port, connectTimeoutMs: 2000 }),
    columns: 32,
    language: 'esc-pos',
    statusTimeoutMs: 300,
  });
  await printer.open();
});

afterEach(async () => {
  await printer.close();
  await device.close();
});

describe('ESC/POS printer over raw TCP', () => {
  it('reads the status with DLE EOT 1, 2 and 4', async () => {
    expect(await printer.status()).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
      drawerSignal: false,
      error: false,
    });
    device.state.paperNearEnd = true;
    device.state.drawerPin3High = true;
    expect(await printer.status()).toMatchObject({ paperNearEnd: true, drawerSignal: true, online: true });
    expect(await printer.health()).toEqual([]);
  });

  it('refuses a job while the paper is out and prints it once paper is loaded', async () => {
    device.state.paper = false;
    expect(await printer.status()).toMatchObject({ online: false, paperOut: true });
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'paper_out' });
    expect(await printer.health()).toEqual(['paper_out']);
    expect(device.state.receipts).toHaveLength(0);
    expect(device.state.lost).toBe(0); // nothing was pushed into the printer

    device.state.paper = true;
    await printer.send(receipt);
    await eventually(() => device.state.receipts.length === 1, 2000, 'the receipt');
    expect(Buffer.from(device.state.receipts[0]!).includes('Thank you')).toBe(true);
  });

  it('notices paper running out during a job', async () => {
    device.state.paperRunsOutAfterBytes = 8;
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'paper_out' });
    await eventually(() => device.state.lost === 1, 2000, 'the spoiled receipt');
    expect(device.state.receipts).toHaveLength(0);
  });

  it('refuses a job while the cover is open', async () => {
    device.state.coverOpen = true;
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'cover_open' });
    expect(device.state.lost).toBe(0);
  });

  it('ignores bytes that are not status replies', async () => {
    device.state.noise = 0xff;
    device.state.paper = false;
    expect(await printer.status()).toMatchObject({ paperOut: true, online: false });
  });

  it('calls a printer that does not answer offline', async () => {
    device.state.mute = true;
    await expect(printer.status()).rejects.toMatchObject({ code: 'offline' });
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'offline' });
    expect(await printer.health()).toEqual(['offline']);
  });

  it('sends raw bytes (a drawer kick) even when the paper is out', async () => {
    device.state.paper = false;
    await printer.sendRaw(Uint8Array.of(0x1b, 0x70, 0x00, 50, 250));
    await eventually(() => device.state.kicks.length === 1, 2000, 'the kick');
    expect(device.state.kicks[0]).toEqual([0, 50, 250]);
  });

  it('refuses an empty job', async () => {
    await expect(printer.send(new Uint8Array())).rejects.toMatchObject({ code: 'misconfigured' });
  });

  it('reports the printer going away, then refuses writes as offline', async () => {
    const reasons: string[] = [];
    printer.onLost((reason) => reasons.push(reason));
    device.dropConnections();
    await eventually(() => reasons.length === 1, 2000, 'onLost');
    await expect(printer.send(receipt)).rejects.toMatchObject({ code: 'offline' });
    expect(await printer.health()).toEqual(['offline']);
    // Reconnecting is opening again.
    await printer.open();
    expect(await printer.health()).toEqual([]);
  });
});

describe('TCP transport', () => {
  it('is offline when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = createTcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 1000 });
    await expect(transport.open()).rejects.toMatchObject({ code: 'offline' });
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'offline' });
    expect(transport.isOpen).toBe(false);
  });

  it('is misconfigured with a bad address', async () => {
    await expect(createTcpTransport({ host: '', port: 9100 }).open()).rejects.toMatchObject({
      code: 'misconfigured',
    });
    await expect(createTcpTransport({ host: 'printer', port: 70_000 }).open()).rejects.toMatchObject({
      code: 'misconfigured',
    });
  });

  it('does not report its own close as lost', async () => {
    const transport = createTcpTransport({ host: '127.0.0.1', port: device.port });
    const reasons: string[] = [];
    transport.onClose((reason) => reasons.push(reason));
    await transport.open();
    await transport.close();
    expect(transport.isOpen).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reasons).toEqual([]);
  });
});
