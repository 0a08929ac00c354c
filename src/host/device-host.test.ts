import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceHostStatus } from '@till/shared/devices/protocol';
import type { DeviceHost } from '../backend/devices/device-host';
import { eventually } from '../../test/support/eventually';
import { createChildProcessDeviceHost } from './device-host';

let host: DeviceHost | undefined;
const logs: string[] = [];

afterEach(async () => {
  await host?.stop();
  host = undefined;
  logs.length = 0;
});

/** Whether a process with this id exists (signal 0 only checks). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A host over the real service, recording every status it reports. */
function startRecording(options: Parameters<typeof createChildProcessDeviceHost>[0] = {}) {
  const created = createChildProcessDeviceHost({
    restartDelaysMs: [100],
    log: (l) => logs.push(l),
    ...options,
  });
  host = created;
  const statuses: DeviceHostStatus[] = [];
  created.on('host:status', (status) => statuses.push(status));
  return { host: created, statuses };
}

describe('the child-process device host, with the real device service', () => {
  it('starts the service, which answers health with its own pid and no devices', async () => {
    const { host } = startRecording();
    const started = await host.start();
    expect(started.state).toBe('running');
    const pid = started.pid!;
    expect(pid).not.toBe(process.pid);
    expect(isAlive(pid)).toBe(true);

    expect(await host.request({ method: 'health' })).toEqual({ ok: true, value: { pid, devices: [] } });
  });

  it('restarts a service killed with SIGKILL, reports restarting, running, and answers again', async () => {
    const { host, statuses } = startRecording();
    const first = (await host.start()).pid!;
    // What a caller gets while the service is down: asked at the moment the host reports it.
    let duringRestart: unknown;
    host.on('host:status', (status) => {
      if (status.state === 'restarting')
        void host.request({ method: 'health' }).then((r) => (duringRestart = r));
    });

    process.kill(first, 'SIGKILL');
    await eventually(
      () => host.status().state === 'running' && host.status().pid !== first,
      20_000,
      'restart',
    );

    const second = host.status().pid!;
    expect(isAlive(first)).toBe(false);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'running', 'restarting', 'running']);
    expect(host.status().restarts).toBe(1);
    expect(duringRestart).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await host.request({ method: 'health' })).toEqual({
      ok: true,
      value: { pid: second, devices: [] },
    });
    expect(logs.join('\n')).toContain('signal SIGKILL');
  });

  it('stops the service: no child is left and requests are refused as unavailable', async () => {
    const { host } = startRecording();
    const pid = (await host.start()).pid!;
    await host.stop();

    expect(host.status()).toMatchObject({ state: 'stopped' });
    expect(isAlive(pid)).toBe(false);
    expect(await host.request({ method: 'health' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('refuses an unknown method without bothering the service', async () => {
    const { host } = startRecording();
    await host.start();
    const call = { method: 'teleport' } as unknown as { method: 'health' };
    expect(await host.request(call)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await host.request({ method: 'health' })).toMatchObject({ ok: true });
  });
});

describe('the child-process device host, with a service that never says ready', () => {
  it('kills it after the ready timeout and keeps restarting it until stopped', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'till-devices-'));
    const entry = path.join(dir, 'silent-service.mjs');
    await writeFile(entry, 'setInterval(() => {}, 1000);\n');
    try {
      const { host, statuses } = startRecording({ entry, readyTimeoutMs: 1_000 });
      expect(await host.start()).toMatchObject({ state: 'restarting', restarts: 1 });
      await eventually(() => host.status().restarts >= 2, 20_000, 'a second restart');
      await host.stop();
      expect(statuses.map((s) => s.state)).not.toContain('running');
      expect(statuses.at(-1)?.state).toBe('stopped');
      expect(logs.join('\n')).toContain('did not start within 1000 ms');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
