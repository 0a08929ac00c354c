/**
 * Runs the virtual hardware rig (src/devices/virtual/rig-process.ts) as a Node child process under tsx,
 * beside the device service rather than inside it: a crash of the service leaves the virtual printer,
 * scanner and pole display running, as real hardware would be.
 */
import { fileURLToPath } from 'node:url';
import type { VirtualRigClient } from '../backend/hardware/virtual-rig';
import { startVirtualRig } from '../backend/hardware/virtual-rig';
import { forkTsxChild } from './tsx-child';

/** The rig's entry, run from source. */
export const virtualRigEntry = fileURLToPath(new URL('../devices/virtual/rig-process.ts', import.meta.url));

/** Starts the rig for the device data folder `dataDir` and resolves once its twins listen. */
export function startChildVirtualRig(
  dataDir: string,
  log?: (line: string) => void,
): Promise<VirtualRigClient> {
  return startVirtualRig((listeners) => forkTsxChild(virtualRigEntry, dataDir, listeners), { log });
}
