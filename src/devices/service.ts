/**
 * The device service's entry: a plain Node program run as a child of the register's process host (an
 * Electron utility process, or `child_process.fork` under tsx in browser mode), so that a crashing native
 * driver takes down only this process, which the host then restarts (docs/architecture.md, "Devices").
 *
 * It speaks the protocol of src/shared/devices/protocol.ts over its parent channel: `ready` once it listens,
 * a `result` for each `request`, `event`s from its devices, and it releases and closes every device and
 * exits on `shutdown` or when the host goes away. Its data folder (`devices.json`, the print spool) is
 * `TILL_DEVICE_DATA_DIR`, given by the host; without one it drives no device.
 */
import path from 'node:path';
import { createDeviceManager } from './manager/manager';
import { createMethodHandlers } from './methods';
import { openParentChannel } from './parent-channel';
import { handleHostMessage } from './request-handler';

const channel = openParentChannel();
if (!channel) {
  console.error('The device service runs as a child of the register (Electron main or src/host).');
  process.exit(2);
}

const dataDir = process.env.TILL_DEVICE_DATA_DIR;
const manager = dataDir
  ? createDeviceManager({
      dataDir: path.resolve(dataDir),
      emit: (event, payload) => channel.send({ type: 'event', event, payload }),
    })
  : undefined;

const handlers = createMethodHandlers({
  pid: process.pid,
  devices: () => manager?.devices() ?? [],
  manager,
});

let stopping = false;
/** Releases and closes every device, then exits; a device that hangs on close cannot keep it alive. */
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 1_500).unref();
  void (manager?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
}

channel.onMessage((raw) => {
  void handleHostMessage(handlers, raw).then((outcome) => {
    if (outcome.kind === 'reply') channel.send(outcome.message);
    else if (outcome.kind === 'shutdown') shutdown();
    else console.error(`[devices] ignored a message from the host: ${outcome.reason}`);
  });
});
// A host killed with -9 cannot say `shutdown`; its closed channel is the signal not to linger as an orphan.
channel.onDisconnect(shutdown);
process.on('SIGTERM', shutdown);
// Devices open in the background: the host may ask `health` at once, and a slow printer delays nothing.
channel.send({ type: 'ready', pid: process.pid });
void manager
  ?.start()
  .catch((error: unknown) => manager.recorder.error(null, `start failed: ${String(error)}`));
