import { describe, expect, it } from 'vitest';
import { devicesConfigSchema } from './config';
import {
  deviceEvents,
  deviceHostMessageSchema,
  deviceLifecycle,
  deviceMethods,
  deviceServiceMessageSchema,
  isDeviceEvent,
  isDeviceMethod,
} from './protocol';

describe('the device protocol', () => {
  it('walks the UnifiedPOS lifecycle forward and back to closed', () => {
    const forward = ['open', 'claim', 'enable'] as const;
    const back = ['disable', 'release', 'close'] as const;
    let state: string = 'closed';
    for (const step of [...forward, ...back]) {
      expect(deviceLifecycle[step].from).toBe(state);
      state = deviceLifecycle[step].to;
    }
    expect(state).toBe('closed');
  });

  it('knows its methods and events, and not names inherited from Object', () => {
    expect(isDeviceMethod('health')).toBe(true);
    expect(isDeviceEvent('device:status')).toBe(true);
    for (const name of ['toString', '__proto__', 'teleport', 7]) {
      expect(isDeviceMethod(name)).toBe(false);
      expect(isDeviceEvent(name)).toBe(false);
    }
  });

  it('accepts well-formed messages and refuses extra keys, bad ids and unknown types', () => {
    expect(deviceHostMessageSchema.safeParse({ type: 'request', id: 1, method: 'health' }).success).toBe(
      true,
    );
    expect(deviceHostMessageSchema.safeParse({ type: 'shutdown' }).success).toBe(true);
    expect(deviceHostMessageSchema.safeParse({ type: 'request', id: -1, method: 'health' }).success).toBe(
      false,
    );
    expect(deviceHostMessageSchema.safeParse({ type: 'request', id: 1.5, method: 'health' }).success).toBe(
      false,
    );
    expect(
      deviceHostMessageSchema.safeParse({ type: 'request', id: 1, method: 'health', admin: true }).success,
    ).toBe(false);
    expect(deviceHostMessageSchema.safeParse({ type: 'eval', id: 1 }).success).toBe(false);

    expect(deviceServiceMessageSchema.safeParse({ type: 'ready', pid: 12 }).success).toBe(true);
    const failed = { type: 'result', id: 1, result: { ok: false, error: { code: 'nope', message: 'x' } } };
    expect(deviceServiceMessageSchema.safeParse(failed).success).toBe(false);
  });
});

describe('the device configuration and method schemas', () => {
  it('fills in defaults for a minimal configuration', () => {
    const parsed = devicesConfigSchema.parse({
      printer: { connection: { type: 'tcp', host: '192.168.1.50' } },
      scanner: { connection: { type: 'serial', path: '/dev/ttyUSB0' } },
    });
    expect(parsed.printer).toMatchObject({
      virtual: false,
      connection: { type: 'tcp', host: '192.168.1.50', port: 9100 },
      language: 'esc-pos',
      columns: 42,
      codepage: 'auto',
      logo: false,
    });
    expect(parsed.scanner?.connection).toEqual({
      type: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      suffix: 'cr',
      aimPrefix: false,
    });
    expect(parsed.drawer).toBeNull();
  });

  it('refuses what no device has: odd widths, pins, control characters, unknown keys', () => {
    const printer = { connection: { type: 'tcp', host: 'printer.local' } };
    for (const bad of [
      { printer: { ...printer, columns: 40 } },
      { printer: { connection: { type: 'tcp', host: 'a\u0000b' } } },
      { printer: { ...printer, codepage: '../etc' } },
      { drawer: { connection: { type: 'printer', pin: 3 } } },
      { drawer: { connection: { type: 'printer' }, openTooLongSeconds: 99_999 } },
      { scanner: { connection: { type: 'serial', path: '/dev/ttyS0', baudRate: 12 } } },
      { display: { connection: { type: 'serial', path: '/dev/ttyS1' }, commandSet: 'vt100' } },
      { printer, extra: true },
    ]) {
      expect(devicesConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('bounds print jobs: ids are file-name safe, and lines are limited', () => {
    const line = { text: 'x'.padEnd(42) };
    const ok = {
      jobId: '0190b6f4-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
      title: 'Receipt',
      lines: [line],
      columns: 42,
    };
    expect(deviceMethods.print.params.safeParse(ok).success).toBe(true);
    for (const jobId of ['../x', '', 'a/b', 'x'.repeat(65)]) {
      expect(deviceMethods.print.params.safeParse({ ...ok, jobId }).success, jobId).toBe(false);
    }
    expect(deviceMethods.print.params.safeParse({ ...ok, lines: Array(2001).fill(line) }).success).toBe(
      false,
    );
    expect(deviceMethods['drawer:kick'].params.safeParse({ key: '' }).success).toBe(false);
  });

  it('knows the hardware methods and events', () => {
    for (const method of [
      'config:get',
      'config:set',
      'discover',
      'print',
      'jobs:resume',
      'drawer:kick',
      'test:run',
    ]) {
      expect(isDeviceMethod(method)).toBe(true);
    }
    for (const event of ['scanner:scan', 'printer:jobs', 'drawer:state'])
      expect(isDeviceEvent(event)).toBe(true);
    expect(
      deviceEvents['scanner:scan'].safeParse({ deviceId: 'scanner:x', data: '', symbology: 'ean13' }).success,
    ).toBe(false);
  });
});
