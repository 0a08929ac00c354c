/**
 * The register host with virtual hardware, all real: the rig as its own child process (ESC/POS emulator
 * on TCP, scanner and pole display on socat ptys), the device service as another, and the page's side
 * through the IPC handlers over a real WebSocket. A service killed with SIGKILL is restarted and its
 * devices come back, while the twins keep running.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { IpcChannel, IpcRequest, IpcResponse, IpcResult } from '@till/shared/ipc/contract';
import { eventually } from '../../test/support/eventually';
import type { RegisterHost } from './register-host';
import { startRegisterHost } from './register-host';

let host: RegisterHost;
let dir: string;
let ws: WebSocket;
const received: { event: string; payload: unknown }[] = [];
let nextId = 1;

/** Calls a channel over the page's WebSocket and resolves with its result. */
function invoke<C extends IpcChannel>(
  channel: C,
  payload?: IpcRequest<C>,
): Promise<IpcResult<IpcResponse<C>>> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: never };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result!);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  });
}

const devicesUp = async () => {
  const overview = await invoke('hardware:overview');
  return (
    overview.ok &&
    overview.value.devices.length === 4 &&
    overview.value.devices.every((d) => d.state === 'enabled')
  );
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'till-virtual-host-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Till</title>');
  host = await startRegisterHost({
    rendererDir: dir,
    version: '9.9.9',
    port: 0,
    dataDir: path.join(dir, 'data'),
    virtualHardware: true,
    deviceService: { restartDelaysMs: [100] },
  });
  ws = new WebSocket(`ws://127.0.0.1:${host.port}/till?token=${host.token}`, { origin: host.origin });
  await new Promise((resolve) => ws.once('open', resolve));
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string; event: string; payload: unknown };
    if (message.type === 'event') received.push(message);
  });
}, 60_000);

