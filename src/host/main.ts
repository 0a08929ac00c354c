/**
 * `tsx src/host/main.ts`: runs the browser-mode register host, and the device service as its child
 * process (./device-host.ts), until SIGINT/SIGTERM.
 *
 * TILL_VIRTUAL_HARDWARE=1 also runs the virtual hardware (./virtual-rig-process.ts: a network receipt
 * printer, a serial scanner and a pole display) and configures a register that has no devices.json to use
 * it; `npm start` sets it. The device service keeps its data in <TILL_DATA_DIR>/devices.
 *
 * Environment: REGISTER_PORT (default 5173; 0 picks a free port); TILL_DATA_DIR, the register's data folder
 * (default <repo>/data/register); TILL_HUB_URL and TILL_ENROLL_CODE, both set: the hub and code a register
 * with no enrollment enrolls with by itself (npm start sets them for its demo hub). Prints one line with the
 * page URL (token included: it is the way in, like a notebook server's URL) for scripts/start.mjs or a
 * person to open.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noticeDeviceStatus } from '../backend/devices/status-notice';
import { demoEnrollmentFromEnv } from '../backend/enrollment/demo-enrollment';
import { startRegisterHost } from './register-host';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const version = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string }).version;
const port = Number(process.env.REGISTER_PORT ?? 5173);
const dataDir = path.resolve(process.env.TILL_DATA_DIR || `${repoRoot}data/register`);

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`REGISTER_PORT must be a port number, got ${JSON.stringify(process.env.REGISTER_PORT)}.`);
  process.exit(2);
}
const demoEnrollment = (() => {
  try {
    return demoEnrollmentFromEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
})();

try {
  const host = await startRegisterHost({
    rendererDir: `${repoRoot}out/renderer`,
    version,
    port,
    dataDir,
    demoEnrollment,
    log: (line) => console.warn(line),
    deviceService: true,
    virtualHardware: process.env.TILL_VIRTUAL_HARDWARE === '1',
  });
  console.log(`Register host listening: ${host.pageUrl}`);

  // The device service runs beside the host as its child; a crash of it is restarted and told to the page.
  const devices = host.devices;
  if (devices) noticeDeviceStatus(devices, (notice) => host.broadcast('app:notice', notice));
  if (host.virtualRig) {
    const { printer, scannerPath, displayPath } = host.virtualRig.ready;
    console.log(
      `Virtual hardware: receipt printer on ${printer.host}:${printer.port}, scanner ${scannerPath}, pole display ${displayPath}.`,
    );
  }

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    host.broadcast('app:notice', {
      level: 'warning',
      code: 'host_stopping',
      message: 'The register host is stopping.',
    });
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} on 127.0.0.1 is in use: set REGISTER_PORT to another port (or 0 for any free one).`
      : `The register host could not start: ${String(error)}`,
  );
  process.exit(1);
}
