/**
 * A USB printer through the Linux `usblp` driver: `/dev/usb/lp0`, `/dev/usb/lp1`… opened read/write.
 * Bidirectional printers answer status requests (DLE EOT) on the same file.
 *
 * The file is opened non-blocking: a blocking read would park one of libuv's four worker threads until the
 * printer says something, and a blocking write would hang `close()` behind a printer that is out of paper.
 * So reads are polled (`EAGAIN` means "nothing yet") and writes are retried while the kernel is busy.
 * A printer that is unplugged makes the file fail with `ENODEV` or `EIO`, or read as ended: `onClose`.
 */
import { constants } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Transport } from '../core/contracts';
import { deviceFault } from '../core/fault';

/** Which file to open. */
export interface UsbLpTransportOptions {
  /** The printer's character device, e.g. `/dev/usb/lp0`. */
  path: string;
  /** How often to look for bytes from the printer (default 20 ms). */
  pollMs?: number;
  /** How long a write may wait for a busy printer before it is `offline` (default 10000 ms). */
  writeTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errno = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** The file is gone or broken: the printer was unplugged or switched off. */
const goneCodes = new Set(['ENODEV', 'EIO', 'ENXIO', 'EBADF', 'ESHUTDOWN', 'EPIPE']);

/** Creates a transport to the USB printer at `path`; nothing is opened until `open()`. */
export function createUsbLpTransport(options: UsbLpTransportOptions): Transport {
  const { path } = options;
  const pollMs = options.pollMs ?? 20;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(reason: string) => void>();
  let handle: FileHandle | null = null;

  const lost = (current: FileHandle, reason: string) => {
    if (handle !== current) return;
    handle = null;
    void current.close().catch(() => undefined);
    for (const listener of closeListeners) listener(reason);
  };

  /** Reads whatever the printer sent until the file is closed. */
  const poll = async (current: FileHandle) => {
    const buffer = Buffer.alloc(256);
    let empty = 0;
    while (handle === current) {
      try {
        const { bytesRead } = await current.read(buffer, 0, buffer.length, null);
        if (bytesRead > 0) {
          empty = 0;
          const chunk = new Uint8Array(buffer.subarray(0, bytesRead));
          for (const listener of dataListeners) listener(chunk);
          continue;
        }
        // End of file: the device hung up. usblp may hand over one empty USB packet as a 0-byte read,
        // so only several in a row count.
        empty += 1;
        if (empty >= 3) return lost(current, `${path}: the device hung up`);
      } catch (error) {
        if (handle !== current) return;
        if (goneCodes.has(errno(error))) return lost(current, `${path}: ${errno(error)}`);
        if (errno(error) !== 'EAGAIN') return lost(current, `${path}: ${(error as Error).message}`);
      }
      await sleep(pollMs);
    }
  };

  return {
    description: `usblp ${path}`,
    get isOpen() {
      return handle !== null;
    },

    async open() {
      if (typeof path !== 'string' || !path.startsWith('/') || path.length > 255) {
        throw deviceFault('misconfigured', 'the printer path must be an absolute path such as /dev/usb/lp0');
      }
      if (handle) return;
      try {
        handle = await openFile(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
      } catch (error) {
        const code = errno(error);
        if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
          throw deviceFault('port_busy', `${path}: ${code} (permissions, or another program has it)`, error);
        }
        throw deviceFault('offline', `${path}: ${code || (error as Error).message}`, error);
      }
      void poll(handle);
    },

    async write(bytes) {
      const current = handle;
      if (!current) throw deviceFault('offline', `${path} is not open`);
      const until = Date.now() + writeTimeoutMs;
      let offset = 0;
      while (offset < bytes.length) {
        if (handle !== current) throw deviceFault('offline', `${path} closed while writing`);
        try {
          const { bytesWritten } = await current.write(bytes, offset, bytes.length - offset, null);
          offset += bytesWritten;
          continue;
        } catch (error) {
          if (errno(error) !== 'EAGAIN') {
            lost(current, `${path}: ${errno(error) || (error as Error).message}`);
            throw deviceFault('offline', `write to ${path} failed: ${(error as Error).message}`, error);
          }
        }
        // The printer's buffer is full (or it is out of paper and not taking data): wait, then give up.
        if (Date.now() > until) throw deviceFault('offline', `${path} took no data for ${writeTimeoutMs} ms`);
        await sleep(10);
      }
    },

    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },

    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },

    async close() {
      const current = handle;
      handle = null;
      await current?.close().catch(() => undefined);
    },
  };
}