afterAll(async () => {
  ws?.close();
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a register host with virtual hardware', () => {
  it('writes a devices.json pointing at the twins and opens all four devices', async () => {
    expect(host.virtualRig).toBeTruthy();
    const config = JSON.parse(await readFile(path.join(dir, 'data/devices/devices.json'), 'utf8'));
    expect(config.printer).toMatchObject({
      virtual: true,
      connection: { type: 'tcp', port: host.virtualRig!.ready.printer.port },
    });
    await eventually(devicesUp, 20_000, 'all devices enabled');
    expect(await invoke('printer:status')).toMatchObject({
      ok: true,
      value: { configured: true, columns: 42, virtual: true, online: true },
    });
  }, 30_000);

  it('prints a receipt, opens the drawer once per sale and shows the pole display', async () => {
    const lines = [{ text: 'Virtual receipt'.padEnd(42) }, { text: ' '.repeat(42), kind: 'cut' as const }];
    expect(
      await invoke('printer:print', { lines, columns: 42, jobId: 'sale-a', title: 'Receipt A' }),
    ).toMatchObject({
      ok: true,
      value: { jobId: 'sale-a', printed: true, state: 'done' },
    });
    expect(await invoke('printer:drawer', { key: 'sale-a' })).toEqual({
      ok: true,
      value: { opened: true, alreadyOpened: false },
    });
    expect(await invoke('printer:drawer', { key: 'sale-a' })).toEqual({
      ok: true,
      value: { opened: true, alreadyOpened: true },
    });
    await invoke('display:publish', { kind: 'idle', storeName: 'Till Downtown' });
    await eventually(
      async () => {
        const twins = await invoke('hardware:virtual');
        return twins.ok && twins.value.display.lines.join('\n').includes('Till Downtown');
      },
      10_000,
      'pole display',
    );
    const twins = await invoke('hardware:virtual');
    if (!twins.ok) throw new Error(twins.error.message);
    expect(twins.value.printer.kicks).toBe(1);
    expect(twins.value.printer.receipts.at(-1)?.text).toContain('Virtual receipt');
  }, 30_000);

  it('delivers a simulated scan through the pty and the serial driver to the page', async () => {
    expect(await invoke('hardware:simulate-scan', { data: '4006381333931' })).toEqual({
      ok: true,
      value: { sent: true },
    });
    await eventually(() => received.some((e) => e.event === 'scanner:scan'), 10_000, 'scan event');
    expect(received.find((e) => e.event === 'scanner:scan')?.payload).toMatchObject({
      data: '4006381333931',
      deviceId: 'scanner:virtual',
    });
  }, 20_000);

  it('restarts a killed device service and its devices come back, the twins untouched', async () => {
    const before = host.devices!.status().pid!;
    const printerPort = host.virtualRig!.ready.printer.port;
    process.kill(before, 'SIGKILL');
    await eventually(
      () => host.devices!.status().state === 'running' && host.devices!.status().pid !== before,
      20_000,
      'restart',
    );
    await eventually(devicesUp, 20_000, 'devices back');
    expect(host.virtualRig!.ready.printer.port).toBe(printerPort);
    const lines = [{ text: 'After the restart'.padEnd(42) }, { text: ' '.repeat(42), kind: 'cut' as const }];
    expect(await invoke('printer:print', { lines, columns: 42 })).toMatchObject({
      ok: true,
      value: { printed: true },
    });
    // The key is remembered on disk: the restarted service does not open the drawer again for it.
    expect(await invoke('printer:drawer', { key: 'sale-a' })).toMatchObject({
      value: { alreadyOpened: true },
    });
  }, 60_000);

  it('holds a receipt while the virtual printer is out of paper, then prints it; runs tests; refuses bad input', async () => {
    expect(await invoke('hardware:virtual-printer', { paperOut: true })).toEqual({
      ok: true,
      value: { set: true },
    });
    await eventually(
      async () => {
        const status = await invoke('printer:status');
        return status.ok && status.value.faults.some((f) => f.code === 'paper_out');
      },
      10_000,
      'paper_out on the status',
    );
    const lines = [{ text: 'Held receipt'.padEnd(42) }, { text: ' '.repeat(42), kind: 'cut' as const }];
    const held = await invoke('printer:print', { lines, columns: 42, jobId: 'sale-held' });
    expect(held).toMatchObject({ ok: true, value: { printed: false, state: 'held' } });
    expect(held.ok && held.value.message).toMatch(/out of paper/);

    await invoke('hardware:virtual-printer', { paperOut: false });
    await eventually(
      async () => {
        const overview = await invoke('hardware:overview');
        return overview.ok && overview.value.jobs.some((j) => j.id === 'sale-held' && j.state === 'done');
      },
      10_000,
      'the held job printed',
    );
    expect(received.some((e) => e.event === 'hardware:changed')).toBe(true);
    expect(await invoke('hardware:test', { role: 'printer', kind: 'page' })).toEqual({
      ok: true,
      value: { message: 'The test page printed.' },
    });
    expect(await invoke('hardware:test', { role: 'scanner', kind: 'drawer' })).toMatchObject({
      ok: false,
      error: { code: 'test_unsupported' },
    });
    expect(await invoke('hardware:jobs', { action: 'discard', id: 'no-such-job' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_job' },
    });
    const before = await readFile(path.join(dir, 'data/devices/devices.json'), 'utf8');
    const bad = {
      printer: { connection: { type: 'tcp', host: 'x' }, columns: 40 },
    } as unknown as IpcRequest<'hardware:configure'>;
    expect(await invoke('hardware:configure', bad)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await readFile(path.join(dir, 'data/devices/devices.json'), 'utf8')).toBe(before);
  }, 60_000);

  it('exports a diagnostics report with the configuration, devices and recent scans', async () => {
    const report = await invoke('hardware:diagnostics');
    if (!report.ok) throw new Error(report.error.message);
    const json = JSON.parse(report.value.json);
    expect(json.app.version).toBe('9.9.9');
    expect(json.deviceService.devices).toHaveLength(4);
    expect(report.value.fileName).toMatch(/^till-diagnostics-.*\.json$/);
  });
});
