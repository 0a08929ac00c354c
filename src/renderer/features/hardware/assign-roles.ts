/**
 * Turns "this port plays this role" choices on the Hardware screen into a device configuration: each
 * assigned role gets the discovered port (serial at 9600 baud, or HID for a USB scanner), roles not
 * assigned keep what they had. Pure, so it is tested without a screen.
 */
import type { DeviceRole, DevicesConfig, DevicesConfigInput } from '@till/shared/devices/config';
import type { z } from 'zod';
import type { discoveredDeviceSchema } from '@till/shared/devices/records';

type Discovered = z.infer<typeof discoveredDeviceSchema>;

/** Which roles a discovered port can play (a HID device is only ever a scanner). */
export function rolesFor(device: Discovered): DeviceRole[] {
  return device.kind === 'hid' ? ['scanner'] : ['scanner', 'printer', 'drawer', 'display'];
}

/** The configuration with each `assignments` entry (port path → role) applied over `current`. */
export function assignRoles(
  current: DevicesConfig | null,
  discovered: readonly Discovered[],
  assignments: ReadonlyMap<string, DeviceRole>,
): { ok: true; config: DevicesConfigInput } | { ok: false; message: string } {
  const config: DevicesConfigInput = {
    version: 1,
    scanner: current?.scanner ?? null,
    printer: current?.printer ?? null,
    drawer: current?.drawer ?? null,
    display: current?.display ?? null,
  };
  const taken = new Set<DeviceRole>();
  for (const [path, role] of assignments) {
    const device = discovered.find((d) => d.path === path);
    if (!device) return { ok: false, message: `${path} is no longer attached: find devices again.` };
    if (!rolesFor(device).includes(role)) {
      return { ok: false, message: `${path} cannot be the ${role}.` };
    }
    if (taken.has(role)) return { ok: false, message: `Two ports are assigned the ${role}: keep one.` };
    taken.add(role);
    const serial = { type: 'serial' as const, path, baudRate: 9600 };
    const virtual = device.virtual;
    if (role === 'scanner') {
      config.scanner = {
        virtual,
        connection: device.kind === 'hid' ? { type: 'hid', path } : { ...serial, suffix: 'cr' },
      };
    } else if (role === 'printer') {
      config.printer = { ...(current?.printer ?? {}), virtual, connection: serial };
    } else if (role === 'drawer') {
      config.drawer = { ...(current?.drawer ?? {}), virtual, connection: serial };
    } else {
      config.display = { ...(current?.display ?? {}), virtual, connection: serial };
    }
  }
  return { ok: true, config };
}
