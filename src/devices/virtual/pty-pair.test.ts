import { lstat, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSerialTransport } from '../transports/serial';
import { openPtyPair } from './pty-pair';

const gone = async (path: string) =>
  lstat(path).then(
    () => false,
    () => true,
  );

describe('openPtyPair', () => {
  it('connects two ends, vanishes on close, and opens again on the same paths (even over a stale link)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'till-pty-test-'));
    try {
      await symlink('/dev/pts/does-not-exist', join(dir, 'a'));
      const pair = await openPtyPair({ dir, names: ['a', 'b'] });
      const device = createSerialTransport({ path: pair.devicePath, baudRate: 9600 });
      const peer = createSerialTransport({ path: pair.peerPath, baudRate: 9600 });
      await device.open();
      await peer.open();
      const received: number[] = [];
      device.onData((chunk) => received.push(...chunk));
      await peer.write(Uint8Array.of(1, 2, 3));
      const start = Date.now();
      while (received.length < 3 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
      expect(received).toEqual([1, 2, 3]);
      // A pty cannot report modem lines.
      expect(await device.modemLines()).toBeNull();
      const closed: string[] = [];
      device.onClose((reason) => closed.push(reason));
      await device.close();
      await peer.close();
      await pair.close();
      // Closed on purpose: not reported as the device going away.
      expect(closed).toEqual([]);
      expect(await gone(pair.devicePath)).toBe(true);
      expect(await gone(pair.peerPath)).toBe(true);
      const again = await openPtyPair({ dir, names: ['a', 'b'] });
      expect(again.devicePath).toBe(pair.devicePath);
      expect(await gone(again.devicePath)).toBe(false);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('maps a missing port to offline and a port another program holds to port_busy', async () => {
    const missing = createSerialTransport({ path: '/dev/till-no-such-port', baudRate: 9600 });
    await expect(missing.open()).rejects.toMatchObject({ code: 'offline' });
    const pair = await openPtyPair();
    try {
      const first = createSerialTransport({ path: pair.devicePath, baudRate: 9600 });
      await first.open();
      const second = createSerialTransport({ path: pair.devicePath, baudRate: 9600 });
      await expect(second.open()).rejects.toMatchObject({ code: 'port_busy' });
      await first.close();
      await expect(first.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'offline' });
    } finally {
      await pair.close();
    }
  });
});
