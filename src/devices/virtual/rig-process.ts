/**
 * The virtual hardware rig's process entry (./rig.ts): started by the process host beside the device
 * service, with the device data folder in `TILL_DEVICE_DATA_DIR`. It says `ready` with where its twins are,
 * answers the host's requests (src/shared/devices/rig-protocol.ts), and stops its twins and exits on
 * `shutdown`, on SIGTERM or when the host goes away.
 */
import path from 'node:path';
import { rigHostMessageSchema, rigMethods } from '@till/shared/devices/rig-protocol';
import { openParentChannel } from '../parent-channel';
import { startVirtualRig } from './rig';

const channel = openParentChannel();
const dataDir = process.env.TILL_DEVICE_DATA_DIR;
if (!channel || !dataDir) {
  console.error('The virtual hardware runs as a child of the register host, with TILL_DEVICE_DATA_DIR set.');
  process.exit(2);
}

const rig = await startVirtualRig(path.resolve(dataDir));
let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 2_000).unref();
  void rig.close().finally(() => process.exit(0));
}

channel.onMessage((raw) => {
  const parsed = rigHostMessageSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'shutdown') return shutdown();
  const params = rigMethods[message.method].params.safeParse(message.params);
  const answer = (result: unknown): void => channel.send({ type: 'result', id: message.id, result });
  if (!params.success)
    return answer({ ok: false, error: { code: 'invalid_request', message: 'Invalid params.' } });
  const run = async (): Promise<unknown> => {
    if (message.method === 'state') return rig.state();
    if (message.method === 'scan') {
      await rig.scan((params.data as { data: string }).data);
      return { sent: true };
    }
    rig.setPrinter(params.data as Parameters<typeof rig.setPrinter>[0]);
    return { set: true };
  };
  run().then(
    (value) => answer({ ok: true, value }),
    (error: unknown) =>
      answer({
        ok: false,
        error: {
          code: 'failed',
          message: String(error instanceof Error ? error.message : error).slice(0, 500),
        },
      }),
  );
});
channel.onDisconnect(shutdown);
process.on('SIGTERM', shutdown);
channel.send({
  type: 'ready',
  printer: rig.printer,
  scannerPath: rig.scannerPath,
  displayPath: rig.displayPath,
  wroteConfig: rig.wroteConfig,
});
