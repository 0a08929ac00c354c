import { describe, expect, it } from 'vitest';
import { devicesConfigSchema } from '@till/shared/devices/config';
import { assignRoles, rolesFor } from './assign-roles';

const serial = (path: string, virtual = false) => ({ path, kind: 'serial' as const, virtual });
const hid = (path: string) => ({ path, kind: 'hid' as const, virtual: false });

describe('assignRoles', () => {
  it('gives each assigned role its port and keeps the roles not assigned', () => {
    const current = devicesConfigSchema.parse({
      printer: { connection: { type: 'tcp', host: '10.0.0.9' }, columns: 48 },
    });
    const result = assignRoles(
      current,
      [serial('/dev/ttyUSB0'), hid('/dev/hidraw1'), serial('/dev/ttyS1', true)],
      new Map([
        ['/dev/hidraw1', 'scanner'],
        ['/dev/ttyS1', 'display'],
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = devicesConfigSchema.parse(result.config);
    expect(parsed.scanner).toEqual({ virtual: false, connection: { type: 'hid', path: '/dev/hidraw1' } });
    expect(parsed.display?.connection).toEqual({ type: 'serial', path: '/dev/ttyS1', baudRate: 9600 });
    expect(parsed.display?.virtual).toBe(true);
    expect(parsed.printer).toEqual(current.printer);
    expect(parsed.drawer).toBeNull();
  });

  it('keeps a serial printer’s other settings when only its port changes', () => {
    const current = devicesConfigSchema.parse({
      printer: { connection: { type: 'tcp', host: 'printer.local' }, columns: 32, codepage: 'cp858' },
    });
    const result = assignRoles(current, [serial('/dev/ttyUSB0')], new Map([['/dev/ttyUSB0', 'printer']]));
    if (!result.ok) throw new Error(result.message);
    const printer = devicesConfigSchema.parse(result.config).printer;
    expect(printer?.connection).toEqual({ type: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 });
    expect(printer?.columns).toBe(32);
    expect(printer?.codepage).toBe('cp858');
  });

  it('refuses a HID device as anything but a scanner, two ports for one role, and a port gone', () => {
    expect(rolesFor(hid('/dev/hidraw0'))).toEqual(['scanner']);
    const found = [serial('/dev/ttyS0'), serial('/dev/ttyS1'), hid('/dev/hidraw0')];
    const asPrinter = assignRoles(null, found, new Map([['/dev/hidraw0', 'printer']]));
    expect(asPrinter).toEqual({ ok: false, message: '/dev/hidraw0 cannot be the printer.' });
    const twice = assignRoles(
      null,
      found,
      new Map([
        ['/dev/ttyS0', 'display'],
        ['/dev/ttyS1', 'display'],
      ]),
    );
    expect(twice.ok).toBe(false);
    const gone = assignRoles(null, found, new Map([['/dev/ttyUSB9', 'scanner']]));
    expect(gone).toEqual({ ok: false, message: '/dev/ttyUSB9 is no longer attached: find devices again.' });
  });
});
