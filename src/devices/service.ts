/**
 * The device service's entry: a plain Node program run as a child of the register's process host (an
 * Electron utility process, or `child_process.fork` under tsx in browser mode), so that a crashing native
 * driver takes down only this process, which the host then restarts (docs/architecture.md, "Devices").
 *
 * It speaks the protocol of src/shared/devices/protocol.ts over its parent channel: `ready` once it listens,
 * a `result` for each `request`, and it exits on `shutdown` or when the host goes away.
 */
import { createMethodHandlers } from './methods';
import { openParentChannel } from './parent-channel';
import { handleHostMessage } from './request-handler';

const channel = openParentChannel();
if (!channel) {
  console.error('The device service runs as a child of the register (Electron main or src/host).');
  process.exit(2);
}

const handlers = createMethodHandlers({ pid: process.pid, devices: () => [] });

/** Releases and closes every device, then exits. Nothing is open yet; drivers will close theirs here. */
function shutdown(): void {
  process.exit(0);
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
channel.send({ type: 'ready', pid: process.pid });
