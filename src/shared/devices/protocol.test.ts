import { describe, expect, it } from 'vitest';
import {
  deviceHostMessageSchema,
  deviceLifecycle,
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
    for (const name of ['toString', '__proto__', 'print', 7]) {
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
