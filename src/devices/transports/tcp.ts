/**
 * A raw TCP transport: network receipt printers listen on port 9100 ("raw" or "JetDirect" printing) and
 * take ESC/POS or StarPRNT bytes as they are, answering status requests on the same socket.
 *
 * Trouble is reported as coded `DeviceFault`s: a refused, unreachable or silent host is `offline` (the
 * printer is off or the network is down), a bad address is `misconfigured`.
 */
import { Socket } from 'node:net';
import type { Transport } from '../core/contracts';
import { deviceFault } from '../core/fault';

/** Where the printer listens. */
export interface TcpTransportOptions {
  /** Host name or IP address, e.g. `192.168.1.50`. */
  host: string;
  /** TCP port; receipt printers use 9100. */
  port: number;
  /** How long to wait for the connection before calling the printer `offline` (default 3000). */
  connectTimeoutMs?: number;
}

/** Validates the address, so a typo is `misconfigured` rather than a mysterious `offline`. */
function checkOptions({ host, port }: TcpTransportOptions): string | null {
  if (typeof host !== 'string' || host.length === 0 || host.length > 253 || /\s/.test(host)) {
    return 'the printer host must be a host name or IP address';
  }
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return 'the printer port must be 1-65535';
  return null;
}

/** Creates a transport to `host:port`; nothing connects until `open()`. */
export function createTcpTransport(options: TcpTransportOptions): Transport {
  const { host, port } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const closeListeners = new Set<(reason: string) => void>();
  let socket: Socket | null = null;

  /** Forgets `closing`, and tells the listeners when it went away by itself. */
  const lost = (closing: Socket, reason: string) => {
    if (socket !== closing) return; // closed by us, or an older socket
    socket = null;
    closing.destroy();
    for (const listener of closeListeners) listener(reason);
  };

  return {
    description: `tcp ${host}:${port}`,
    get isOpen() {
      return socket !== null;
    },

    open() {
      const invalid = checkOptions(options);
      if (invalid) return Promise.reject(deviceFault('misconfigured', invalid));
      if (socket) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const next = new Socket();
        const fail = (message: string, cause?: unknown) => {
          next.destroy();
          reject(deviceFault('offline', message, cause));
        };
        // A printer that is off does not refuse: the SYN is lost, so the timeout is what tells.
        const timer = setTimeout(
          () => fail(`no answer from ${host}:${port} in ${connectTimeoutMs} ms`),
          connectTimeoutMs,
        );
        next.once('error', (error) => {
          clearTimeout(timer);
          fail(`cannot connect to ${host}:${port}: ${error.message}`, error);
        });
        next.connect({ host, port }, () => {
          clearTimeout(timer);
          next.removeAllListeners('error');
          // Small status requests must not wait for Nagle; keep-alive notices a printer switched off.
          next.setNoDelay(true);
          next.setKeepAlive(true, 5000);
          next.on('data', (chunk: Buffer) => {
            const bytes = new Uint8Array(chunk);
            for (const listener of dataListeners) listener(bytes);
          });
          next.on('error', (error) => lost(next, `connection error: ${error.message}`));
          next.on('close', () => lost(next, 'the printer closed the connection'));
          socket = next;
          resolve();
        });
      });
    },

    write(bytes) {
      const current = socket;
      if (!current) return Promise.reject(deviceFault('offline', `${host}:${port} is not connected`));
      return new Promise<void>((resolve, reject) => {
        current.write(bytes, (error) => {
          if (error)
            reject(deviceFault('offline', `write to ${host}:${port} failed: ${error.message}`, error));
          else resolve();
        });
      });
    },

    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },

    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },

    close() {
      const current = socket;
      socket = null;
      if (!current) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // end() lets queued bytes reach the printer first; destroy() if the peer never acknowledges.
        const timer = setTimeout(() => current.destroy(), 1000);
        current.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        current.end();
      });
    },
  };
}
