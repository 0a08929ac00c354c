import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEscposEmulator, type EscposEmulator, type EscposEmulatorEvent } from './emulator';

const DLE_EOT = (n: number): number[] => [0x10, 0x04, n];

/** A real TCP client of the emulator that collects every byte it answers. */
class Client {
  readonly received: number[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received.push(...chunk);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(port: number): Promise<Client> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Client(socket);
  }

  send(bytes: Uint8Array | number[]): void {
    this.socket.write(Uint8Array.from(bytes));
  }

  /** Resolves once `count` bytes have arrived in all. */
  async bytes(count: number): Promise<number[]> {
    while (this.received.length < count) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.received.slice(0, count);
  }

  /** Sends status requests and resolves with their replies (they come back after everything sent before). */
  async status(...ns: number[]): Promise<number[]> {
    const before = this.received.length;
    this.send(ns.flatMap(DLE_EOT));
    return (await this.bytes(before + ns.length)).slice(before);
  }

  close(): void {
    this.socket.destroy();
  }
}

function receipt(title: string, options: { kick?: boolean } = {}): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ columns: 42 }).initialize().bold(true).line(title).bold(false);
  encoder.line('1 x Coffee        2.50').barcode('123456', 'code128', 60).cut('partial');
  if (options.kick) encoder.pulse();
  return encoder.encode();
}

function titles(emulator: EscposEmulator): string[][] {
  return emulator
    .receipts()
    .map((r) => r.flatMap((e) => (e.kind === 'text' && e.bold ? [e.text.trim()] : [])));
}

let emulator: EscposEmulator;
const clients: Client[] = [];

async function client(): Promise<Client> {
  const c = await Client.open(emulator.port);
  clients.push(c);
  return c;
}

beforeEach(async () => {
  emulator = await startEscposEmulator();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emulator.close();
});

describe('startEscposEmulator over TCP', () => {
  it('answers DLE EOT 1–4 with the fixed bits and the bits of each condition', async () => {
    const c = await client();
    expect(await c.status(1, 2, 3, 4)).toEqual([0x12, 0x12, 0x12, 0x12]);
    emulator.setCondition({ paperNearEnd: true });
    expect(await c.status(1, 2, 3, 4)).toEqual([0x12, 0x12, 0x12, 0x1e]);
    emulator.setCondition({ paperNearEnd: false, paperOut: true });
    expect(await c.status(1, 2, 3, 4)).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    emulator.setCondition({ paperOut: false, coverOpen: true });
    expect(await c.status(1, 2, 3, 4)).toEqual([0x1a, 0x16, 0x12, 0x12]);
    emulator.setCondition({ coverOpen: false, drawerOpen: true });
    expect(await c.status(1)).toEqual([0x16]);
    c.send([0x1d, 0x72, 1, 0x1d, 0x72, 2]);
    expect((await c.bytes(c.received.length + 2)).slice(-2)).toEqual([0x00, 0x01]);
  });

  it('answers nothing while offline, and prints nothing', async () => {
    const c = await client();
    const dropped: EscposEmulatorEvent[] = [];
    const seen = new Promise<void>((resolve) =>
      emulator.onEvent((event) => {
        if (event.type !== 'discarded') return;
        dropped.push(event);
        if (event.element.kind === 'status-request') resolve();
      }),
    );
    emulator.setCondition({ offline: true, coverOpen: true });
    c.send([...receipt('LOST'), ...DLE_EOT(1)]);
    await seen;
    emulator.setCondition({ offline: false, coverOpen: false, paperNearEnd: true });
    // Were the first request answered, its reply (cover open: 0x1a) would come first.
    expect(await c.status(2, 4)).toEqual([0x12, 0x1e]);
    expect(dropped.every((e) => e.type === 'discarded' && e.reason === 'offline')).toBe(true);
    expect(emulator.receipts()).toEqual([]);
    expect(emulator.unfinished()).toEqual([]);
  });

  it('splits receipts at cuts, whatever the connection, and previews them', async () => {
    const first = await client();
    const bytes = [...receipt('FIRST'), ...receipt('SECOND')];
    first.send(bytes.slice(0, 37));
    first.send(bytes.slice(37));
    await first.status(1);
    const second = await client();
    second.send(receipt('THIRD'));
    await second.status(1);
    expect(titles(emulator)).toEqual([['FIRST'], ['SECOND'], ['THIRD']]);
    expect(emulator.receipts()[1]).toContainEqual({ kind: 'barcode', symbology: 'code128', data: '123456' });
    expect(emulator.preview(0)).toContain('**FIRST**');
    expect(emulator.preview()).toContain('**THIRD**');
    expect(emulator.preview()).toContain('[CODE128 123456]');
    expect(emulator.preview(7)).toBe('');
  });

  it('takes several connections at once', async () => {
    const [a, b] = await Promise.all([client(), client()]);
    a.send(receipt('A'));
    b.send(receipt('B'));
    await Promise.all([a.status(1), b.status(1)]);
    expect(titles(emulator).flat().sort()).toEqual(['A', 'B']);
  });

  it('counts drawer kicks and reports the drawer open on pin 3', async () => {
    const c = await client();
    const counts: number[] = [];
    emulator.onEvent((event) => {
      if (event.type === 'kick') counts.push(event.count);
    });
    c.send(receipt('KICK', { kick: true }));
    c.send([0x10, 0x14, 1, 0, 2]);
    expect(await c.status(1)).toEqual([0x16]);
    expect(emulator.kicks()).toEqual([
      { kind: 'drawer-kick', pin: 2, onMs: 100, offMs: 500 },
      { kind: 'drawer-kick', pin: 2, onMs: 200, offMs: 200 },
    ]);
    expect(counts).toEqual([1, 2]);
  });

  it('prints nothing while the paper is out, says so in its status, and prints again once refilled', async () => {
    const c = await client();
    emulator.setCondition({ paperOut: true });
    c.send(receipt('NO PAPER', { kick: true }));
    expect(await c.status(1, 4)).toEqual([0x1a, 0x7e]);
    expect(emulator.receipts()).toEqual([]);
    expect(emulator.unfinished()).toEqual([]);
    expect(emulator.kicks()).toEqual([]);
    emulator.setCondition({ paperOut: false });
    c.send(receipt('REFILLED'));
    expect(await c.status(1)).toEqual([0x12]);
    expect(titles(emulator)).toEqual([['REFILLED']]);
  });

  it('drops every connection when asked, as a printer switched off', async () => {
    const c = await client();
    const closed = new Promise<void>((resolve) => c.socket.once('close', () => resolve()));
    emulator.dropConnections();
    await closed;
    expect(c.socket.destroyed).toBe(true);
    const again = await client();
    expect(await again.status(1)).toEqual([0x12]);
  });
});
