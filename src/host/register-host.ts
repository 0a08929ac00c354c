/**
 * The browser-mode register host: serves the built renderer on 127.0.0.1 and implements `window.till` over a
 * WebSocket, for machines where the Electron binary is not available (docs/architecture.md, "Processes").
 *
 * Each launch makes a random token; the page gets it in its URL fragment (never sent over HTTP) and presents
 * it when it opens the WebSocket. See upgrade-gate.ts for who may connect.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { currentRendererCsp } from '../backend/csp';
import type { DeviceHost } from '../backend/devices/device-host';
import { forwardDeviceEvents } from '../backend/hardware/forward-events';
import type { VirtualRigClient } from '../backend/hardware/virtual-rig';
import type { DemoEnrollment } from '../backend/enrollment/register-handlers';
import { createIpcHandlers } from '../backend/ipc/handlers';
import type { IpcEvent, IpcEventPayload } from '@till/shared/ipc/contract';
import { pageTokenKey, wsMaxMessageBytes } from '@till/shared/ipc/ws-protocol';
import { type ChildDeviceHostOptions, createChildProcessDeviceHost } from './device-host';
import { serveRendererFiles } from './static-files';
import { checkUpgrade, loopbackPolicy } from './upgrade-gate';
import { startChildVirtualRig } from './virtual-rig-process';
import { attachSession, send } from './ws-session';

/** How to start a host. */
export interface RegisterHostOptions {
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
  /** The app's version, answered by `app:info`. */
  version: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Fixed token (tests); otherwise 32 random bytes. */
  token?: string;
  /** Where refusals are reported; silent by default. */
  log?: (line: string) => void;
  /**
   * The register's data folder (its enrollment). Default: a folder of its own under the OS temp folder,
   * created only if the register enrolls, so a host started without one never reads another's data.
   */
  dataDir?: string;
  /** A hub and code to enroll with when nothing is stored (`npm start`'s demo hub); default none. */
  demoEnrollment?: DemoEnrollment | null;
  /**
   * Run the device service as a child process, with its data (`devices.json`, the print spool) in
   * `<dataDir>/devices`: `true`, or the supervisor's options. Default: none, and then no printer is set up.
   */
  deviceService?: boolean | ChildDeviceHostOptions;
  /**
   * Run the virtual hardware (a network receipt printer, a serial scanner and a pole display on ptys) and
   * the device service with it; a register with no `devices.json` is configured to use them.
   */
  virtualHardware?: boolean;
}

/** A running host. */
export interface RegisterHost {
  port: number;
  /** `http://127.0.0.1:<port>`: the page's origin. */
  origin: string;
  token: string;
  /** The page URL to open, token included. */
  pageUrl: string;
  /** The device service, when this host runs one. */
  devices?: DeviceHost | null;
  /** The virtual hardware, when this host runs it. */
  virtualRig?: VirtualRigClient | null;
  /** Sends an event to every connected page. */
  broadcast<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a host on 127.0.0.1 and resolves once it listens. */
export async function startRegisterHost(options: RegisterHostOptions): Promise<RegisterHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.log ?? (() => {});
  const register = {
    dataDir: options.dataDir ?? path.join(tmpdir(), `till-register-${randomBytes(6).toString('hex')}`),
    demoEnrollment: options.demoEnrollment ?? null,
  };
  // The twins start first and write the default configuration, so the service finds them when it starts.
  const deviceDataDir = path.join(register.dataDir, 'devices');
  const virtualRig = options.virtualHardware ? await startVirtualHardware(deviceDataDir, log) : null;
  const devices =
    options.deviceService || options.virtualHardware
      ? createChildProcessDeviceHost({
          ...(typeof options.deviceService === 'object' ? options.deviceService : {}),
          dataDir: deviceDataDir,
        })
      : null;
  const handlers = createIpcHandlers({
    version: options.version,
    devices,
    virtualRig: () => virtualRig,
    mode: 'browser',
    platform: process.platform,
    ...register,
    // `clients` is set up below; enrollments happen only once a page is connected.
    onEnrollmentChanged: (enrollment) => {
      for (const client of clients) {
        send(client, { type: 'event', event: 'register:enrollment-changed', payload: enrollment });
      }
    },
    // Every page hears the customer display's state; only `/#display` pages listen for it.
    onDisplayUpdate: (state) => {
      for (const client of clients) send(client, { type: 'event', event: 'display:update', payload: state });
    },
  });
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the register's API must never be reachable from the network.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const policy = loopbackPolicy(port, token);
  const origin = `http://127.0.0.1:${port}`;

  const serveFiles = serveRendererFiles(options.rendererDir, policy.hosts, () =>
    currentRendererCsp(register),
  );
  server.on('request', (request, response) => void serveFiles(request, response));

  const wss = new WebSocketServer({ noServer: true, maxPayload: wsMaxMessageBytes });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkUpgrade(
      { url: request.url, origin: request.headers.origin, host: request.headers.host },
      policy,
    );
    if (!verdict.ok) {
      log(`[host] refused a WebSocket (${verdict.reason}) from origin ${request.headers.origin ?? 'none'}`);
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => {
      clients.add(client);
      client.on('close', () => clients.delete(client));
      attachSession(client, handlers);
    });
  });

  if (devices) {
    forwardDeviceEvents(devices, (event, payload) => {
      for (const client of clients) send(client, { type: 'event', event, payload });
    });
    await devices.start();
  }

  return {
    port,
    origin,
    token,
    pageUrl: `${origin}/#${pageTokenKey}=${token}`,
    devices,
    virtualRig,
    broadcast(event, payload) {
      for (const client of clients) send(client, { type: 'event', event, payload });
    },
    async close() {
      await devices?.stop();
      await virtualRig?.stop();
      for (const client of clients) client.close(1001, 'host stopping');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Give clients a moment to complete the closing handshake, then cut what is left.
      await new Promise((resolve) => setTimeout(resolve, 50).unref());
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

/** Starts the virtual hardware; a machine that cannot run it (no socat) gets a log line, not a crash. */
async function startVirtualHardware(
  dataDir: string,
  log: (line: string) => void,
): Promise<VirtualRigClient | null> {
  try {
    return await startChildVirtualRig(dataDir, log);
  } catch (error) {
    log(`[host] the virtual hardware could not start: ${(error as Error).message}`);
    return null;
  }
}
