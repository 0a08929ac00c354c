/**
 * Runs the virtual hardware rig (src/devices/virtual/rig-process.ts) as a Node child process under tsx,
 * beside the device service rather than inside it: a crash of the service leaves the virtual printer,
 * scanner and pole display running, as real hardware would be.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { VirtualRigClient } from '../backend/hardware/virtual-rig';
import { startVirtualRig } from '../backend/hardware/virtual-rig';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The rig's entry, run from source. */
export const virtualRigEntry = fileURLToPath(new URL('../devices/virtual/rig-process.ts', import.meta.url));

/** Starts the rig for the device data folder `dataDir` and resolves once its twins listen. */
export function startChildVirtualRig(
  dataDir: string,
  log?: (line: string) => void,
): Promise<VirtualRigClient> {
  return startVirtualRig(
    (listeners) => {
      const child = fork(virtualRigEntry, [], {
        cwd: repoRoot,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'json',
        env: { ...process.env, TILL_DEVICE_DATA_DIR: dataDir },
      });
      let exited = false;
      const exit = (detail: string): void => {
        if (exited) return;
        exited = true;
        listeners.onExit(detail);
      };
      child.on('message', (message) => listeners.onMessage(message));
      child.on('exit', (code, signal) => exit(signal ? `signal ${signal}` : `exit code ${code}`));
      child.on('error', (error) => {
        if (child.pid === undefined) exit(`could not start: ${error.message}`);
      });
      return {
        send(message) {
          if (child.connected) child.send(message);
        },
        kill() {
          child.kill('SIGKILL');
        },
      };
    },
    { log },
  );
}
