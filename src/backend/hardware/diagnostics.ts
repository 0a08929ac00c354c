/**
 * The diagnostics report the Hardware screen exports for support: the app's version and platform, the
 * device service's status, its configuration, device states, last errors, recent jobs and scans. The
 * device configuration holds paths and host names only, and the report carries nothing else of the
 * register's (no enrollment token, no staff data), so it is safe to send.
 */
import os from 'node:os';
import type { HardwareContext } from './hardware-context';

/** Builds the report; never fails (a service that is down is said in the report). */
export async function diagnosticsReport(
  context: HardwareContext,
): Promise<{ fileName: string; json: string }> {
  const at = new Date();
  const devices = context.devices ?? null;
  const service = devices ? await devices.request({ method: 'diagnostics' }) : null;
  const rig = context.virtualRig?.() ?? null;
  const report = {
    generatedAt: at.toISOString(),
    app: { version: context.version, mode: context.mode, platform: context.platform },
    host: { node: process.version, arch: process.arch, os: `${os.type()} ${os.release()}` },
    deviceHost: devices?.status() ?? null,
    deviceService: service === null ? null : service.ok ? service.value : { unavailable: service.error },
    virtualHardware: rig ? rig.ready : null,
  };
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return { fileName: `till-diagnostics-${stamp}.json`, json: JSON.stringify(report, null, 2) };
}
